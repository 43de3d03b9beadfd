package org.arshif.search.analysis.internal;

import static org.arshif.search.analysis.internal.Porter2Words.endsWith;
import static org.arshif.search.analysis.internal.Porter2Words.exception1;
import static org.arshif.search.analysis.internal.Porter2Words.exception2;
import static org.arshif.search.analysis.internal.Porter2Words.isV;
import static org.arshif.search.analysis.internal.Porter2Words.replace;
import static org.arshif.search.analysis.internal.Porter2Words.shortv;
import static org.arshif.search.analysis.internal.Porter2Words.startsWith;

/**
 * The Porter2 ("Snowball English") stemmer, written from the published algorithm
 * (https://snowballstem.org/algorithms/english/stemmer.html), exceptional forms included.
 *
 * <p>It is checked word for word against Lucene's {@code org.tartarus.snowball.ext.EnglishStemmer}
 * (the Snowball compiler's output) in the tests; {@code analyzer.js} carries the same algorithm for
 * the browser. Input is one lowercased word; only the ASCII letters {@code a–z} and the apostrophe
 * take part in the rules, every other character is a "non-vowel", exactly as in Snowball.
 *
 * <p>Stateless and thread-safe: all work happens in the caller's buffer.
 */
public final class Porter2Stemmer {
    private Porter2Stemmer() {}

    /**
     * Stems one word.
     *
     * <pre>{@code
     * Porter2Stemmer.stem("generously")   // "generous"
     * Porter2Stemmer.stem("skies")        // "sky"   (exceptional form)
     * }</pre>
     */
    public static String stem(String word) {
        char[] buf = new char[word.length() + 1];
        word.getChars(0, word.length(), buf, 0);
        return new String(buf, 0, stem(buf, word.length()));
    }

    /**
     * Stems {@code w[0..n)} in place and returns the new length. {@code w.length} must be at least
     * {@code n + 1}: step 1b may add an {@code e}.
     */
    public static int stem(char[] w, int n) {
        int ex = exception1(w, n);
        if (ex >= 0) {
            return ex;
        }
        if (n < 3) {
            return n;
        }
        // Prelude: drop a leading apostrophe, mark consonant-y as Y.
        if (w[0] == '\'') {
            System.arraycopy(w, 1, w, 0, n - 1);
            n--;
        }
        boolean yFound = markConsonantY(w, n);
        int p1 = regionStart(w, n);
        int r2 = p1 < n ? pastVowelThenNonVowel(w, n, p1) : -1;
        int p2 = r2 >= 0 ? r2 : n;

        n = step1a(w, n);
        if (!exception2(w, n)) {
            n = step1b(w, n, p1);
            n = step1c(w, n);
            n = step2(w, n, p1);
            n = step3(w, n, p1, p2);
            n = step4(w, n, p2);
            n = step5(w, n, p1, p2);
        }
        if (yFound) {
            for (int k = 0; k < n; k++) {
                if (w[k] == 'Y') {
                    w[k] = 'y';
                }
            }
        }
        return n;
    }

    /** Marks y as Y where it is a consonant (first letter, or after a vowel); whether any was marked. */
    private static boolean markConsonantY(char[] w, int n) {
        boolean yFound = false;
        if (n > 0 && w[0] == 'y') {
            w[0] = 'Y';
            yFound = true;
        }
        for (int i = 1; i < n; i++) {
            if (w[i] == 'y' && isV(w[i - 1])) {
                w[i] = 'Y';
                yFound = true;
            }
        }
        return yFound;
    }

    /** Where region R1 starts (n when it is empty); R2 starts as far past R1's start. */
    private static int regionStart(char[] w, int n) {
        int i;
        if (startsWith(w, n, "gener") || startsWith(w, n, "arsen")) {
            i = 5;
        } else if (startsWith(w, n, "commun")) {
            i = 6;
        } else {
            i = pastVowelThenNonVowel(w, n, 0);
        }
        return i >= 0 ? i : n;
    }

