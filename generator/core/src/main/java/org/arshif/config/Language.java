package org.arshif.config;

import java.util.List;
import java.util.Optional;

/**
 * A language the site is published in.
 *
 * @param code       BCP 47 code used in URLs and {@code lang} attributes
 * @param direction  {@code rtl} or {@code ltr}
 * @param nativeName the language's name in itself, for the language switcher
 */
public record Language(String code, String direction, String nativeName) {
    public static final Language ARABIC = new Language("ar", "rtl", "العربية");
    public static final Language ENGLISH = new Language("en", "ltr", "English");

    /** The languages Arshif has a theme vocabulary and date formats for. */
    public static final List<Language> SUPPORTED = List.of(ARABIC, ENGLISH);

    public static Optional<Language> byCode(String code) {
        return SUPPORTED.stream().filter(l -> l.code.equals(code)).findFirst();
    }

    public boolean rtl() {
        return "rtl".equals(direction);
    }
}
