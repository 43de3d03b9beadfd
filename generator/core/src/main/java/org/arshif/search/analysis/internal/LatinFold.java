package org.arshif.search.analysis.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Latin letters folded to their base letters, for a token the analyzer reads as Latin: Erdoğan → erdogan,
 * São → sao, straße → strasse, Øresund → oresund (Elasticsearch's {@code asciifolding} does much the same). A letter
 * of the Latin blocks is taken apart (NFD), its combining diacritics (U+0300–036F) dropped, and the letters NFD cannot
 * take apart ({@link #LETTERS}: ø, ł, ß, æ …) replaced; every other character is kept. {@code analyzer.js}'s
 * {@code foldLatin} is the same, and {@code chartable.tsv} proves it letter by letter.
 */
public final class LatinFold {

    /**
     * The letters NFD leaves whole, each followed by its base letters; the same string as {@code LATIN_LETTERS} in
     * {@code analyzer.js}.
     */
    static final String LETTERS = "ßss æae ðd øo þth đd ħh ıi ĸq łl ŋn œoe ŧt ƀb ƈc ƌd ƒf ǥg ƙk ƚl ƞn ƥp ƫt ƭt ƴy ƶz ȡd"
            + " ȥz ȴl ȵn ȶt ȷj ȼc ȿs ɀz ɇe ɉj ɋq ɍr ɏy ẝs ⱡl ⱥa ⱦt ⱨh ⱪk ⱬz";

    /** The Latin blocks, as {@code WordTerms.script} counts a letter Latin (a–z aside), first and last. */
    private static final int[][] BLOCKS = {
        {0x00C0, 0x024F}, {0x1E00, 0x1EFF}, {0x2C60, 0x2C7F}, {0xA720, 0xA7FF}, {0xAB30, 0xAB6F}
    };

    /** Each letter of {@link #BLOCKS} that folds, to what it folds to; built once (a constant table). */
    private static final Map<Character, String> FOLDS = folds();

    /** The most UTF-16 units one char folds to (ß: ss). */
    public static final int MAX_GROWTH = 2;

    private LatinFold() {}

    /** Whether {@code c} is in the Latin blocks (above ASCII). */
    public static boolean isLatinBlock(char c) {
        for (int[] block : BLOCKS) {
            if (c >= block[0] && c <= block[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether folding changes {@code b[off..off+len)}. */
    public static boolean changes(char[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] >= 0x00C0 && isLatinBlock(b[i]) && FOLDS.containsKey(b[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Folds {@code b[off..off+len)} into {@code out} (room for {@code len * MAX_GROWTH} chars); its new length.
     */
    public static int fold(char[] b, int off, int len, char[] out) {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            String f = b[i] >= 0x00C0 ? FOLDS.get(b[i]) : null;
            if (f == null) {
                out[n++] = b[i];
            } else {
                f.getChars(0, f.length(), out, n);
                n += f.length();
            }
        }
        return n;
    }

    /** {@code s} folded. */
    public static String fold(String s) {
        char[] out = new char[s.length() * MAX_GROWTH];
        return new String(out, 0, fold(s.toCharArray(), 0, s.length(), out));
    }

    private static Map<Character, String> folds() {
        Map<Character, String> letters = new HashMap<>();
        for (String entry : LETTERS.split(" ")) {
            letters.put(entry.charAt(0), entry.substring(1));
        }
        Map<Character, String> folds = new HashMap<>();
        for (int[] block : BLOCKS) {
            for (char c = (char) block[0]; c <= block[1]; c++) {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                        .replaceAll("[\u0300-\u036F]", "");
                StringBuilder folded = new StringBuilder();
                for (int i = 0; i < base.length(); i++) {
                    folded.append(letters.getOrDefault(base.charAt(i), String.valueOf(base.charAt(i))));
                }
                if (!folded.isEmpty() && !folded.toString().equals(String.valueOf(c))) {
                    folds.put(c, folded.toString());
                }
            }
        }
        return Map.copyOf(folds);
    }
}
