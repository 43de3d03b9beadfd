package org.arshif.content;

/** Which script a text is written in. */
public final class Scripts {
    private Scripts() {}

    /** True when Arabic letters outnumber Latin ones: a dispatch with any real Arabic text is Arabic. */
    public static boolean isMostlyArabic(String text) {
        int arabic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\uFB50' && c <= '\uFEFF') {
                arabic++;
            } else if (c < 0x250 && Character.isLetter(c)) {
                latin++;
            }
        }
        return arabic > 0 && arabic >= latin;
    }
}
