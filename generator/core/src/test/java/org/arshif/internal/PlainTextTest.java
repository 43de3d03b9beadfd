package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The plain-text fast path of {@link SourceText#decode} gives what the full cleaning gives: a file it takes as it is
 * needs no cleaning, and every finding stays the full path's.
 */
class PlainTextTest {
    /** Every code point below U+2100, and a few beyond; the plain ones and the others side by side. */
    private static final int[] CODE_POINTS = IntStream.concat(
                    IntStream.range(0, 0x2100).filter(cp -> cp < 0xD800),
                    IntStream.of(0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600, 0x2126, 0x1100, 0x1161))
            .toArray();

    private static final String MOSTLY_PLAIN = "aZ 9\n\téسلامًٌٍَُِّْ،٣–“…";

    @Test
    void everyPairOfPlainCharactersIsNormalizedAndClean() {
        List<String> plain = new ArrayList<>();
        for (int cp : CODE_POINTS) {
            String s = new String(Character.toChars(cp));
            if (PlainText.isPlain(utf8(s))) {
                plain.add(s);
            }
        }
        assertTrue(plain.size() > 900, "plain characters: " + plain.size());
        for (String first : plain) {
            for (String second : plain) {
                String pair = first + second;
                if (PlainText.isPlain(utf8(pair))) {
                    assertTrue(Normalizer.isNormalized(pair, Normalizer.Form.NFC), () -> codes(pair));
                    assertEquals(-1, TextControls.first(pair), () -> codes(pair));
                    assertFalse(pair.contains("\r") || pair.contains("\uFFFD") || pair.contains("\uFEFF"));
                }
            }
        }
    }

    @Test
    void harakatInDescendingOrderAndMarksThatComposeAreLeftToTheFullCleaning() {
        assertTrue(PlainText.isPlain(utf8("مُحَمَّد")), "shadda after fatha: in order");
        assertFalse(PlainText.isPlain(utf8("مُحَمّد\u0651\u064E")), "fatha after shadda: NFC reorders them");
        assertFalse(PlainText.isPlain(utf8("ا\u0654")), "alef and hamza above: NFC composes them");
        assertFalse(PlainText.isPlain(utf8("e\u0301")), "e and an acute: NFC composes them");
        assertFalse(PlainText.isPlain(utf8("line\r\n")), "a CR");
        assertFalse(PlainText.isPlain(utf8("\uFEFFtext")), "a BOM");
        assertFalse(PlainText.isPlain(new byte[] {'a', (byte) 0xD8}), "a cut sequence");
        assertFalse(PlainText.isPlain(new byte[] {(byte) 0xC1, (byte) 0xBF}), "an overlong form");
        assertFalse(PlainText.isPlain(new byte[] {(byte) 0xE2, (byte) 0x80}), "a cut punctuation mark");
    }

    @Test
    void randomTextsDecodeAsTheFullCleaningDecodesThem() {
        Random random = new Random(42);
        int plainSeen = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                // Mostly plain characters, some of anything: each text is plain about half the time.
                int cp = random.nextInt(4) > 0
                        ? MOSTLY_PLAIN.charAt(random.nextInt(MOSTLY_PLAIN.length()))
                        : CODE_POINTS[random.nextInt(CODE_POINTS.length)];
                sb.appendCodePoint(cp);
            }
            byte[] bytes = utf8(sb.toString());
            plainSeen += PlainText.isPlain(bytes) ? 1 : 0;
            assertEquals(SourceText.decodeAndClean("f.md", bytes), SourceText.decode("f.md", bytes), () -> codes(sb));
        }
        assertTrue(plainSeen > 2_000 && plainSeen < 18_000, "plain texts: " + plainSeen);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String codes(CharSequence s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(String.format("U+%04X ", cp)));
        return sb.toString();
    }
}
