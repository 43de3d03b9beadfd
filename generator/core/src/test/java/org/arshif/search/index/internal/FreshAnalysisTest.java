package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arshif.search.analysis.SurfaceKey;
import org.arshif.search.analysis.TextAnalyzer;
import org.junit.jupiter.api.Test;

/** Each distinct word is analysed once per run, and documents get exactly the keys their text gives. */
class FreshAnalysisTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();
    private static final TermSource WORDS = TermSource.of(ANALYZER);

    @Test
    void aWordMetAgainIsNotAnalysedAgain() {
        TermIds ids = new TermIds();
        WordMemo memo = new WordMemo(ANALYZER.indexKeys(), ids, WordMemo.MAX_WORDS);
        char[] text = "وقود الوقود وقود".toCharArray();
        int first = memo.lookup(text, 0, 4);
        int article = memo.lookup(text, 5, 6);
        int again = memo.lookup(text, 12, 4);
        assertEquals(first, again);
        assertNotEquals(first, article);
        assertEquals(2, memo.size(), "two distinct words");
        assertEquals(List.of("وقود", "قود", "قود قود", "وقود وقود"), keys(memo, ids, again));
    }

    @Test
    void aFullMemoStillGivesEachNewWordItsKeys() {
        TermIds ids = new TermIds();
        WordMemo memo = new WordMemo(ANALYZER.indexKeys(), ids, 1);
        char[] text = "الرياض بالرياض".toCharArray();
        memo.lookup(text, 0, 6);
        int unkept = memo.lookup(text, 7, 7);
        assertEquals(1, memo.size());
        assertEquals(List.of("الرياض", "الرياض رياض"), keys(memo, ids, unkept));
    }

    @Test
    void documentsGetTheKeysPositionsAndLengthsOfTheirText() throws IOException {
        for (int memoWords : new int[] {WordMemo.MAX_WORDS, 40}) {
            TermIds ids = new TermIds();
            FreshAnalysis analysis = new FreshAnalysis(WORDS, ids, memoWords);
            for (String[] doc : pudDocuments()) {
                DocTerms d = analysis.analyze(doc[0], doc[1]);
                assertEquals(expected(doc[0], doc[1]), actual(d, ids), "memo of " + memoWords + ": " + doc[0]);
            }
        }
    }

    /** Key → [title tf, body tf, positions…] plus the field lengths, straight from the analyzer. */
    private static Map<String, List<Integer>> expected(String title, String body) {
        Map<String, List<Integer>> out = new TreeMap<>();
        int[] lengths = {0, 0};
        int[] last = {-1};
        int[] bodyBase = {0};
        ANALYZER.forEachIndexTerm(title, (key, position) -> {
            add(out, key, 0, position);
            lengths[0] += position == last[0] ? 0 : 1;
            last[0] = position;
            bodyBase[0] = Math.max(bodyBase[0], position + 2);
        });
        last[0] = -1;
        ANALYZER.forEachIndexTerm(body, (key, position) -> {
            add(out, key, 1, bodyBase[0] + position);
            lengths[1] += position == last[0] ? 0 : 1;
            last[0] = position;
        });
        out.put("(lengths)", List.of(lengths[0], lengths[1]));
        return out;
    }

    private static void add(Map<String, List<Integer>> out, String key, int field, int position) {
        List<Integer> v = out.computeIfAbsent(key, k -> new ArrayList<>(List.of(0, 0)));
        v.set(field, v.get(field) + 1);
        if (!SurfaceKey.is(key)) {
            v.add(position);
        }
    }

    private static Map<String, List<Integer>> actual(DocTerms d, TermIds ids) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (int i = 0; i < d.size(); i++) {
            List<Integer> v = new ArrayList<>(List.of(d.titleTf()[i], d.bodyTf()[i]));
            Arrays.stream(d.positionsOf(i)).forEach(v::add);
            out.put(ids.key(d.terms()[i]), v);
        }
        out.put("(lengths)", List.of(d.titleLength(), d.bodyLength()));
        return out;
    }

    private static List<String> keys(WordMemo memo, TermIds ids, int entry) {
        List<String> out = new ArrayList<>();
        for (int v = memo.start(entry); v < memo.end(entry); v++) {
            out.add(ids.key(WordMemo.id(memo.values()[v])));
        }
        return out;
    }

    /** Title (the first sentence) and body (the others) of each PUD document, in Arabic and in English. */
    private static List<String[]> pudDocuments() throws IOException {
        Map<String, List<String[]>> byDoc = new TreeMap<>();
        try (InputStream in = FreshAnalysisTest.class.getResourceAsStream("/search-corpus/pud-sample.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].split("\t");
                if (cols.length >= 4) {
                    byDoc.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(cols);
                }
            }
        }
        List<String[]> docs = new ArrayList<>();
        for (List<String[]> sentences : byDoc.values()) {
            for (int lang = 2; lang <= 3; lang++) {
                StringBuilder body = new StringBuilder();
                for (String[] s : sentences.subList(1, sentences.size())) {
                    body.append(s[lang]).append("\n\n");
                }
                docs.add(new String[] {sentences.get(0)[lang], body.toString()});
            }
        }
        docs.add(new String[] {"وقال الوزير وإيران", "وزير الخارجية وقال وكنيسة الكنيسة في في"});
        return docs;
    }
}
