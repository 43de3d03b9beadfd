package org.arshif.cli;

import java.util.Locale;
import org.arshif.diag.Hints;

/** Fix hints in the CLI's words: {@code --future}, {@code arshif new --translate …}. */
public final class CliHints implements Hints {
    public static final Hints INSTANCE = new CliHints();

    private CliHints() {}

    @Override
    public String option(Option option, String value) {
        String flag = flag(option);
        // A switch is given bare; "true" is what the core asks for when it means "turn it on".
        return Main.FLAGS.contains(flag) && "true".equals(value) ? flag : flag + " " + value;
    }

    @Override
    public String newDispatch(Option option, String value) {
        return "arshif new " + option(option, value);
    }

    private static String flag(Option option) {
        return switch (option) {
            case FUTURE -> "--future";
            case DRAFTS -> "--drafts";
            case BASE_URL -> "--base-url";
            case OUTPUT -> "--output";
            case TITLE -> "--title";
            case LANG -> "--lang";
            case TRANSLATE -> "--translate";
            case COMPACT -> "--compact";
            case UGLY_URLS -> "--ugly-urls";
            case HUGO_PATHS -> Main.HUGO_PATHS;
        };
    }

    /** The flag of an {@code arshif.yml} key, so the two are one name: {@code hugoPaths} is {@code --hugo-paths}. */
    public static String flagOf(String key) {
        return "--" + key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
