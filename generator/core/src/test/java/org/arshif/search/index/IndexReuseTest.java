package org.arshif.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.bench.SearchIndexBench;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with a cache keeps the index files that the changed documents do not touch (without encoding them), and
 * its index equals a fresh build's byte for byte: after an edit, an addition, a deletion (which moves the ids of
 * the documents after it), a change of the average lengths, and a change of tags.
 */
class IndexReuseTest {
    private static final String VERSION = "test";
    private final SearchIndexWriter writer = SearchFixtureCorpus.fixtureWriter();

    @TempDir
    Path tmp;

    private int step;
    private Path last;

    @Test
    void eachChangeGivesAFreshBuildsFilesAndKeepsTheUntouchedOnes() throws IOException {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtureCorpus.documents("en"));
        IndexMemo first = cachedEqualsFresh(docs, "first build");
        assertEquals(0, first.reused(), "nothing to reuse yet");

        IndexMemo same = cachedEqualsFresh(docs, "nothing changed");
        assertEquals(0, same.encoded(), "nothing changed: every file kept");

        int edited = docs.size() - 1;
        docs.set(edited, withBody(docs.get(edited), docs.get(edited).body() + "\n\nA storm closed the harbour."));
        IndexMemo edit = cachedEqualsFresh(docs, "an edit");
        assertTrue(edit.reused() > 0 && edit.encoded() > 0, "an edit re-encodes some files: " + counts(edit));

        // a longer title lowers the share of the title each of its words takes, so their impacts, in shards that
        // hold no other change
        SearchDocument titled = docs.get(10);
        docs.set(
                10,
                new SearchDocument(
                        titled.url(),
                        titled.title() + " zebra zebra zebra",
                        titled.date(),
                        titled.dateLabel(),
                        titled.tags(),
                        titled.body(),
                        titled.lang()));
        IndexMemo title = cachedEqualsFresh(docs, "a longer title");
        assertTrue(title.reused() > 0 && title.encoded() > 0, "a title edit re-encodes some files: " + counts(title));

        // one word, as many times as the corpus's average body has tokens (33): the rounded averages stay, and
        // few shards hold the word
        SearchDocument last = docs.get(docs.size() - 1);
        String body = "zebra ".repeat(33).trim();
        docs.add(new SearchDocument(
                "/en/2030/added/", last.title(), "2030-01-01", "January 1, 2030", last.tags(), body, "en"));
        IndexMemo added = cachedEqualsFresh(docs, "an addition");
        assertTrue(added.reused() > 0, "an addition at the end keeps files: " + counts(added));

        docs.remove(docs.size() / 2);
        cachedEqualsFresh(docs, "a deletion that moves ids");

        SearchDocument tagged = docs.get(3);
        docs.set(
                3,
                new SearchDocument(
                        tagged.url(),
                        tagged.title(),
                        tagged.date(),
                        tagged.dateLabel(),
                        docs.get(4).tags(),
                        tagged.body(),
                        tagged.lang()));
        cachedEqualsFresh(docs, "other tags");

