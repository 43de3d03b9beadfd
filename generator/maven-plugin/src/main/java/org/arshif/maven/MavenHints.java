package org.arshif.maven;

import org.arshif.diag.Hints;

/** Fix hints in Maven's words: user properties ({@link Properties}) and the {@code arshif:new} goal. */
public final class MavenHints implements Hints {
    public static final Hints INSTANCE = new MavenHints();

    private MavenHints() {}

    @Override
    public String option(Option option, String value) {
        return "-D" + property(option) + "=" + value;
    }

    @Override
    public String newDispatch(Option option, String value) {
        return "mvn arshif:new " + option(option, value);
    }

    private static String property(Option option) {
        return switch (option) {
            case FUTURE -> Properties.FUTURE;
            case DRAFTS -> Properties.DRAFTS;
            case BASE_URL -> Properties.BASE_URL;
            case OUTPUT -> Properties.OUTPUT;
            case TITLE -> Properties.TITLE;
            case LANG -> Properties.LANG;
            case TRANSLATE -> Properties.TRANSLATE;
            case COMPACT -> Properties.COMPACT;
            case UGLY_URLS -> Properties.UGLY_URLS;
        };
    }
}
