package org.arshif.cli;

import java.util.Map;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Hints;

/**
 * Fix hints in Maven's words ({@code -Darshif.future=true}, {@code mvn arshif:new -Dtranslate=…}) for a build that
 * the Maven goal runs in this CLI's JVM, forked or warm: its findings reach Maven's log, so they name Maven's
 * properties, not this CLI's flags. The goal says so with {@link #VARIABLE}. The plugin words its own findings with
 * this class too, and declares its user properties by these names, so that each is written once.
 */
public final class MavenWords implements Hints {
    /** The environment variable, set to {@code maven}, by which the Maven goal asks for its words. */
    public static final String VARIABLE = "ARSHIF_HINTS";

    public static final Hints INSTANCE = new MavenWords();

    // The goals' user properties that a fix names (the plugin's Properties takes them from here).
    public static final String FUTURE = "arshif.future";
    public static final String DRAFTS = "arshif.drafts";
    public static final String BASE_URL = "arshif.baseUrl";
    public static final String OUTPUT = "arshif.output";
    public static final String COMPACT = "arshif.compact";
    public static final String UGLY_URLS = "arshif.uglyUrls";
    public static final String HUGO_PATHS = "arshif." + SiteConfig.HUGO_PATHS;
    // arshif:new takes the short names editors type: mvn arshif:new -Dtitle=… -Dlang=ar
    public static final String TITLE = "title";
    public static final String LANG = "lang";
    public static final String TRANSLATE = "translate";

    private MavenWords() {}

    /** The hints for a run with this environment: Maven's when the goal started it, else the CLI's. */
    public static Hints forEnvironment(Map<String, String> env) {
        return "maven".equals(env.get(VARIABLE)) ? INSTANCE : CliHints.INSTANCE;
    }

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
            case FUTURE -> FUTURE;
            case DRAFTS -> DRAFTS;
            case BASE_URL -> BASE_URL;
            case OUTPUT -> OUTPUT;
            case TITLE -> TITLE;
            case LANG -> LANG;
            case TRANSLATE -> TRANSLATE;
            case COMPACT -> COMPACT;
            case UGLY_URLS -> UGLY_URLS;
            case HUGO_PATHS -> HUGO_PATHS;
        };
    }
}
