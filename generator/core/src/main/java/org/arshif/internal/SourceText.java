package org.arshif.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;

/**
 * A source file's text, cleaned the same way everywhere: strict UTF-8, no BOM, {@code \n} line ends, NFC, and no
 * control characters ({@link TextControls}).
 *
 * @param path     the file relative to the site root, {@code /}-separated, as diagnostics name it
 * @param text     the cleaned text
 * @param findings warnings about what cleaning removed
 */
public record SourceText(String path, String text, List<Diagnostic> findings) {
    /** How the finding about a byte-order mark inside the text (an error when it opens joined front-matter) starts. */
    static final String INNER_MARK_START = "a byte-order mark (U+FEFF)";

    public SourceText {
        findings = List.copyOf(findings);
    }

    public SourceText(String path, String text) {
        this(path, text, List.of());
    }

    /**
     * Decodes raw file bytes.
     *
     * @throws ContentException when the bytes are not UTF-8, with the line and column of the first bad byte
     */
    public static SourceText decode(String path, byte[] bytes) {
        Utf16.describe(bytes).ifPresent(what -> {
            throw new ContentException(
                    Diagnostic.error(path, 1, 1, "the file is " + what + ", not UTF-8; save it as UTF-8"));
        });
        if (PlainText.isPlain(bytes)) {
            return new SourceText(path, new String(bytes, StandardCharsets.UTF_8));
        }
        return decodeAndClean(path, bytes);
    }

    /** {@link #decode} for bytes that are not {@link PlainText}: what needs cleaning is looked for in the chars. */
    static SourceText decodeAndClean(String path, byte[] bytes) {
        // The string decoder is the fast one, but it replaces a bad byte with U+FFFD rather than failing: only a
        // text with a U+FFFD in it (rare, and valid when the file has one) is decoded again, strictly.
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        List<Diagnostic> findings = new ArrayList<>(2);
        String text = innerMarks(
                path,
                separatorsAsLineEnds(
                        path, clean(decoded.indexOf('\uFFFD') < 0 ? decoded : strictly(path, bytes)), findings),
                findings);
        int control = TextControls.first(text);
        if (control < 0) {
            return new SourceText(path, text, findings);
        }
        int[] pos = lineAndColumn(text, control);
        findings.add(TextControls.warning(path, pos[0], pos[1], text.codePointAt(control)));
        return new SourceText(path, TextControls.strip(text), findings);
    }

    /**
     * Byte-order marks past the text's first character (one there is front-matter's to name): an invisible
     * character that only opens a file, left by pasting, or by joining files with {@code cat}, when the next file's
     * front-matter follows it. Removed, with a warning at the first; an error when one opens a line of front-matter,
     * which would be published as the text's heading.
     */
    private static String innerMarks(String path, String text, List<Diagnostic> findings) {
        int mark = text.indexOf('\uFEFF', 1);
        if (mark < 0) {
            return text;
        }
        int[] pos = lineAndColumn(text, mark);
        boolean joined = pos[1] == 1 && (text.startsWith("---", mark + 1) || text.startsWith("+++", mark + 1));
        findings.add(
                joined
                        ? Diagnostic.error(
                                path,
                                pos[0],
                                1,
                                INNER_MARK_START + " and front-matter open this line, inside the file: two files"
                                        + " joined into one? The second's front-matter would be published as text;"
                                        + " split the file in two where the mark is")
                        : Diagnostic.warning(
                                path,
                                pos[0],
                                pos[1],
                                INNER_MARK_START + ", an invisible character that only opens a file, inside"
                                        + " the text: removed, with any others in this file; delete it"));
        return text.charAt(0) + text.substring(1).replace("\uFEFF", "");
    }

    /**
     * The text as written, before control characters are removed: what {@link TextControls#atWrittenColumns} counts
     * columns in.
     */
    static String asWritten(byte[] bytes) {
        return separatorsAsLineEnds("", clean(new String(bytes, StandardCharsets.UTF_8)), null);
    }

    /**
     * A text without a line feed whose lines end with NEL (U+0085: mainframe and EBCDIC exports) or form feeds: those
     * are its line ends, read as such, with a warning (when {@code findings} is given). In a text with line feeds
     * they stay control characters, removed with a warning: a NEL among lines is more likely a Windows-1252 '…'
     * converted as Latin-1, and a form feed a page break.
     */
    private static String separatorsAsLineEnds(String path, String text, List<Diagnostic> findings) {
        if (text.indexOf('\n') >= 0) {
            return text;
        }
        int nel = text.indexOf('\u0085');
        int formFeed = text.indexOf('\f');
        if (nel < 0 && formFeed < 0) {
            return text;
        }
        if (findings != null) {
            int first = nel < 0 ? formFeed : formFeed < 0 ? nel : Math.min(nel, formFeed);
            findings.add(Diagnostic.warning(
                    path,
                    1,
                    text.codePointCount(0, first) + 1,
                    "the file has no line feeds: its lines end with "
                            + (text.charAt(first) == '\f'
                                    ? "form feeds (U+000C)"
                                    : "NEL (U+0085, as mainframe and EBCDIC exports end them)")
                            + ", read as line ends, and counted as such in this file's line numbers; save the file"
                            + " with line feeds (LF)"));
        }
        return text.replace('\u0085', '\n').replace('\f', '\n');
    }

    /** The bytes decoded by a decoder that fails on a malformed byte; a finding with its place when one is. */
    private static String strictly(String path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            String before = new String(bytes, 0, in.position(), StandardCharsets.UTF_8);
            int[] pos = lineAndColumn(before, before.length());
            throw new ContentException(Diagnostic.error(
                    path,
                    pos[0],
                    pos[1],
                    String.format(
                                    Locale.ROOT,
                                    "the file is not valid UTF-8 (bad byte 0x%02X at byte offset %d); ",
                                    bytes[in.position()] & 0xFF,
                                    in.position())
                            + LegacyEncodings.guess(bytes)
                                    .map(e -> "it reads as " + e.description() + ", as older editors and newsroom"
                                            + " systems save: convert it to UTF-8, for example with "
                                            + e.converter() + ", or save it as UTF-8")
                                    .orElse("save it as UTF-8")));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** BOM removed, CRLF and lone CR turned into LF, NFC. */
    public static String clean(String raw) {
        String s = raw;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** 1-based line and column (in code points) of a char offset. */
    public static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, text.codePointCount(lineStart, Math.min(offset, text.length())) + 1};
    }
}
