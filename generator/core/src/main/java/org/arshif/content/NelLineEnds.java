package org.arshif.content;

import java.nio.charset.StandardCharsets;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.arshif.internal.yaml.YamlReader;

/**
 * NEL (U+0085) inside YAML front-matter of a file whose other lines end in line feeds. Alone it is a control
 * character, removed (a Windows-1252 '…' read as Latin-1 is the likelier source in a text: {@link SourceText}), which
 * joins the two lines it stood between, and YAML then fails on a line that looks fine in an editor that shows NEL as
 * a line end. Where the front-matter is valid YAML with every NEL read as a line end and not without, that is what
 * they were: read so, with a warning. Stateless.
 */
final class NelLineEnds {
    private static final char NEL = '\u0085';

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
        if (!text.startsWith("---\n") || text.indexOf('\n', 4) < 0) {
            return bytes;
        }
        int close = text.indexOf("\n---", 3);
        int nel = text.indexOf(NEL, 4);
        if (close < 0 || nel < 0 || nel > close) {
            return bytes;
        }
        String yaml = text.substring(4, close + 1);
        if (parses(yaml.replace(String.valueOf(NEL), "")) || !parses(yaml.replace(NEL, '\n'))) {
            return bytes; // NEL removed as a control character, as before, with its own warning
        }
        int[] at = SourceText.lineAndColumn(text, nel);
        d.warning(
                path,
                at[0],
                at[1],
                "NEL (U+0085), a line end in some editors and in mainframe exports, ends this front-matter line where"
                        + " the file's other lines end in line feeds: the front-matter is valid YAML only with it read as"
                        + " a line end, so it is (and the lines after it are counted one more in this file's findings);"
                        + " replace it with a line feed");
        String fixed = text.substring(0, close).replace(NEL, '\n') + text.substring(close);
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

    private static boolean parses(String yaml) {
        Diagnostics scratch = new Diagnostics();
        return YamlReader.parse(yaml, "", 1, scratch).isPresent() && !scratch.hasErrors();
    }
}
