package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.arshif.search.SearchDocument;
import org.arshif.search.analysis.TextAnalyzer;
import org.junit.jupiter.api.Test;

/** Postings gathered batch by batch and partition by partition are the same as those of one pass. */
class InvertedIndexTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();
    private static final TermSource WORDS = TermSource.of(ANALYZER);

    @Test
    void smallBatchesAndSeveralPartitionsGiveTheSamePostingsAsOnePass() throws IOException {
        Documents docs = Documents.prepare("ar", documents());
        List<String> onePass = dump(docs, 1, 1_000_000);
        assertEquals(onePass, dump(docs, 3, 7), "batches of 7 documents, 3 partitions");
        assertEquals(onePass, dump(docs, 2, 1), "one document at a time, 2 partitions");
    }

    /** Every key with its postings: document, tf, positions. */
    private static List<String> dump(Documents docs, int threads, int batch) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            IndexSettings settings =
                    new IndexSettings(10, 8000, 4000, 64000, 1 << 20, 1 << 15, true, 38, threads, "{}", Set.of());
            TermIds ids = new TermIds();
            InvertedIndex index = InvertedIndex.invert(docs, new FreshAnalysis(WORDS, ids), ids, pool, settings, batch);
            List<String> out = new ArrayList<>();
            for (int t = 0; t < index.size(); t++) {
                Postings p = index.postings()[t];
                StringBuilder sb = new StringBuilder(index.terms()[t]).append(':');
                int at = 0;
                for (int j = 0; j < p.df(); j++) {
                    sb.append(' ').append(p.doc(j)).append('/').append(Integer.toHexString(p.tf(j)));
                    int count = p.positions.get(at++);
                    for (int c = 0; c < count; c++) {
                        sb.append(c == 0 ? "@" : ",").append(p.positions.get(at++));
                    }
                }
                out.add(sb.toString());
            }
            out.add("lengths " + java.util.Arrays.toString(index.titleLengths())
                    + java.util.Arrays.toString(index.bodyLengths()));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One document per sentence of the PUD sample, its first words as the title. */
    private static List<SearchDocument> documents() throws IOException {
        List<SearchDocument> docs = new ArrayList<>();
        try (InputStream in = InvertedIndexTest.class.getResourceAsStream("/search-corpus/pud-sample.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].split("\t");
                if (cols.length >= 4) {
                    String date = LocalDate.of(2020, 1, 1).plusDays(i).toString();
                    String title = cols[2].substring(0, Math.min(30, cols[2].length()));
                    docs.add(new SearchDocument("/ar/" + i + "/", title, date, date, List.of(), cols[2], "ar"));
                }
            }
        }
        return docs;
    }
}
