package org.arshif.content;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.arshif.internal.yaml.TomlReader;
import org.arshif.internal.yaml.YamlReader;

/**
 * NEL (U+0085) inside YAML or TOML front-matter of a file whose other lines end in line feeds (JSON is not read by
 * lines: a NEL between its values, removed, joins nothing). Alone it is a control
 * character, removed (a Windows-1252 '…' read as Latin-1 is the likelier source in a text: {@link SourceText}), which
 * joins the two lines it stood between, and YAML then fails on a line that looks fine in an editor that shows NEL as
 * a line end. Where the front-matter is valid YAML with every NEL read as a line end and not without, or a NEL ends
 * the line before the closing fence (without which the front-matter has no end), that is what they were: read so,
 * with a warning. Stateless.
 */
final class NelLineEnds {
    private static final char NEL = '\u0085';

    /** The front-matter's closing line, after a line feed or a NEL. */
    private static final Pattern CLOSING = Pattern.compile("[\n\u0085]---[ \t]*(?:\n|$)");

    private static final Pattern TOML_CLOSING = Pattern.compile("[\n\u0085]\\+\\+\\+[ \t]*(?:\n|$)");

    private NelLineEnds() {}

    /**
     * {@code bytes}, or the same with the front-matter's NELs as line feeds when only that makes its YAML valid (with
     * a warning at the first to {@code d}).
     */
    static byte[] inFrontMatter(String path, byte[] bytes, Diagnostics d) {
        if (!hasNel(bytes)) {
            return bytes;
        }
        String text = SourceText.clean(new String(bytes, StandardCharsets.UTF_8));
        boolean toml = text.startsWith("+++\n");
        if (!(toml || text.startsWith("---\n")) || text.indexOf('\n', 4) < 0) {
            return bytes;
        }
        Matcher closing = (toml ? TOML_CLOSING : CLOSING).matcher(text);
        int close = closing.find(3) ? closing.start() : -1;
        int nel = text.indexOf(NEL, 4);
        if (close < 0 || nel < 0 || nel > close) {
            return bytes;
        }
        String yaml = text.substring(4, close + 1); // or TOML
        // before the closing line a NEL is a line end or the front-matter has no end: no YAML to weigh it by
        boolean closesAtNel = text.charAt(close) == NEL;
        if (!closesAtNel
                && (parses(yaml.replace(String.valueOf(NEL), ""), toml) || !parses(yaml.replace(NEL, '\n'), toml))) {
            return bytes; // NEL removed as a control character, as before, with its own warning
        }
        int[] at = SourceText.lineAndColumn(text, nel);
        d.warning(
                path,
                at[0],
                at[1],
                "NEL (U+0085), a line end in some editors and in mainframe exports, ends this front-matter line where"
                        + " the file's other lines end in line feeds: the front-matter is "
                        + (nel == close
                                ? "closed by the '---' after it only with it read as a line end"
                                : "valid " + (toml ? "TOML" : "YAML") + " only with it read as a line end")
                        + ", so it is (and the lines after it are counted one more in this file's findings);"
                        + " replace it with a line feed");
        String fixed = text.substring(0, close + 1).replace(NEL, '\n') + text.substring(close + 1);
        return fixed.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean hasNel(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == (byte) 0xC2 && bytes[i + 1] == (byte) 0x85) {
                return true;
            }
        }
        return false;
    }

    private static boolean parses(String frontMatter, boolean toml) {
        Diagnostics scratch = new Diagnostics();
        return (toml ? TomlReader.parse(frontMatter, "", 1, scratch) : YamlReader.parse(frontMatter, "", 1, scratch))
                        .isPresent()
                && !scratch.hasErrors();
    }
}
