package org.arshif.search.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.arshif.search.SearchDocument;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live server's index whose files stay in memory from one write to the next, as the preview keeps them: a card
 * file whose cards an edit did not touch is kept as the last write named it, and a position pack that an edit
 * touched is made of the last write's positions of its other term shards, and a term shard's key is the last
 * write's when its terms and their tail files are the same. After edits of titles, tags, bodies, an addition and
 * deletions (which move the shards and the packs' grouping), and words put at the start of bodies (which move the
 * positions of the long lists in the tails, and so the tails' names, not their postings), every write equals a fresh
 * build's.
 */
class LiveFilesKeptTest {
    private final SearchIndexWriter writer = SearchFixtureCorpus.fixtureWriter();
    private final AnalysisCache analyses = AnalysisCache.empty();
    private IndexMemo memo = IndexMemo.inMemory();
    private Map<String, byte[]> files = new HashMap<>();
    private int step;

    @TempDir
    Path tmp;

    @Test
    void everyWriteWithItsFilesKeptInMemoryIsAFreshBuilds() throws IOException {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtureCorpus.documents("ar"));
        Set<String> first = liveEqualsFresh(docs, "first write");
        assertTrue(first.stream().filter(n -> n.startsWith("k.")).count() > 2, "several card files: " + first);

        SearchDocument titled = docs.get(10);
        docs.set(10, with(titled, titled.title() + " جديد", titled.tags(), titled.body()));
        Set<String> made = liveEqualsFresh(docs, "a longer title");
        long cardFiles = first.stream()
                .filter(n -> n.startsWith("k.") && n.split("\\.").length == 3)
                .count();
        long cardFilesMade = made.stream()
                .filter(n -> n.startsWith("k.") && n.split("\\.").length == 3)
                .count();
        assertTrue(cardFilesMade >= 1 && cardFilesMade < cardFiles, cardFilesMade + " of " + cardFiles + " card files");

        docs.set(
                3,
                with(
                        docs.get(3),
                        docs.get(3).title(),
                        docs.get(4).tags(),
                        docs.get(3).body()));
        liveEqualsFresh(docs, "other tags");
        int last = docs.size() - 1;
        SearchDocument end = docs.get(last);
        docs.set(last, with(end, end.title(), end.tags(), end.body() + "\n\nكلمة زبرجدية جديدة في الميناء."));
        liveEqualsFresh(docs, "new words");
        docs.set(last, with(end, end.title(), end.tags(), "فقط هذا."));
        liveEqualsFresh(docs, "words gone, the lead shorter");
        docs.add(new SearchDocument(
                "/ar/2030/added/", "خبر مضاف", "2030-01-01", end.dateLabel(), end.tags(), end.body(), end.lang()));
        liveEqualsFresh(docs, "an addition at the end");
        docs.remove(docs.size() / 2);
        liveEqualsFresh(docs, "a deletion that moves ids");
        docs.remove(1);
        docs.set(
                5,
                with(
                        docs.get(5),
                        docs.get(5).title(),
                        docs.get(5).tags(),
                        docs.get(5).body() + " الميناء."));
        liveEqualsFresh(docs, "a deletion and an edit");
        // inside a body: every later token's position moves, so do the tails' positions (and their names); the term
        // shards naming those tails take their lists from the last write, tail members too
        docs.set(
                7,
                with(
                        docs.get(7),
                        docs.get(7).title(),
                        docs.get(7).tags(),
                        "في الميناء. " + docs.get(7).body()));
        liveEqualsFresh(docs, "a sentence at a body's start");
        docs.set(
                7,
                with(
                        docs.get(7),
                        docs.get(7).title(),
                        docs.get(7).tags(),
                        "قال " + docs.get(7).body()));
        liveEqualsFresh(docs, "a word at the same body's start");
        docs.set(
                2,
                with(
                        docs.get(2),
                        docs.get(2).title(),
                        docs.get(2).tags(),
                        "في " + docs.get(2).body()));
        liveEqualsFresh(docs, "a word at another body's start");
        docs.set(
                7,
                with(
                        docs.get(7),
                        docs.get(7).title(),
                        docs.get(9).tags(),
                        docs.get(7).body()));
        liveEqualsFresh(docs, "other tags after those (facets of lists kept by their postings)");
    }

    /**
     * Writes {@code docs} with the live memo and its files in memory, and fresh; asserts the same files with the
     * same bytes, and returns the names of the files the live write made (the others it kept).
     */
    private Set<String> liveEqualsFresh(List<SearchDocument> docs, String what) throws IOException {
        Path fresh = tmp.resolve("fresh-" + step);
        writer.write(fresh, "ar", docs);
        Set<String> named = ConcurrentHashMap.newKeySet();
        Map<String, byte[]> made = new ConcurrentHashMap<>();
        Map<String, byte[]> kept = files;
        SearchIndexWriter.Existing existing = new SearchIndexWriter.Existing() {
            @Override
            public long keep(String name) {
                named.add(name);
                byte[] bytes = kept.get(name);
                return bytes == null ? -1 : bytes.length;
            }

            @Override
            public byte[] bytes(String name) {
                return kept.get(name);
            }

            @Override
            public boolean take(String name, byte[] bytes) {
                made.put(name, bytes);
                return true;
            }
        };
        writer.write(tmp.resolve("live-" + step++), "ar", docs, List.copyOf(docs), analyses, existing, memo);
        memo = memo.next();
        SortedMap<String, byte[]> live = new TreeMap<>();
        for (String name : named) {
            byte[] bytes = made.containsKey(name) ? made.get(name) : kept.get(name);
            if (bytes != null) {
                live.put(name, bytes);
            }
        }
        files = new HashMap<>(live);
        SortedMap<String, byte[]> expected = Trees.read(fresh);
        assertEquals(expected.keySet(), live.keySet(), what + ": the same files");
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), live.get(name), what + ": the same bytes in " + name);
        }
        return made.keySet();
    }

    private static SearchDocument with(
            SearchDocument d, String title, List<SearchDocument.SearchTag> tags, String body) {
        return new SearchDocument(d.url(), title, d.date(), d.dateLabel(), tags, body, d.lang());
    }
}
