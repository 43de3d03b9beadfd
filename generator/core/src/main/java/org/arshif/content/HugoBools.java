package org.arshif.content;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/**
 * A Hugo true-or-false key ({@code draft}) as Hugo reads it: besides {@code true} and {@code false}, the texts Go's
 * {@code strconv.ParseBool} takes ({@code "false"}, {@code "True"}, {@code "1"}, {@code "f"}, …, as an export that
 * quotes every value writes them) and the numbers 0 and 1, silently; {@code yes}/{@code no}/{@code on}/{@code off},
 * which Hugo's YAML reads as true or false but YAML 1.2 as text, with a warning to write {@code true} or {@code
 * false}. Any other text is an error: Hugo reads it as false without a word (confirmed with Hugo 0.111), which would
 * publish a draft.
 */
final class HugoBools {
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private HugoBools() {}

    static Optional<Boolean> read(YFields fm, String key) {
        if (fm.get(key).orElse(null) instanceof YNode.Scalar s
                && (s.kind() == YNode.ScalarKind.STRING || s.kind() == YNode.ScalarKind.INT)) {
            String text = s.text().strip();
            if (TRUE.contains(text) || FALSE.contains(text)) {
                return Optional.of(TRUE.contains(text));
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (s.kind() == YNode.ScalarKind.STRING
                    && Set.of("yes", "on", "no", "off").contains(lower)) {
                boolean value = lower.equals("yes") || lower.equals("on");
                fm.warning(
                        s,
                        "'" + key + ": " + text + "' is read as " + value + ", as Hugo's YAML reads it (YAML 1.2"
                                + " reads it as text); write " + key + ": " + value);
                return Optional.of(value);
            }
        }
        return fm.bool(key);
    }
}