        docs.set(5, withBody(docs.get(5), (docs.get(5).body() + "\n\n").repeat(60)));
        IndexMemo averages = cachedEqualsFresh(docs, "a change of the average body length");
        assertEquals(0, averages.reused(), "other averages, other impacts: " + counts(averages));
    }

    @Test
    void aDocumentWhoseTextWasAnalysedBeforeIsAskedForOnce() throws IOException {
        List<SearchDocument> docs = SearchFixtureCorpus.documents("en");
        AnalysisCache analyses = AnalysisCache.empty();
        writer.write(tmp.resolve("first"), "en", docs, analyses, null, IndexMemo.empty());
        // as the pipeline's list: each ask builds the document (and its body) anew
        CountingList<SearchDocument> view = new CountingList<>(docs);
        writer.write(tmp.resolve("second"), "en", view, analyses, null, IndexMemo.empty());
        assertEquals(0, analyses.misses() - docs.size(), "every text known from the first build");
        assertEquals(docs.size(), view.asks(), "one ask per document, when its card and text key are taken");
    }

    /**
     * Where the file budget sizes the term shards (1,000 Arabic documents, a budget of 150 files a 1,000), each of 24
     * edits puts a new word in the place of another in one document, and so moves the budget's size of a shard (the
     * index's estimated size over the files left) a little. At most 2 of them may rewrite more than 4 shard files. With
     * the target as the budget gives it rather than on its grid ({@code ShardLayout.onGrid}), the target moved at the
     * 8th edit and with it every shard's end: 3 edits rewrote 45-61 of the 102 files. (The 2 left, the 5th and the
     * 11th, are ends that moved one term and did not meet again: the layout's own, not the target's.)
     */
    @Test
    void anEditKeepsTheShardTargetAndSoTheShardFiles() throws IOException {
        SearchIndexWriter budgeted = SearchIndexWriter.builder(IndexAnalyzer.standard())
                .filesPer1000Docs(150)
                .threads(2)
                .build();
        List<SearchDocument> docs = new ArrayList<>(SearchIndexBench.corpus(1000, "ar", 11));
        Path previous = tmp.resolve("budget-0");
        budgeted.write(previous, "ar", docs);
        int shardFiles = shardFiles(previous).size();
        assertTrue(shardFiles >= 20, "the budget sizes the shards: " + shardFiles + " shard files");
        String[] words = docs.get(500).body().strip().split(" ");
        List<Integer> rewrote = new ArrayList<>();
        for (int k = 1; k <= 24; k++) {
            // the k-th word from the end made a new one: the body keeps its length in tokens, and so the average
            // length and the impacts of its other words stay (a longer body moves them: another change)
            words[words.length - 2 * k] = "زقزوف" + "ابجدهوزحطي".charAt(k % 10) + "ابجدهوزحطي".charAt(k / 10);
            docs.set(500, withBody(docs.get(500), String.join(" ", words)));
            Path next = tmp.resolve("budget-" + k);
            budgeted.write(next, "ar", docs);
            List<String> moved = new ArrayList<>(shardFiles(next));
            moved.removeAll(shardFiles(previous));
            rewrote.add(moved.size());
            previous = next;
        }
        long many = rewrote.stream().filter(n -> n > 4).count();
        assertTrue(many <= 2, "shard files rewritten by each edit, of " + shardFiles + ": " + rewrote);
    }

    private static List<String> shardFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("t."))
                    .sorted()
                    .toList();
        }
    }

    /** Writes {@code docs} with the cache (after the last step's build) and fresh; the files must be the same. */
    private IndexMemo cachedEqualsFresh(List<SearchDocument> docs, String what) throws IOException {
        Path fresh = tmp.resolve("fresh-" + step);
        writer.write(fresh, "en", docs);
        Path out = tmp.resolve("cached-" + step++);
        Path analysesFile = tmp.resolve("analyses.bin");
        Path memoFile = tmp.resolve("memo.bin");
        AnalysisCache analyses = AnalysisCache.open(analysesFile, VERSION);
        IndexMemo memo = IndexMemo.open(memoFile, VERSION, line -> {});
        Path previous = last;
        writer.write(out, "en", docs, analyses, previous == null ? null : name -> keep(previous, out, name), memo);
        analyses.save(analysesFile, VERSION);
        memo.save(memoFile, VERSION);
        last = out;
        assertSameFiles(fresh, out, what);
        return memo;
    }

    /** The folders hold the same files with the same bytes. */
    static void assertSameFiles(Path fresh, Path out, String what) throws IOException {
        SortedMap<String, byte[]> expected = Trees.read(fresh);
        SortedMap<String, byte[]> actual = Trees.read(out);
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same files");
        for (String name : expected.keySet()) {
            assertTrue(
                    java.util.Arrays.equals(expected.get(name), actual.get(name)),
                    what + ": the same bytes in " + name);
        }
    }

    /** Like the output tree's keep: the last build's file, if there is one, taken into the new folder. */
    static long keep(Path previous, Path out, String name) {
        Path from = previous.resolve(name);
        if (!Files.isRegularFile(from)) {
            return -1;
        }
        try {
            Files.createDirectories(out);
            Files.copy(from, out.resolve(name));
            return Files.size(from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SearchDocument withBody(SearchDocument d, String body) {
        return new SearchDocument(d.url(), d.title(), d.date(), d.dateLabel(), d.tags(), body, d.lang());
    }

    private static String counts(IndexMemo memo) {
        return "reused " + memo.reused() + ", encoded " + memo.encoded();
    }
}
