package org.arshif.internal;

/** Digits as Arabic desks write them, read as Java's parsers need them. */
public final class Digits {
    private Digits() {}

    /**
     * The text with Arabic-Indic (٠…٩) and Eastern Arabic-Indic (۰…۹) digits as 0…9; the same string when it has
     * none.
     *
     * <pre>{@code
     * Digits.western("٢٠٢٣-٠٥-٠٦")  // "2023-05-06"
     * }</pre>
     */
    public static String western(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean arabic = c >= '\u0660' && c <= '\u0669' || c >= '\u06F0' && c <= '\u06F9';
            if (arabic && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(arabic ? (char) ('0' + Character.digit(c, 10)) : c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
