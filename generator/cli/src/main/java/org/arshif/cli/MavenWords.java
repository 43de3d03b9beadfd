package org.arshif.cli;

import java.util.Map;
import org.arshif.diag.Hints;

/**
 * Fix hints in Maven's words ({@code -Darshif.future=true}, {@code mvn arshif:new -Dtranslate=…}) for a build that
 * the Maven goal runs in this CLI's JVM, forked or warm: its findings reach Maven's log, so they name Maven's
 * properties, not this CLI's flags. The goal says so with {@link #VARIABLE}; {@code MavenHintsTest} keeps these
 * words equal to the plugin's own.
 */
public final class MavenWords implements Hints {
    /** The environment variable, set to {@code maven}, by which the Maven goal asks for its words. */
    public static final String VARIABLE = "ARSHIF_HINTS";

    public static final Hints INSTANCE = new MavenWords();

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
            case FUTURE -> "arshif.future";
            case DRAFTS -> "arshif.drafts";
            case BASE_URL -> "arshif.baseUrl";
            case OUTPUT -> "arshif.output";
            case TITLE -> "title";
            case LANG -> "lang";
            case TRANSLATE -> "translate";
            case COMPACT -> "arshif.compact";
            case UGLY_URLS -> "arshif.uglyUrls";
        };
    }
}
