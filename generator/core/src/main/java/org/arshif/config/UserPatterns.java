package org.arshif.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Regular expressions that users write in {@code arshif.yml} ({@code footerPatterns}, {@code teaserPatterns}).
 * They run on RE2/J, whose matching time is linear in the text, so no pattern can hang a build the way
 * {@code (a+)+$} hangs {@link java.util.regex}. RE2 has no look-around and no back-references. Counted
 * repetitions are bounded too: {@code ((a{100}){100}){100}} compiles to a million instructions.
 */
public final class UserPatterns {
    public static final int MAX_LENGTH = 1000;
    /** How many times the pattern's atoms may be repeated by {@code {n}} counts, all multiplied out. */
    public static final int MAX_EXPANSION = 10_000;

    private UserPatterns() {}

    /** Why {@code regex} cannot be used, or null when it can. */
    public static String problem(String regex) {
        if (regex.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters; shorten it";
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return "is not a valid regular expression: " + e.getDescription() + " at '" + e.getPattern() + "'"
                    + " (patterns are RE2 syntax: no look-around such as (?=…), no back-references such as \\1)";
        }
        if (expansion(regex) > MAX_EXPANSION) {
            return "repeats too much: its {n} counts multiply out to more than " + MAX_EXPANSION
                    + " characters; use * or + instead of large counts";
        }
        return null;
    }

    /** Compiles a pattern that {@link #problem} accepted. */
    public static Pattern compile(String regex) {
        return Pattern.compile(regex);
    }

    /** An upper estimate of the atoms the pattern holds once counted repetitions are multiplied out. */
    static long expansion(String regex) {
        long cap = MAX_EXPANSION + 1L;
        long[] stack = new long[regex.length() + 2];
        int depth = 0;
        long current = 0;
        long last = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = skipEscape(regex, i);
                last = 1;
                current = Math.min(cap, current + 1);
            } else if (c == '[') {
                i = skipClass(regex, i);
                last = 1;
                current = Math.min(cap, current + 1);
            } else if (c == '(') {
                stack[depth++] = current;
                current = 0;
                last = 0;
            } else if (c == ')' && depth > 0) {
                last = current;
                current = Math.min(cap, stack[--depth] + current);
            } else if (c == '{' && regex.indexOf('}', i) > i) {
                int close = regex.indexOf('}', i);
                long count = largestCount(regex.substring(i + 1, close));
                if (count >= 0) {
                    current = Math.min(cap, current + last * Math.max(0, count - 1));
                    last = Math.min(cap, last * count);
                    i = close;
                    continue;
                }
                last = 1;
                current = Math.min(cap, current + 1);
            } else if (c != '*' && c != '+' && c != '?' && c != '|') {
                last = 1;
                current = Math.min(cap, current + 1);
            }
        }
        return current;
    }

    private static int skipEscape(String regex, int at) {
        int i = at + 1;
        if (i + 1 < regex.length() && "pPx".indexOf(regex.charAt(i)) >= 0 && regex.charAt(i + 1) == '{') {
            int close = regex.indexOf('}', i);
            return close < 0 ? regex.length() : close;
        }
        return i;
    }

    /**
     * The index of the last character of the escape or character class that starts at {@code at}, or {@code at}
     * for any other character: a pattern's walkers step over those whole, as their parentheses and bars are
     * literal.
     */
    public static int atomEnd(String regex, int at) {
        return switch (regex.charAt(at)) {
            case '\\' -> skipEscape(regex, at);
            case '[' -> skipClass(regex, at);
            default -> at;
        };
    }

    /** The index of the ']' that closes the class at {@code at} (a leading ']' or '^]' is a member). */
    private static int skipClass(String regex, int at) {
        int i = at + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < regex.length() && regex.charAt(i + 1) == ':') {
                int end = regex.indexOf(":]", i + 2); // a POSIX class such as [:alpha:] inside the brackets
                i = end < 0 ? i : end + 1;
            } else if (c == ']') {
                return i;
            }
        }
        return regex.length();
    }

    /** The largest number in {@code n}, {@code n,} or {@code n,m}; -1 when it is not a repetition count. */
    private static long largestCount(String inside) {
        if (!inside.matches("\\d{1,9}(,\\d{0,9})?")) {
            return -1;
        }
        String[] parts = inside.split(",", -1);
        long n = Long.parseLong(parts[0]);
        if (parts.length == 1) {
            return n;
        }
        return parts[1].isEmpty() ? n + 1 : Math.max(n, Long.parseLong(parts[1]));
    }
}
