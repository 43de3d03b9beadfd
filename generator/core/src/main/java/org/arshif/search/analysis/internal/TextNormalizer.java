package org.arshif.search.analysis.internal;

import java.text.Normalizer;

/**
 * Step 1 of the analysis: NFKC, deletions, letter folds, digit mapping and root-locale lowercase,
 * keeping for every output char the range of the input it came from.
 *
 * <h2>NFKC with offsets</h2>
 * The input is cut into segments that start at a "boundary" code point: one that is not a mark,
 * not a Hangul jamo, and whose NFKC form does not start with either. Nothing before such a code
 * point can compose with it or reorder across it, so normalizing segment by segment gives exactly
 * {@code Normalizer.normalize(text, NFKC)}. A one-code-point segment that NFKC leaves alone (nearly
 * all of real text) is copied without calling the normalizer. A longer segment (a letter with its
 * marks) is split further, greedily, wherever normalizing the two sides apart gives the same result,
 * so a fatha maps to itself and not to its letter; what still composes (ا + ◌ٓ → آ) maps to the
 * whole composed range. Segments longer than {@value #MAX_REFINE} code points are not split.
 *
 * <h2>Offsets of deleted characters</h2>
 * A deleted character (a mark, tatweel, a bidi control) extends the source range of the output
 * character before it, so a token's range covers its trailing marks and a highlight never cuts a
 * letter from its tashkeel.
 *
 * <p>{@code analyzer.js} implements the same algorithm; the parity vectors hold both to it.
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    /** Segments longer than this many code points are normalized as one piece, not refined. */
    public static final int MAX_REFINE = 32;

    /**
     * A {@link Normalized#mark} of an output ا written أ, إ or آ: a word that starts with it and a ل has a reading
     * without the article ({@link ReadingMarks}).
     */
    public static final int HAMZA = 1;

    /** A {@link Normalized#mark} of an output char that a fathatan ً followed (deleted): the accusative tanween. */
    public static final int TANWEEN = 2;

    private static final int BOUNDARY = 1;
    private static final int INERT = 2;
    private static final int TOKEN = 4;

    /** Set in a {@link #FLAGS} entry once it holds its code point's flags. */
    private static final int KNOWN = 8;

    /**
     * Per BMP code point: BOUNDARY, INERT (NFKC leaves it alone) and TOKEN ([\p{L}\p{Nd}]) bits, with KNOWN; 0 until
     * the code point is first met. Filled as code points are met, not all 65,536 up front: a build's texts use a
     * few hundred, and one NFKC normalization of each code point of the BMP took 50–100 ms of the main thread's CPU
     * at the start of every build. A byte is written whole and holds a pure function's value, so threads that meet
     * a code point at once write the same byte, and a thread that reads 0 computes it again.
     */
    private static final byte[] FLAGS = new byte[0x10000];
    /** What step 1 maps each code point of the Arabic block to after NFKC; -1 deletes it. */
    private static final int[] ARABIC = new int[0x100];

    static {
        for (int i = 0; i < 0x100; i++) {
            ARABIC[i] = 0x600 + i;
        }
        deleteRange(0x0610, 0x061A);
        deleteRange(0x061C, 0x061C); // arabic letter mark
        deleteRange(0x0640, 0x0640); // tatweel
        deleteRange(0x064B, 0x065F);
        deleteRange(0x0670, 0x0670);
        deleteRange(0x06D6, 0x06DC);
        deleteRange(0x06DF, 0x06E4);
        deleteRange(0x06E7, 0x06E8);
        deleteRange(0x06EA, 0x06ED);
        fold(0x0627, 0x0622, 0x0623, 0x0625, 0x0671); // آ أ إ ٱ → ا
        fold(0x064A, 0x0649, 0x06CC, 0x06D2); // ى ی ے → ي
        fold(0x0647, 0x0629, 0x06C0, 0x06C1); // ة ۀ ہ → ه
        fold(0x0643, 0x06A9); // ک → ك
        fold(0x0621, 0x0624, 0x0626); // ؤ ئ → ء
        for (int d = 0; d < 10; d++) {
            ARABIC[0x60 + d] = '0' + d; // ٠–٩
            ARABIC[0xF0 + d] = '0' + d; // ۰–۹
        }
        ARABIC[0x6B] = '.'; // ٫ decimal separator
        ARABIC[0x6C] = -1; // ٬ thousands separator
    }

    private static void deleteRange(int from, int to) {
        for (int cp = from; cp <= to; cp++) {
            ARABIC[cp - 0x600] = -1;
        }
    }

    private static void fold(int to, int... from) {
        for (int cp : from) {
            ARABIC[cp - 0x600] = to;
        }
    }

    static int computeFlags(int cp) {
        int f = 0;
        if (Character.isLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            f |= TOKEN;
        }
        if (Character.getType(cp) == Character.SURROGATE) {
            return f | BOUNDARY | INERT; // a lone surrogate passes through untouched
        }
        String s = new String(Character.toChars(cp));
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        if (n.equals(s)) {
            f |= INERT;
        }
        if (!n.isEmpty() && !isMarkOrJamo(cp) && !isMarkOrJamo(n.codePointAt(0))) {
            f |= BOUNDARY;
        }
        return f;
    }

    private static boolean isMarkOrJamo(int cp) {
        int t = Character.getType(cp);
        if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK) {
            return true;
        }
        // Conjoining jamo compose with what precedes them; the compatibility and halfwidth forms
        // turn into them under NFKC.
        return (cp >= 0x1100 && cp <= 0x11FF)
                || (cp >= 0x3130 && cp <= 0x318F)
                || (cp >= 0xA960 && cp <= 0xA97F)
                || (cp >= 0xD7B0 && cp <= 0xD7FF)
                || (cp >= 0xFFA0 && cp <= 0xFFDC);
    }

    private static int flags(int cp) {
        if (cp >= 0x10000) {
            return computeFlags(cp);
        }
        int known = FLAGS[cp];
        if (known == 0) {
            known = computeFlags(cp) | KNOWN;
            FLAGS[cp] = (byte) known;
        }
        return known;
    }

    /** {@link #flags}, for a test that compares it with {@link #computeFlags}, the flags by their definition. */
    static int tableFlags(int cp) {
        return flags(cp) & ~KNOWN;
    }

    /** Whether an NFKC segment starts at this code point (see the class comment). */
    public static boolean isBoundary(int cp) {
        return (flags(cp) & BOUNDARY) != 0;
    }

    /** Whether the tokenizer keeps this code point: {@code [\p{L}\p{Nd}]}. */
    public static boolean isTokenChar(int cp) {
        return (flags(cp) & TOKEN) != 0;
    }

    /**
     * Step 1 for one code point that NFKC has produced: -1 to delete it, else its replacement
     * (a fold, an ASCII digit or the root-locale lowercase, one code point per code point).
     */
    public static int map(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        }
        if (cp >= 0x600 && cp < 0x700) {
            return ARABIC[cp - 0x600];
        }
        if (cp == 0x00AD
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2064)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF) {
            return -1;
        }
        // Simple (1:1) case mapping, as Lucene's LowerCaseFilter: İ → i, Σ → σ everywhere.
        return Character.toLowerCase(cp);
    }

    /**
     * Normalizes {@code text}. With {@code offsets}, the result also tells, for each output char,
     * which input range {@code [start, end)} produced it.
     */
    public static Normalized normalize(String text, boolean offsets) {
        Normalized out = new Normalized(text.length(), offsets);
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int j = next;
            while (j < n) {
                int c = text.codePointAt(j);
                if ((flags(c) & BOUNDARY) != 0) {
                    break;
                }
                j += Character.charCount(c);
            }
            if (j == next) {
                if ((flags(cp) & INERT) != 0) {
                    out.emit(cp, i, j);
                } else {
                    emitAll(out, nfkc(text, i, j), i, j);
                }
            } else {
                refine(text, i, j, out);
            }
            i = j;
        }
        return out;
    }

    /** Emits {@code text[i..j)}, split where the pieces normalize independently. */
    private static void refine(String text, int i, int j, Normalized out) {
        if (text.codePointCount(i, j) > MAX_REFINE) {
            emitAll(out, nfkc(text, i, j), i, j);
            return;
        }
        String all = nfkc(text, i, j);
        if (all.length() == j - i && text.regionMatches(i, all, 0, all.length())) {
            // NFKC leaves the segment alone (a letter with marks that do not compose): then it
            // leaves every code point alone, and each one maps to itself.
            for (int k = i; k < j; ) {
                int cp = text.codePointAt(k);
                int next = k + Character.charCount(cp);
                out.emit(cp, k, next);
                k = next;
            }
            return;
        }
        int pos = i;
        while (pos < j) {
            String whole = pos == i ? all : nfkc(text, pos, j);
            int k = pos + Character.charCount(text.codePointAt(pos));
            String head = null;
            for (; k < j; k += Character.charCount(text.codePointAt(k))) {
                String a = nfkc(text, pos, k);
                String b = nfkc(text, k, j);
                if (whole.length() == a.length() + b.length() && whole.startsWith(a) && whole.endsWith(b)) {
                    head = a;
                    break;
                }
            }
            if (head == null) {
                emitAll(out, whole, pos, j);
                return;
            }
            emitAll(out, head, pos, k);
            pos = k;
        }
    }

    private static String nfkc(String text, int from, int to) {
        return Normalizer.normalize(text.substring(from, to), Normalizer.Form.NFKC);
    }

    private static void emitAll(Normalized out, String s, int start, int end) {
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            out.emit(cp, start, end);
            k += Character.charCount(cp);
        }
    }
}
