package org.arshif.config;

import java.util.List;
import java.util.Locale;
import org.arshif.internal.InvisibleCharacters;

/** The words for a site title given under a key that is none of the site's languages. */
final class TitleKeys {
    private TitleKeys() {}

    /** Why {@code key} under {@code title:} titles no page, and what to write instead when it is a near miss. */
    static String notALanguage(String key, List<String> languages) {
        String visible = InvisibleCharacters.without(key).strip().toLowerCase(Locale.ROOT);
        String start = "'title' has a title for '" + key + "', which is not one of this site's languages " + languages
                + ", so no page shows it";
        if (languages.contains(visible) && !visible.equals(key.toLowerCase(Locale.ROOT))) {
            return start + "; the key holds an invisible character: delete it, or type '" + visible + ":' again";
        }
        if (languages.contains(visible)) {
            return start + "; write it as '" + visible + ":' (language codes are lower case)";
        }
        return start + "; if it is for a language to come, add it to languages when its dispatches are";
    }
}
