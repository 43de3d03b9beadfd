package org.arshif.search.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arshif.search.analysis.TextAnalyzer;
import org.junit.jupiter.api.Test;

/** chartable.tsv (read by the JS tests) is what Java does with every BMP code point. */
class ChartableTest {
    @Test
    void chartableIsCurrent() throws IOException {
        Path dir = Path.of("src/test/resources/org/arshif/search/analysis");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("generator").resolve(dir);
        }
        List<String> lines = Files.readAllLines(dir.resolve("chartable.tsv"), StandardCharsets.UTF_8);
        boolean[] unassigned = new boolean[0x10000];
        boolean[] token = new boolean[0x10000];
        boolean[] boundary = new boolean[0x10000];
        Map<Integer, String> mapped = new HashMap<>();
        Map<Integer, String> folded = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "U", "T", "B" -> {
                    String[] r = f[1].split("-");
                    boolean[] target = f[0].equals("U") ? unassigned : f[0].equals("T") ? token : boundary;
                    for (int cp = Integer.parseInt(r[0], 16); cp <= Integer.parseInt(r[1], 16); cp++) {
                        target[cp] = true;
                    }
                }
                case "M", "F" -> {
                    StringBuilder sb = new StringBuilder();
                    for (String h : f[2].isEmpty() ? new String[0] : f[2].split(" ")) {
                        sb.appendCodePoint(Integer.parseInt(h, 16));
                    }
                    (f[0].equals("M") ? mapped : folded).put(Integer.parseInt(f[1], 16), sb.toString());
                }
                default -> assertTrue(f[0].startsWith("#"), line);
            }
        }
        TextAnalyzer a = TextAnalyzer.standard();
        for (int cp = 0; cp < 0x10000; cp++) {
            if (Character.isSurrogate((char) cp)) {
                continue;
            }
            String s = Character.toString(cp);
            assertEquals(!Character.isDefined(cp), unassigned[cp]);
            assertEquals(TextNormalizer.isTokenChar(cp), token[cp]);
            assertEquals(TextNormalizer.isBoundary(cp), boundary[cp]);
            assertEquals(a.normalize(s), mapped.getOrDefault(cp, s));
            assertEquals(LatinFold.fold(s), folded.getOrDefault(cp, s));
        }
    }
}
