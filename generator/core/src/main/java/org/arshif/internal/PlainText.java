package org.arshif.internal;

/**
 * Recognizes, on the raw bytes, a file that needs no cleaning: well-formed UTF-8 of characters that are NFC
 * whatever their neighbours (no mark that could reorder or compose), without a control character, a CR, a BOM or a
 * U+FFFD. Most news text is: ASCII, Latin-1 and Latin Extended, Arabic letters, digits, punctuation and harakat in
 * canonical order, and typographic punctuation (95% of the bench archive's files). Such a file is decoded and used as it is, without the NFC check, the control scan and
 * the search for U+FFFD over its chars ({@link SourceText#decode}), which were most of the decoding.
 */
final class PlainText {
    private static final int FATHATAN = 0x64B;
    private static final int SUKUN = 0x652;

    private PlainText() {}

    /** Whether {@code bytes} are plain text as above; false says only that the full cleaning must look. */
    static boolean isPlain(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        int lastHaraka = 0;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0x20 && b < 0x7F || b == '\n' || b == '\t') {
                i++;
                lastHaraka = 0;
            } else if ((b & 0xE0) == 0xC0 && i + 1 < n && (bytes[i + 1] & 0xC0) == 0x80) {
                int cp = (b & 0x1F) << 6 | bytes[i + 1] & 0x3F;
                if (cp >= FATHATAN && cp <= SUKUN) {
                    // NFC orders marks by combining class, which rises with the code point from fathatan (27) to
                    // sukun (34): a haraka after one with a higher code point (shadda then fatha) is reordered.
                    if (cp < lastHaraka) {
                        return false;
                    }
                    lastHaraka = cp;
                } else if (isPlainTwoByte(cp)) {
                    lastHaraka = 0;
                } else {
                    return false;
                }
                i += 2;
            } else if ((b & 0xFF) == 0xE2 && i + 2 < n && isPlainPunctuation(bytes[i + 1], bytes[i + 2])) {
                i += 3;
                lastHaraka = 0;
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * U+00A0..U+02FF (Latin-1 letters and signs, Latin Extended, spacing modifiers; not the C1 controls, not an
     * overlong form), and Arabic U+0600..U+06FF without its combining marks (harakat, looked at apart; Quranic marks,
     * the hamza and madda above or below, which NFC composes with a letter before them; superscript alef).
     */
    private static boolean isPlainTwoByte(int cp) {
        if (cp < 0x600) {
            return cp >= 0xA0 && cp <= 0x2FF;
        }
        return cp <= 0x60F
                || cp >= 0x61B && cp <= 0x64A
                || cp >= 0x660 && cp <= 0x66F
                || cp >= 0x671 && cp <= 0x6D5
                || cp == 0x6DD
                || cp == 0x6DE
                || cp == 0x6E5
                || cp == 0x6E6
                || cp == 0x6E9
                || cp >= 0x6EE && cp <= 0x6FF;
    }

    /**
     * U+2002..U+2064 (spaces but the two that NFC maps to others, zero-width joiners, direction marks, dashes,
     * quotes, ellipsis) and U+20A0..U+20BF (currency signs), written {@code E2 xx yy}.
     */
    private static boolean isPlainPunctuation(byte second, byte third) {
        if ((third & 0xC0) != 0x80) {
            return false;
        }
        int cp = 0x2000 | (second & 0x3F) << 6 | third & 0x3F;
        return (second & 0xC0) == 0x80 && (cp >= 0x2002 && cp <= 0x2064 || cp >= 0x20A0 && cp <= 0x20BF);
    }
}
