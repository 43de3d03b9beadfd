package org.arshif.internal.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.FindingCap;
import org.arshif.diag.Severity;
import org.arshif.internal.InvisibleCharacters;
import org.arshif.internal.Suggestions;

/**
 * Typed access to a YAML mapping. A value of the wrong type is reported with its position and the
 * getter returns empty, so one run reports every bad key.
 */
public final class YFields {
    /** How many unknown keys of one mapping {@link #rejectUnknown} names one by one. */
    public static final int UNKNOWN_KEYS_NAMED = FindingCap.NAMED;

    private final YNode.Map map;
    private final String path;
    private final Diagnostics diagnostics;

    public YFields(YNode.Map map, String path, Diagnostics diagnostics) {
        this.map = map;
        this.path = path;
        this.diagnostics = diagnostics;
    }

    public static YFields empty(String path, Diagnostics diagnostics) {
        return new YFields(new YNode.Map(Map.of(), Map.of(), 0, 0), path, diagnostics);
    }

    /** These fields' path and diagnostics over another mapping (a dispatch's keys with those cascaded to it). */
    public YFields with(YNode.Map other) {
        return new YFields(other, path, diagnostics);
    }

    public YNode.Map node() {
        return map;
    }

    public boolean has(String key) {
        return map.entries().containsKey(key);
    }

    public Optional<YNode> get(String key) {
        return Optional.ofNullable(map.entries().get(key));
    }

    /** Line and column of a key, or of the mapping when absent. */
    public int[] position(String key) {
        YNode.Scalar k = map.keys().get(key);
        return k == null ? new int[] {map.line(), map.column()} : new int[] {k.line(), k.column()};
    }

    public void error(YNode at, String message) {
        diagnostics.error(path, at.line(), at.column(), message);
    }

    public void warning(YNode at, String message) {
        diagnostics.warning(path, at.line(), at.column(), message);
    }

    /** A scalar as text. Numbers and booleans are accepted and kept as written (a title may be "1948"). */
    public Optional<String> string(String key) {
        YNode node = map.entries().get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof YNode.Scalar s) {
            return s.kind() == YNode.ScalarKind.NULL ? Optional.empty() : Optional.of(s.text());
        }
        error(node, "'" + key + "' must be text, but it is " + node.kindName() + "; write it as " + key + ": \"...\"");
        return Optional.empty();
    }

    public Optional<Boolean> bool(String key) {
        YNode node = map.entries().get(key);
        if (node == null || node instanceof YNode.Scalar s && s.kind() == YNode.ScalarKind.NULL) {
            return Optional.empty();
        }
        if (node instanceof YNode.Scalar s && s.kind() == YNode.ScalarKind.BOOL) {
            return Optional.of((Boolean) s.toJava());
        }
        error(node, "'" + key + "' must be true or false, but it is " + describe(node));
        return Optional.empty();
    }

    public Optional<Integer> integer(String key, int min, int max) {
        YNode node = map.entries().get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof YNode.Scalar s
                && s.kind() == YNode.ScalarKind.INT
                && s.toJava() instanceof Long l
                && l >= min
                && l <= max) {
            return Optional.of(l.intValue());
        }
        error(
                node,
                "'" + key + "' must be a whole number from " + min + " to " + max + ", but it is " + describe(node));
        return Optional.empty();
    }

    /** A list of text values; a single text value is accepted as a one-item list. */
    public Optional<List<String>> stringList(String key) {
        YNode node = map.entries().get(key);
        if (node == null || node instanceof YNode.Scalar s && s.kind() == YNode.ScalarKind.NULL) {
            return Optional.empty();
        }
        if (node instanceof YNode.Scalar s && s.kind() == YNode.ScalarKind.STRING) {
            return Optional.of(List.of(s.text()));
        }
        if (node instanceof YNode.Seq seq) {
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (YNode item : seq.items()) {
                if (item instanceof YNode.Scalar s && s.kind() != YNode.ScalarKind.NULL) {
                    out.add(s.text());
                } else {
                    error(item, "each item of '" + key + "' must be text, but this one is " + item.kindName());
                    ok = false;
                }
            }
            return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
        }
        error(node, "'" + key + "' must be a list, like " + key + ": [a, b], but it is " + node.kindName());
        return Optional.empty();
    }

    public Optional<YFields> mapping(String key) {
        YNode node = map.entries().get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof YNode.Map m) {
            return Optional.of(new YFields(m, path, diagnostics));
        }
        error(node, "'" + key + "' must be a mapping of keys to values, but it is " + node.kindName());
        return Optional.empty();
    }

    /**
     * Reports keys outside {@code known}; used where a typo would otherwise silently do nothing. The first {@link
     * #UNKNOWN_KEYS_NAMED} are named one by one; the rest of one mapping are counted in one more finding at the first
     * of them (200,000 unknown keys, a file that is surely not this one, made 74 MB of findings).
     */
    public void rejectUnknown(Set<String> known, String what) {
        try (FindingCap cap = new FindingCap(
                diagnostics,
                path,
                Severity.ERROR,
                "unknown " + what + " keys",
                "is this the right file? Known keys: " + String.join(", ", new TreeSet<>(known)))) {
            for (var e : map.keys().entrySet()) {
                if (!known.contains(e.getKey())) {
                    cap.add(
                            e.getValue().line(),
                            e.getValue().column(),
                            () -> unknownKeyMessage(e.getKey(), known, what));
                }
            }
        }
    }

    private static String unknownKeyMessage(String key, Set<String> known, String what) {
        String hint = Suggestions.closest(key, known)
                .map(k -> "did you mean '" + k + "'?")
                .orElseGet(() -> "known keys: " + String.join(", ", new TreeSet<>(known)));
        String visible = InvisibleCharacters.without(key);
        return known.contains(visible)
                ? "the " + what + " key '" + visible + "' holds an invisible character ("
                        + InvisibleCharacters.names(key)
                        + "), so it is an unknown key; delete the character,"
                        + " or type the key again"
                : "unknown " + what + " key '" + key + "'; " + hint;
    }

    private static String describe(YNode node) {
        return node instanceof YNode.Scalar s ? "\"" + s.text() + "\"" : node.kindName();
    }
}
