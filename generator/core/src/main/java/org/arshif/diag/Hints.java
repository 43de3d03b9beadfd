package org.arshif.diag;

import java.util.Locale;

/**
 * Fix hints worded for the front end the user runs (Jib's {@code HelpfulSuggestions} is the model): the core
 * names an option by its meaning, the front end says how its users set it. The Maven plugin passes its own
 * ({@code -Darshif.future=true}, {@code mvn arshif:new -Dtranslate=…}), the CLI its own ({@code --future},
 * {@code arshif new --translate …}); an embedder gets {@link #NEUTRAL}.
 */
public interface Hints {

    /** The options a finding may tell the user to set, by meaning. */
    enum Option {
        FUTURE,
        DRAFTS,
        BASE_URL,
        OUTPUT,
        TITLE,
        LANG,
        TRANSLATE,
        COMPACT,
        UGLY_URLS,
        HUGO_PATHS
    }

    /** How to set {@code option} to {@code value} for a build, e.g. {@code -Darshif.future=true}. */
    String option(Option option, String value);

    /** The command that starts a new dispatch with {@code option} set to {@code value}. */
    String newDispatch(Option option, String value);

    /** Wording that names no front end: {@code future=true}, {@code new translate=…}. */
    Hints NEUTRAL = new Hints() {
        @Override
        public String option(Option option, String value) {
            return name(option) + "=" + value;
        }

        @Override
        public String newDispatch(Option option, String value) {
            return "new " + option(option, value);
        }

        private String name(Option option) {
            return switch (option) {
                case BASE_URL -> "baseUrl";
                case UGLY_URLS -> "uglyUrls";
                case HUGO_PATHS -> "hugoPaths";
                default -> option.name().toLowerCase(Locale.ROOT);
            };
        }
    };
}
