package org.arshif.search.analysis.internal;

import java.util.Map;

/**
 * Words that normalization makes ambiguous, and that the written text tells apart: the index holds both readings of
 * such a word at its position, and a query word written with the mark matches either (issue 13). Two marks:
 * <ul>
 * <li><b>a hamza on a word-initial alif before ل</b> (ألعاب, إلغاء, آلاف; also behind و ف ب ك ل, one or two of
 *     them): normalization folds أ إ آ into ا, so the word reads as the article + عاب. Its second reading keeps the
 *     alif and lam as letters of the word: the term the word has behind the article (ألعاب as الألعاب).</li>
 * <li><b>a fathatan ً on a word-final alif</b> (عاماً, جسراً, and عامًا, the mark on the letter before): the
 *     accusative's alif, which the nominative lacks. Its second reading is the word without that alif (عام). Not
 *     an alif written أ (خطأً, "mistake": the hamza's seat, a letter of the word; without it, خط "line").</li>
 * </ul>
 * The index reads each word once per distinct spelling ({@code WordMemo}), from the normalized text; a word with a
 * mark is given to it in its <em>marked form</em>, which keeps the mark in chars that normalized text never holds:
 * the alif as أ, and a ً after the final alif. Without the mark a word keeps its one reading, as before: a reader
 * who types العاب or عاما finds what those spellings always found.
 */
public final class ReadingMarks {
    private ReadingMarks() {}

    /** The alif of a marked word's hamza reading (never in normalized text). */
    public static final char HAMZA_ALIF = '\u0623';

    /** After a marked word's final alif: the tanween reading (never in normalized text). */
    public static final char FATHATAN = '\u064B';

    /**
     * Normalized adverbs with no tanween reading: without the alif they are another common word, جداً ("very") جد
     * (also جدة, Jeddah) and حسناً ("well") the name حسن. Found by reading every join on the PUD vocabulary; those
     * whose alif-less form is a stopword (أيضاً, معاً, بعداً) have none anyway.
     */
    private static final WordTable TANWEEN_KEPT =
            new WordTable(Map.of("\u062C\u062F\u0627", "", "\u062D\u0633\u0646\u0627", ""));

    private static final char ALIF = '\u0627';
    private static final char LAM = '\u0644';

    /**
     * The marked form of the normalized token {@code nt[off..off+len)} written into {@code out} (room for len + 1),
     * with its length; or -1 when the token has no mark.
     */
    public static int marked(Normalized nt, int off, int len, char[] out) {
        char[] b = nt.chars();
        int h = -1;
        for (int k = 0; k <= 2 && h < 0 && k + 4 <= len; k++) {
            if (b[off + k] == ALIF
                    && b[off + k + 1] == LAM
                    && (nt.mark(off + k) & TextNormalizer.HAMZA) != 0
                    && procliticLetters(b, off, k)) {
                h = k;
            }
        }
        boolean tanween = len >= 3
                && b[off + len - 1] == ALIF
                && isArabicLetter(b[off + len - 2])
                && ((nt.mark(off + len - 1) | nt.mark(off + len - 2)) & TextNormalizer.TANWEEN) != 0
                && (nt.mark(off + len - 1) & TextNormalizer.HAMZA) == 0; // خطأً: that alif is the hamza's seat
        if (h < 0 && !tanween) {
            return -1;
        }
        System.arraycopy(b, off, out, 0, len);
        if (h >= 0) {
            out[h] = HAMZA_ALIF;
        }
        if (tanween) {
            out[len] = FATHATAN;
            return len + 1;
        }
        return len;
    }

    /** Where a marked word's hamza alif stands, or -1. */
    public static int hamzaAt(char[] b, int off, int len) {
        for (int k = 0; k <= 2 && k < len; k++) {
            if (b[off + k] == HAMZA_ALIF) {
                return k;
            }
        }
        return -1;
    }

    /** Whether a marked word ends with the tanween's mark. */
    public static boolean tanween(char[] b, int off, int len) {
        return len > 0 && b[off + len - 1] == FATHATAN;
    }

    /** Whether the normalized word {@code b[off..off+len)} keeps its tanween alif in every reading. */
    public static boolean tanweenKept(char[] b, int off, int len) {
        return TANWEEN_KEPT.contains(b, off, len);
    }

    /** The first {@code k} letters are proclitics before a hamza alif: one of و ف ب ك ل, or و/ف then ب/ك/ل. */
    private static boolean procliticLetters(char[] b, int off, int k) {
        if (k == 0) {
            return true;
        }
        if (k == 1) {
            return "\u0648\u0641\u0628\u0643\u0644".indexOf(b[off]) >= 0;
        }
        return "\u0648\u0641".indexOf(b[off]) >= 0 && "\u0628\u0643\u0644".indexOf(b[off + 1]) >= 0;
    }

    private static boolean isArabicLetter(char c) {
        return c >= '\u0621' && c <= '\u064A';
    }
}
