package org.arshif.content;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.arshif.config.UserPatterns;

/**
 * The footer and teaser patterns of {@code arshif.yml}, asked of every line of every plain-text dispatch. RE2/J runs
 * each pattern on each line; most are anchored ({@code ^تابعوا\s}) and can only match a line that starts with one of
 * a few characters, so those characters are worked out when the pattern is compiled and a line that starts with
 * none of them is not run at all. A pattern whose start is not plainly readable is always run: the answers are
 * RE2/J's own either way.
 */
final class LinePatterns {
    private static final String META = "\\.[]{}()*+?^$|";

    private record Anchored(Pattern pattern, Set<Integer> firstCodePoints) {}

    private final List<Anchored> patterns;

    LinePatterns(List<String> regexes) {
        List<Anchored> out = new ArrayList<>();
        for (String regex : regexes) {
            out.add(new Anchored(UserPatterns.compile(regex), firstCodePoints(regex)));
        }
        this.patterns = List.copyOf(out);
    }

    /** Whether any pattern finds a match in the line. */
    boolean anyFinds(String line) {
        if (line.isEmpty()) {
            return false;
        }
        int first = line.codePointAt(0);
        for (Anchored a : patterns) {
            if ((a.firstCodePoints() == null || a.firstCodePoints().contains(first))
                    && a.pattern().matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The code points a text must start with for the pattern to match it, or null when that is not plainly read
     * off the pattern: it must start with {@code ^} and then a literal, or a group of alternatives that each start
     * with one, none of them optional; under {@code (?i:} only ASCII letters are read.
     */
    static Set<Integer> firstCodePoints(String regex) {
        if (!regex.startsWith("^") || split(regex.substring(1)).size() != 1) {
            return null; // unanchored, or a top-level '|' whose other side is unanchored
        }
        return sequenceStart(regex.substring(1), false);
    }

    private static Set<Integer> sequenceStart(String s, boolean fold) {
        if (s.isEmpty()) {
            return null;
        }
        int c = s.codePointAt(0);
        if (c == '(') {
            return groupStart(s, fold);
        }
        int next = Character.charCount(c);
        if (META.indexOf(c) >= 0 || next < s.length() && "?*{".indexOf(s.charAt(next)) >= 0) {
            return null;
        }
        if (!fold) {
            return Set.of(c);
        }
        if (c > 0x7F || !Character.isLetter(c)) {
            return null;
        }
        Set<Integer> folded =
                new TreeSet<>(List.of((int) Character.toLowerCase((char) c), (int) Character.toUpperCase((char) c)));
        // RE2's case folding also pairs k with the Kelvin sign and s with the long s.
        if (Character.toLowerCase((char) c) == 'k') {
            folded.add(0x212A);
        } else if (Character.toLowerCase((char) c) == 's') {
            folded.add(0x017F);
        }
        return folded;
    }

    /** The start of a group ({@code (}, {@code (?:}, {@code (?i:}, {@code (?P<name>}) that is not optional. */
    private static Set<Integer> groupStart(String s, boolean fold) {
        int close = closing(s);
        if (close < 0 || close + 1 < s.length() && "?*{".indexOf(s.charAt(close + 1)) >= 0) {
            return null;
        }
        String body = s.substring(1, close);
        boolean innerFold = fold;
        if (body.startsWith("?:")) {
            body = body.substring(2);
        } else if (body.startsWith("?i:")) {
            body = body.substring(3);
            innerFold = true;
        } else if (body.startsWith("?P<") && body.indexOf('>') > 0) {
            body = body.substring(body.indexOf('>') + 1);
        } else if (body.startsWith("?")) {
            return null;
        }
        Set<Integer> out = new TreeSet<>();
        for (String alternative : split(body)) {
            Set<Integer> start = sequenceStart(alternative, innerFold);
            if (start == null) {
                return null;
            }
            out.addAll(start);
        }
        return out;
    }

    /** The index of the ')' that closes the '(' at 0, or -1. */
    private static int closing(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i = UserPatterns.atomEnd(s, i) + 1) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The alternatives of a sequence, split at its top-level '|'. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i = UserPatterns.atomEnd(s, i) + 1) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }
}
