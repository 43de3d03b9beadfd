package org.arshif.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognizes UTF-16 text, which Windows editors save as "Unicode". Without a byte-order mark, Arabic and Latin
 * UTF-16 is valid UTF-8 too (every other byte a NUL or 0x06), so it would be published as garbage. UTF-32 (rare,
 * but some exports write it) is told apart first: its byte-order mark starts with UTF-16's little-endian one.
 */
final class Utf16 {
    private Utf16() {}

    /** How the bytes are encoded when they are UTF-16, e.g. "UTF-16 (little-endian, no byte-order mark)". */
    static Optional<String> describe(byte[] bytes) {
        Optional<String> utf32 = utf32(bytes);
        if (utf32.isPresent()) {
            return utf32;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return Optional.of("UTF-16 (little-endian, with a byte-order mark)");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return Optional.of("UTF-16 (big-endian, with a byte-order mark)");
        }
        if (bytes.length % 2 != 0) {
            return Optional.empty();
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            }
        }
        // NULs on one side of each byte pair only: the high bytes of spaces, newlines, digits and Latin letters.
        if (oddNuls > 0 && evenNuls == 0 && readsAsText(bytes, StandardCharsets.UTF_16LE)) {
            return Optional.of("UTF-16 (little-endian, no byte-order mark)");
        }
        if (evenNuls > 0 && oddNuls == 0 && readsAsText(bytes, StandardCharsets.UTF_16BE)) {
            return Optional.of("UTF-16 (big-endian, no byte-order mark)");
        }
        return Optional.empty();
    }

    /** UTF-32 with a byte-order mark, or without one when three bytes of every four are NULs (Latin and Arabic). */
    private static Optional<String> utf32(byte[] bytes) {
        if (bytes.length < 4 || bytes.length % 4 != 0) {
            return Optional.empty();
        }
        int b0 = bytes[0] & 0xFF;
        int b1 = bytes[1] & 0xFF;
        if (b0 == 0xFF && b1 == 0xFE && bytes[2] == 0 && bytes[3] == 0) {
            return Optional.of("UTF-32 (little-endian, with a byte-order mark)");
        }
        if (b0 == 0 && b1 == 0 && (bytes[2] & 0xFF) == 0xFE && (bytes[3] & 0xFF) == 0xFF) {
            return Optional.of("UTF-32 (big-endian, with a byte-order mark)");
        }
        boolean little = true;
        boolean big = true;
        for (int i = 0; i < bytes.length && (little || big); i += 4) {
            little &= bytes[i + 2] == 0 && bytes[i + 3] == 0;
            big &= bytes[i] == 0 && bytes[i + 1] == 0;
        }
        if (little && readsAsText(bytes, Charset.forName("UTF-32LE"))) {
            return Optional.of("UTF-32 (little-endian, no byte-order mark)");
        }
        if (big && readsAsText(bytes, Charset.forName("UTF-32BE"))) {
            return Optional.of("UTF-32 (big-endian, no byte-order mark)");
        }
        return Optional.empty();
    }

    /**
     * Valid in that encoding, free of control characters, and in lines: UTF-8 with a stray NUL read as UTF-16 has
     * no line breaks, since each would need a NUL right beside a newline.
     */
    private static boolean readsAsText(byte[] bytes, Charset charset) {
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        String lines = text.replace("\r", "");
        return TextControls.first(lines) < 0
                && lines.chars().filter(c -> c == '\n').count() >= 2;
    }
}
