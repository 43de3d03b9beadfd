package org.arshif.search.analysis.internal;

/**
 * The word-level half of {@link Porter2Stemmer}: its exceptional forms, which bypass or stop the
 * suffix steps, and the letter tests the steps share. All work is on the caller's buffer
 * {@code w[0..n)}.
 */
final class Porter2Words {
    private Porter2Words() {}

    private static final String[] EXCEPTION2 = {
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"
    };

    /** Words that stop after step 1a. */
    static boolean exception2(char[] w, int n) {
        for (String e : EXCEPTION2) {
            if (e.length() == n && startsWith(w, n, e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code w[0..k)} ends in a short syllable. */
    static boolean shortv(char[] w, int k) {
        if (k >= 3 && !isVwxY(w[k - 1]) && isV(w[k - 2]) && !isV(w[k - 3])) {
            return true;
        }
        return k == 2 && !isV(w[1]) && isV(w[0]);
    }

    /** The forms Porter2 maps before any rule: the new length of {@code w}, or -1 if not one. */
    static int exception1(char[] w, int n) {
        switch (n) {
            case 3:
                if (startsWith(w, n, "sky")) {
                    return n;
                }
                break;
            case 4:
                if (startsWith(w, n, "skis")) {
                    return 3;
                }
                if (startsWith(w, n, "idly")) {
                    return 3;
                }
                if (startsWith(w, n, "ugly") || startsWith(w, n, "only")) {
                    w[3] = 'i';
                    return 4;
                }
                if (startsWith(w, n, "news") || startsWith(w, n, "howe") || startsWith(w, n, "bias")) {
                    return n;
                }
                break;
            case 5:
                if (startsWith(w, n, "skies")) {
                    w[2] = 'y';
                    return 3;
                }
                if (startsWith(w, n, "dying") || startsWith(w, n, "lying") || startsWith(w, n, "tying")) {
                    w[1] = 'i';
                    w[2] = 'e';
                    return 3;
                }
                if (startsWith(w, n, "early")) {
                    w[4] = 'i';
                    return 5;
                }
                if (startsWith(w, n, "atlas") || startsWith(w, n, "andes")) {
                    return n;
                }
                break;
            case 6:
                if (startsWith(w, n, "gently") || startsWith(w, n, "singly")) {
                    return 5;
                }
                if (startsWith(w, n, "cosmos")) {
                    return n;
                }
                break;
            default:
                break;
        }
        return -1;
    }

    static int replace(char[] w, int s, String with) {
        with.getChars(0, with.length(), w, s);
        return s + with.length();
    }

    static boolean startsWith(char[] w, int n, String p) {
        if (n < p.length()) {
            return false;
        }
        for (int k = 0; k < p.length(); k++) {
            if (w[k] != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean endsWith(char[] w, int n, String s) {
        int off = n - s.length();
        if (off < 0) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (w[off + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean isV(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private static boolean isVwxY(char c) {
        return isV(c) || c == 'w' || c == 'x' || c == 'Y';
    }
}