    /** Position after the first non-vowel that follows a vowel, from {@code i}; -1 if none. */
    private static int pastVowelThenNonVowel(char[] w, int n, int i) {
        while (i < n && !isV(w[i])) {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        i++;
        while (i < n && isV(w[i])) {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        return i + 1;
    }

    private static int step1a(char[] w, int n) {
        if (endsWith(w, n, "'s'")) {
            n -= 3;
        } else if (endsWith(w, n, "'s")) {
            n -= 2;
        } else if (endsWith(w, n, "'")) {
            n -= 1;
        }
        if (endsWith(w, n, "sses")) {
            return n - 2;
        }
        if (endsWith(w, n, "ied") || endsWith(w, n, "ies")) {
            // "ties" -> "tie", "cries" -> "cri": more than one letter before keeps only the i.
            if (n - 3 >= 2) {
                return n - 2;
            }
            w[n - 2] = 'e';
            return n - 1;
        }
        if (endsWith(w, n, "ss") || endsWith(w, n, "us")) {
            return n;
        }
        if (endsWith(w, n, "s")) {
            // Delete if a vowel occurs before the letter that precedes the s ("gaps" but not "gas").
            for (int k = n - 3; k >= 0; k--) {
                if (isV(w[k])) {
                    return n - 1;
                }
            }
        }
        return n;
    }

    private static int step1b(char[] w, int n, int p1) {
        int sl;
        boolean eed = false;
        if (endsWith(w, n, "eedly")) {
            sl = 5;
            eed = true;
        } else if (endsWith(w, n, "ingly")) {
            sl = 5;
        } else if (endsWith(w, n, "edly")) {
            sl = 4;
        } else if (endsWith(w, n, "eed")) {
            sl = 3;
            eed = true;
        } else if (endsWith(w, n, "ing")) {
            sl = 3;
        } else if (endsWith(w, n, "ed")) {
            sl = 2;
        } else {
            return n;
        }
        int s = n - sl;
        if (eed) {
            if (s >= p1) {
                w[s] = 'e';
                w[s + 1] = 'e';
                return s + 2;
            }
            return n;
        }
        boolean vowel = false;
        for (int k = 0; k < s; k++) {
            if (isV(w[k])) {
                vowel = true;
                break;
            }
        }
        if (!vowel) {
            return n;
        }
        n = s;
        if (endsWith(w, n, "at") || endsWith(w, n, "bl") || endsWith(w, n, "iz")) {
            w[n] = 'e';
            return n + 1;
        }
        if (n >= 2 && w[n - 1] == w[n - 2] && isDoubleLetter(w[n - 1])) {
            return n - 1;
        }
        if (n == p1 && shortv(w, n)) {
            w[n] = 'e';
            return n + 1;
        }
        return n;
    }

    private static boolean isDoubleLetter(char c) {
        return switch (c) {
            case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't' -> true;
            default -> false;
        };
    }

    private static int step1c(char[] w, int n) {
        if (n >= 3 && (w[n - 1] == 'y' || w[n - 1] == 'Y') && !isV(w[n - 2])) {
            w[n - 1] = 'i';
        }
        return n;
    }

    // Longest suffix first, so the first match is Snowball's "among" choice.
    private static final String[][] STEP2 = {
        {"ization", "ize"},
        {"ational", "ate"},
        {"fulness", "ful"},
        {"ousness", "ous"},
        {"iveness", "ive"},
        {"tional", "tion"},
        {"biliti", "ble"},
        {"lessli", "less"},
        {"entli", "ent"},
        {"ation", "ate"},
        {"alism", "al"},
        {"aliti", "al"},
        {"ousli", "ous"},
        {"iviti", "ive"},
        {"fulli", "ful"},
        {"enci", "ence"},
        {"anci", "ance"},
        {"abli", "able"},
        {"izer", "ize"},
        {"ator", "ate"},
        {"alli", "al"},
        {"bli", "ble"},
        {"ogi", null},
        {"li", null}
    };

    private static int step2(char[] w, int n, int p1) {
        for (String[] rule : STEP2) {
            String suffix = rule[0];
            if (!endsWith(w, n, suffix)) {
                continue;
            }
            int s = n - suffix.length();
            if (s < p1) {
                return n;
            }
            if (suffix.equals("ogi")) {
                // "ogi" -> "og" only after l ("phraseologi")
                return s > 0 && w[s - 1] == 'l' ? s + 2 : n;
            }
            if (suffix.equals("li")) {
                return s > 0 && isValidLi(w[s - 1]) ? s : n;
            }
            return replace(w, s, rule[1]);
        }
        return n;
    }

    private static boolean isValidLi(char c) {
        return switch (c) {
            case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't' -> true;
            default -> false;
        };
    }

    private static final String[][] STEP3 = {
        {"ational", "ate"},
        {"tional", "tion"},
        {"alize", "al"},
        {"icate", "ic"},
        {"iciti", "ic"},
        {"ative", ""},
        {"ical", "ic"},
        {"ness", ""},
        {"ful", ""}
    };

    private static int step3(char[] w, int n, int p1, int p2) {
        for (String[] rule : STEP3) {
            String suffix = rule[0];
            if (!endsWith(w, n, suffix)) {
                continue;
            }
            int s = n - suffix.length();
            if (s < p1) {
                return n;
            }
            if (suffix.equals("ative") && s < p2) {
                return n;
            }
            return replace(w, s, rule[1]);
        }
        return n;
    }

    private static final String[] STEP4 = {
        "ement", "ment", "ance", "ence", "able", "ible", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
        "al", "er", "ic"
    };

    private static int step4(char[] w, int n, int p2) {
        for (String suffix : STEP4) {
            if (!endsWith(w, n, suffix)) {
                continue;
            }
            int s = n - suffix.length();
            if (s < p2) {
                return n;
            }
            if (suffix.equals("ion")) {
                return s > 0 && (w[s - 1] == 's' || w[s - 1] == 't') ? s : n;
            }
            return s;
        }
        return n;
    }

    private static int step5(char[] w, int n, int p1, int p2) {
        if (n == 0) {
            return n;
        }
        int s = n - 1;
        if (w[s] == 'e') {
            if (s >= p2 || (s >= p1 && !shortv(w, s))) {
                return s;
            }
        } else if (w[s] == 'l') {
            if (s >= p2 && s > 0 && w[s - 1] == 'l') {
                return s;
            }
        }
        return n;
    }
}
