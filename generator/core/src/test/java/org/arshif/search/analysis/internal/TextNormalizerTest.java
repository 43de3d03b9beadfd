package org.arshif.search.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The NFKC-with-offsets machinery: exact, and offsets that make sense. */
class TextNormalizerTest {

    /**
     * What step 1 must give: whole-text NFKC, then the per-code-point map, repeated until nothing changes (a mark
     * that a deleted character kept from its letter composes with it in the second round).
     */
    private static String reference(String text) {
        String once = referenceOnce(text);
        return once.equals(text) ? once : reference(once);
    }

    private static String referenceOnce(String text) {
        StringBuilder sb = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints().forEach(cp -> {
            int m = TextNormalizer.map(cp);
            if (m >= 0) {
                sb.appendCodePoint(m);
            }
        });
        return sb.toString();
    }

    private static List<String> realTexts() throws IOException {
        Path dir = Path.of("src/test/resources/org/arshif/search/analysis");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("generator").resolve(dir);
        }
        List<String> out = new ArrayList<>(Files.readAllLines(dir.resolve("sana-sample.txt"), StandardCharsets.UTF_8));
        out.addAll(Files.readAllLines(dir.resolve("ud-arabic-pud-parallel.tsv"), StandardCharsets.UTF_8));
        return out;
    }

    // Letters, marks that compose and marks that do not, compatibility forms, jamo, controls.
    private static final String ALPHABET = "ابتسلمهويىةأإآءؤئ\u0654\u0655\u0653\u064B\u064E\u0651\u0670\u0640"
            + "ﻻﷲﺍﻟﻌﺮﺑﻴﺔ\uFE8D\uFEFB\uFC5E aeiouAEIOUİΣ\u0301\u0308\u0327ﬁ½²ＡＢ１"
            + "\u1100\u1161\u11A8\uAC00\u3131\u314F\u0B47\u0B3E\u0D46\u0D3E\u200B\u200C\u200F\u202B\u00AD\uFEFF"
            + "٠١٢٫٬۱۲\u0915\u093F\u094D😀\uD83C\uDFFD";

    @Test
    void normalizingIsIdempotentWhenADeletedCharacterSeparatesAMarkFromItsLetter() {
        // Found by QueryFuzzTest: the tatweel kept U+0301 from its г, then was deleted; normalizing again gave ѓ.
        assertEquals(
                "\u0453", TextNormalizer.normalize("\u0433\u0640\u0301", false).toString());
        assertEquals(
                "\u1ea1\u0301x",
                TextNormalizer.normalize("a\u0301\u200b\u0323x", false).toString(),
                "both marks meet the letter: NFKC composes and orders them as if the control were not there");
        Normalized withOffsets = TextNormalizer.normalize("\u0433\u0640\u0301", true);
        assertEquals(0, withOffsets.start(0));
        assertEquals(3, withOffsets.end(0), "the composed letter covers the tatweel and the mark");
        for (String s : List.of("\u0433\u0640\u0301", "a\u0301\u200b\u0323x", "\u0627\u0640\u0653\u0301")) {
            String once = TextNormalizer.normalize(s, false).toString();
            assertEquals(once, TextNormalizer.normalize(once, false).toString(), s);
        }
    }

    @Test
    void segmentwiseNfkcIsWholeTextNfkc() throws IOException {
        for (String text : realTexts()) {
            assertEquals(reference(text), TextNormalizer.normalize(text, true).toString());
        }
        Random random = new Random(20170522);
        int[] cps = ALPHABET.codePoints().toArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                sb.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            String s = sb.toString();
            assertEquals(reference(s), TextNormalizer.normalize(s, true).toString(), s);
            assertEquals(reference(s), TextNormalizer.normalize(s, false).toString(), s);
        }
    }

    @Test
    void offsetsAreOrderedAndCoverTheirOutput() throws IOException {
        List<String> texts = realTexts();
        texts.add("بَحَثَ ﻻ ا\u0654ن ½ \u1100\u1161\u11A8 e\u0301 \u200Fسانا\u200F");
        for (String text : texts) {
            Normalized n = TextNormalizer.normalize(text, true);
            int lastStart = 0;
            for (int i = 0; i < n.length(); i++) {
                assertTrue(n.start(i) >= lastStart && n.start(i) < n.end(i) && n.end(i) <= text.length(), text);
                lastStart = n.start(i);
                // What a char came from normalizes to something that contains it.
                String from = reference(text.substring(n.start(i), n.end(i)));
                int at = i;
                assertTrue(from.indexOf(n.chars()[i]) >= 0, () -> text + " @" + at);
            }
        }
    }

    @Test
    void marksMapToThemselvesAndComposedFormsToTheirWholeRange() {
        Normalized n = TextNormalizer.normalize("بَا\u0653", true);
        assertEquals("با", n.toString());
        assertEquals(0, n.start(0));
        assertEquals(2, n.end(0), "the deleted fatha widens ب's range");
        assertEquals(2, n.start(1));
        assertEquals(4, n.end(1), "ا + madda composed to آ, folded to ا");
    }

    @Test
    void stepOneMapping() {
        assertEquals(-1, TextNormalizer.map(0x0640));
        assertEquals(-1, TextNormalizer.map(0x200F));
        assertEquals('ا', TextNormalizer.map('ٱ'));
        assertEquals('ي', TextNormalizer.map('ی'));
        assertEquals('ه', TextNormalizer.map('ة'));
        assertEquals('ء', TextNormalizer.map('ئ'));
        assertEquals('7', TextNormalizer.map('۷'));
        assertEquals('.', TextNormalizer.map('٫'));
        assertEquals(-1, TextNormalizer.map('٬'));
        assertEquals('i', TextNormalizer.map('İ'));
        assertEquals('σ', TextNormalizer.map('Σ'));
    }

    /**
     * The flags the table fills in as code points are met equal the flags by their definition, a normalization of
     * each code point: token ({@code [\p{L}\p{Nd}]}), inert (NFKC gives it back) and boundary (it and what NFKC
     * makes of it start no combining sequence); also when two threads meet the same code points at once, in
     * opposite orders.
     */
    @Test
    void everyCodePointsFlagsAreThoseOfItsNormalization() throws InterruptedException {
        Thread down = new Thread(() -> {
            for (int cp = 0x2FFFF; cp >= 0; cp--) {
                TextNormalizer.tableFlags(cp);
            }
        });
        down.start();
        for (int point = 0; point < 0x30000; point++) {
            int cp = point;
            assertEquals(flagsByNormalizing(cp), TextNormalizer.tableFlags(cp), () -> "U+" + Integer.toHexString(cp));
        }
        down.join();
        for (int point = 0; point < 0x30000; point++) {
            int cp = point;
            assertEquals(flagsByNormalizing(cp), TextNormalizer.tableFlags(cp), () -> "U+" + Integer.toHexString(cp));
        }
    }

    private static int flagsByNormalizing(int cp) {
        int token = Character.isLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER ? 4 : 0;
        if (Character.getType(cp) == Character.SURROGATE) {
            return token | 1 | 2;
        }
        String s = new String(Character.toChars(cp));
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        int inert = n.equals(s) ? 2 : 0;
        boolean boundary = !n.isEmpty() && !markOrJamo(cp) && !markOrJamo(n.codePointAt(0));
        return token | inert | (boundary ? 1 : 0);
    }

    private static boolean markOrJamo(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK
                || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK
                || (cp >= 0x1100 && cp <= 0x11FF)
                || (cp >= 0x3130 && cp <= 0x318F)
                || (cp >= 0xA960 && cp <= 0xA97F)
                || (cp >= 0xD7B0 && cp <= 0xD7FF)
                || (cp >= 0xFFA0 && cp <= 0xFFDC);
    }
}
