package org.arshif.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.arshif.search.SearchDocument;
import org.arshif.search.analysis.AnalysisData;
import org.arshif.search.analysis.TextAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index without card chunks (a compact site) publishes its shard and tail files only inside their bundles: a
 * cached build keeps the clean ones by taking them back out of the last site's bundles, as many files as an index
 * with chunks keeps, and equals a fresh build byte for byte; a damaged bundle is not read from.
 */
class CompactIndexReuseTest {
    private static final String VERSION = "test";

    @TempDir
    Path tmp;

    private int step;
    private Path last;

    private static SearchIndexWriter writer(boolean cardChunks) {
        AnalysisData data = AnalysisData.standard().withProtected(List.of("السلام"));
        return SearchIndexWriter.builder(IndexAnalyzer.of(TextAnalyzer.of(data)))
                .hitsPerTerm(3)
                .shardTarget(3000)
                .longPostings(40)
                .tailTarget(300)
                .cardFileBytes(4096)
                .cardChunkBytes(1024)
                .cardChunks(cardChunks)
                .threads(2)
                .build();
    }

    @Test
    void aCompactIndexKeepsAsManyFilesAsAChunkedOneAndEqualsAFreshBuild() throws IOException {
        List<Integer> chunked = reusedPerStep(writer(true), "chunked");
        List<Integer> compact = reusedPerStep(writer(false), "compact");
        assertEquals(chunked, compact, "the same files kept at each step (first build, no change, edits)");
        assertTrue(compact.get(2) > 0, "an edit keeps files: " + compact);
    }

    @Test
    void aDamagedBundleIsNotReadFromAndItsFilesAreEncodedAgain() throws IOException {
        SearchIndexWriter compact = writer(false);
        List<SearchDocument> docs = new ArrayList<>(SearchFixtureCorpus.documents("en"));
        cachedEqualsFresh(compact, docs, "first build", "damaged");
        // the shard bundle (an edit changes its name: the output tree never keeps the damaged one)
        try (Stream<Path> files = Files.list(last)) {
            for (Path bundle : files.filter(f -> f.getFileName().toString().matches("s\\..*\\.bin"))
                    .toList()) {
                byte[] b = Files.readAllBytes(bundle);
                for (int at = 1; at < 8; at++) {
                    b[b.length * at / 8] ^= 0x5A;
                }
                Files.write(bundle, b);
            }
        }
        int edited = docs.size() - 1;
        docs.set(
                edited,
                IndexReuseTest.withBody(docs.get(edited), docs.get(edited).body() + "\n\nA storm closed the harbour."));
        IndexMemo damaged = cachedEqualsFresh(compact, docs, "an edit after the bundles were damaged", "damaged");
        docs.set(
                edited,
                IndexReuseTest.withBody(docs.get(edited), docs.get(edited).body() + "\n\nThe ferries sailed again."));
        int sound = cachedEqualsFresh(compact, docs, "the next edit", "damaged").reused();
        assertTrue(damaged.reused() < sound, "fewer kept from damaged bundles: " + damaged.reused() + " / " + sound);
    }

    /** A first build, no change, an edit, a second edit: the files each step kept, each step equal to a fresh build. */
    private List<Integer> reusedPerStep(SearchIndexWriter writer, String kind) throws IOException {
        last = null;
        List<SearchDocument> docs = new ArrayList<>(SearchFixtureCorpus.documents("en"));
        List<Integer> reused = new ArrayList<>();
        reused.add(cachedEqualsFresh(writer, docs, "first build", kind).reused());
        reused.add(cachedEqualsFresh(writer, docs, "no change", kind).reused());
        int edited = docs.size() - 1;
        docs.set(
                edited,
                IndexReuseTest.withBody(docs.get(edited), docs.get(edited).body() + "\n\nA storm closed the harbour."));
        reused.add(cachedEqualsFresh(writer, docs, "an edit", kind).reused());
        docs.set(3, IndexReuseTest.withBody(docs.get(3), docs.get(3).body() + "\n\nThe ferries sailed again."));
        reused.add(cachedEqualsFresh(writer, docs, "another edit", kind).reused());
        return reused;
    }

    /** Writes {@code docs} with the cache (after the last step's build) and fresh; the files must be the same. */
    private IndexMemo cachedEqualsFresh(SearchIndexWriter writer, List<SearchDocument> docs, String what, String kind)
            throws IOException {
        Path fresh = tmp.resolve(kind + "-fresh-" + step);
        writer.write(fresh, "en", docs);
        Path out = tmp.resolve(kind + "-cached-" + step++);
        Path analysesFile = tmp.resolve(kind + "-analyses.bin");
        Path memoFile = tmp.resolve(kind + "-memo.bin");
        AnalysisCache analyses = AnalysisCache.open(analysesFile, VERSION);
        IndexMemo memo = IndexMemo.open(memoFile, VERSION, line -> {});
        Path previous = last;
        SearchIndexWriter.Existing existing = previous == null
                ? null
                : new SearchIndexWriter.Existing() {
                    @Override
                    public long keep(String name) {
                        return IndexReuseTest.keep(previous, out, name);
                    }

                    @Override
                    public Path where(String name) {
                        return previous.resolve(name);
                    }
                };
        writer.write(out, "en", docs, analyses, existing, memo);
        analyses.save(analysesFile, VERSION);
        memo.save(memoFile, VERSION);
        last = out;
        IndexReuseTest.assertSameFiles(fresh, out, kind + ", " + what);
        return memo;
    }
}
