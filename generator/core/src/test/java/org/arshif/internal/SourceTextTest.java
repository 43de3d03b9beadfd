package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.arshif.diag.ContentException;
import org.junit.jupiter.api.Test;

/**
 * Decoding takes the string decoder's fast path, which replaces bad bytes instead of failing, and looks for controls
 * char by char: both must refuse and find exactly what the strict decoder and the code-point scan did.
 */
class SourceTextTest {
    private static final List<byte[]> MALFORMED = List.of(
            new byte[] {(byte) 0x80}, // a lone continuation byte
            new byte[] {(byte) 0xD8}, // a cut 2-byte sequence (Arabic)
            new byte[] {(byte) 0xE2, (byte) 0x82}, // a cut 3-byte sequence
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, // a cut 4-byte sequence
            new byte[] {(byte) 0xC0, (byte) 0x80}, // an overlong NUL
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // an overlong '/'
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE9, 'a'}, // Latin-1
            new byte[] {(byte) 0xFF});

    @Test
    void everyMalformedSequenceIsRefusedAtTheByteTheStrictDecoderNames() {
        byte[] before = "---\ntitle: نص\n---\n\nab".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : MALFORMED) {
            byte[] bytes = new byte[before.length + bad.length + 2];
            System.arraycopy(before, 0, bytes, 0, before.length);
            System.arraycopy(bad, 0, bytes, before.length, bad.length);
            bytes[bytes.length - 2] = 'z';
            bytes[bytes.length - 1] = '\n';
            ContentException e =
                    assertThrows(ContentException.class, () -> SourceText.decode("content/en/x.md", bytes));
            String message = e.diagnostics().get(0).format();
            assertTrue(
                    message.contains("at byte offset " + strictErrorOffset(bytes) + ")"),
                    () -> message + " for " + java.util.HexFormat.of().formatHex(bad));
            assertTrue(message.startsWith("content/en/x.md:5:3: error: the file is not valid UTF-8"), message);
        }
    }

    @Test
    void aReplacementCharacterInTheFileIsText() {
        String text = "---\ntitle: x\n---\n\nبدل \uFFFD هنا\n";
        assertEquals(
                text,
                SourceText.decode("x.md", text.getBytes(StandardCharsets.UTF_8)).text());
    }

    /** The char-by-char scan finds the first dropped code point exactly where the code-point scan did. */
    @Test
    void theFirstControlIsFoundAsByCodePoints() {
        for (int c = 0; c <= 0xFFFF; c++) {
            for (String s : List.of("ab" + (char) c + "cd", (char) c + "\uD83D\uDE00", "\uD83D" + (char) c)) {
                assertEquals(
                        byCodePoints(s),
                        TextControls.first(s),
                        () -> s.codePoints().boxed().toList().toString());
            }
        }
        assertEquals(-1, TextControls.first("emoji \uD83D\uDE00 and \uDBFF\uDFFF"));
        assertEquals(3, TextControls.first("abc\uDE00"));
    }

    private static int byCodePoints(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (TextControls.isDropped(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static int strictErrorOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return in.position();
    }
}
