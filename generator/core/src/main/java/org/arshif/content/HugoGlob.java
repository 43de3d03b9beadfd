package org.arshif.content;

import com.google.re2j.Pattern;
import java.util.Optional;

/**
 * A glob as Hugo matches a cascade's {@code _target} with it (gobwas/glob, {@code /} the separator): {@code *} any
 * text within one segment, {@code **} any text, {@code ?} one character, {@code [abc]}, {@code [!abc]} and
 * {@code [a-z]} one of a class, {@code {a,b}} one of the alternatives (they nest), {@code \} the next character as
 * itself. Matched without regard to case, as Hugo lower-cases the paths it matches. Compiled to RE2, so no pattern
 * can make a match take long.
 *
 * @param text    the glob as written
 * @param pattern the glob compiled
 */
record HugoGlob(String text, Pattern pattern) {

    /** The glob compiled, or empty with why it is not one. */
    record Compiled(Optional<HugoGlob> glob, String problem) {}

    static Compiled compile(String text) {
        StringBuilder regex = new StringBuilder("(?s)");
        int braces = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            switch (c) {
                case '*' -> {
                    boolean twice = i + 1 < text.length() && text.charAt(i + 1) == '*';
                    regex.append(twice ? ".*" : "[^/]*");
                    i += twice ? 1 : 0;
                }
                case '?' -> regex.append("[^/]");
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        return problem("a '}' closes no '{'");
                    }
                    braces--;
                    regex.append(')');
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                case '[' -> {
                    int end = classEnd(text, i);
                    if (end < 0) {
                        return problem("a '[' is never closed with ']'");
                    }
                    regex.append(charClass(text.substring(i + 1, end)));
                    i = end;
                }
                case '\\' -> {
                    if (i + 1 == text.length()) {
                        return problem("it ends with a '\\' that escapes nothing");
                    }
                    regex.append(Pattern.quote(String.valueOf(text.charAt(++i))));
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        if (braces > 0) {
            return problem("a '{' is never closed with '}'");
        }
        return new Compiled(
                Optional.of(new HugoGlob(text, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE))), null);
    }

    /** Whether the text matches the whole glob. */
    boolean matches(String candidate) {
        return pattern.matches(candidate);
    }

    private static Compiled problem(String why) {
        return new Compiled(Optional.empty(), why);
    }

    /** The index of the {@code ]} that closes the class opened at {@code open}, or -1. */
    private static int classEnd(String text, int open) {
        int i = open + 1;
        if (i < text.length() && text.charAt(i) == '!') {
            i++;
        }
        for (; i < text.length(); i++) {
            if (text.charAt(i) == ']' && i > open + 1 && !(i == open + 2 && text.charAt(open + 1) == '!')) {
                return i;
            }
        }
        return -1;
    }

    /** A class's inside ({@code !a-z}) as RE2's: ranges kept, every other character quoted. */
    private static String charClass(String inside) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        if (inside.startsWith("!")) {
            out.append('^');
            i = 1;
        }
        for (; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '-' && i > 0 && i + 1 < inside.length() && !(i == 1 && inside.startsWith("!"))) {
                out.append('-');
            } else if (c < 128 && !Character.isLetterOrDigit(c)) {
                out.append('\\').append(c); // RE2 takes an escape of ASCII punctuation only
            } else {
                out.append(c);
            }
        }
        return out.append(']').toString();
    }
}
