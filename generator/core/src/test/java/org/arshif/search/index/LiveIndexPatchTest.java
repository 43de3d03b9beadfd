package org.arshif.search.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.arshif.search.SearchDocument;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live server's index, kept in memory from one write to the next and patched by the documents that changed
 * (postings, prepared documents, cards), equals a fresh build's byte for byte: after an edit, a new word, a word
 * gone, a title, other tags, an addition at the end and one in the middle, a deletion at the end and one in the
 * middle. Documents whose key the last write saw are not asked for again.
 */
class LiveIndexPatchTest {
    private final SearchIndexWriter writer = SearchFixtureCorpus.fixtureWriter();
    private final AnalysisCache analyses = AnalysisCache.empty();
    private IndexMemo memo = IndexMemo.inMemory();
    private int step;
    // the term shards the last write encoded and took from the one before
    private int shardsEncoded;
    private int shardsTaken;

    @TempDir
    Path tmp;

    @Test
    void eachPatchedIndexIsAFreshBuilds() throws IOException {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtureCorpus.documents("en"));
        assertFalse(liveEqualsFresh(docs, "first write", 2 * docs.size()), "nothing to patch yet");
        assertTrue(liveEqualsFresh(docs, "nothing changed", 0));

        int last = docs.size() - 1;
        docs.set(last, withBody(docs.get(last), docs.get(last).body() + "\n\nA storm closed the harbour."));
        assertTrue(liveEqualsFresh(docs, "an edit", 2));
        docs.set(last, withBody(docs.get(last), docs.get(last).body() + " Zeppelinoid quixotry."));
        assertTrue(liveEqualsFresh(docs, "new words", 2));
        docs.set(last, withBody(docs.get(last), "Only this."));
        assertTrue(liveEqualsFresh(docs, "words gone", 2));

        SearchDocument titled = docs.get(10);
        docs.set(10, with(titled, titled.title() + " zebra", titled.tags(), titled.url(), titled.date()));
        assertTrue(liveEqualsFresh(docs, "a longer title", 2));
        docs.set(
                3,
                with(
                        docs.get(3),
                        docs.get(3).title(),
                        docs.get(4).tags(),
                        docs.get(3).url(),
                        docs.get(3).date()));
        assertTrue(liveEqualsFresh(docs, "other tags, same text", 1));

        SearchDocument end = docs.get(last);
        docs.add(with(end, "An added dispatch", end.tags(), "/en/2030/added/", "2030-01-01"));
        assertTrue(liveEqualsFresh(docs, "an addition at the end", 2));
        docs.add(with(end, "Another dispatch, older", end.tags(), "/en/1990/added/", "1990-01-01"));
        assertFalse(liveEqualsFresh(docs, "an addition first (every id moves)", 2));
        docs.remove(docs.size() - 2);
        assertTrue(liveEqualsFresh(docs, "a deletion at the end", 0));
        docs.remove(docs.size() / 2);
        // the ids after it move: half the corpus, within what a patch takes (an addition first moved all)
        assertTrue(liveEqualsFresh(docs, "a deletion that moves ids", 0));
        docs.set(7, withBody(docs.get(7), docs.get(7).body() + " Harbour storm."));
        assertTrue(liveEqualsFresh(docs, "an edit after all that", 2));
    }

    /**
     * An edit encodes only the term shards whose terms it touched: the others of each shard file it encodes again are
     * the last write's (their JSON and gzip member), and the files are still a fresh build's.
     */
    @Test
    void anEditEncodesOnlyTheTermShardsItTouched() throws IOException {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtureCorpus.documents("en"));
        liveEqualsFresh(docs, "first write", 2 * docs.size());
        int all = shardsEncoded;
        assertTrue(all > 8, "the first write encodes every term shard: " + all);
        int last = docs.size() - 1;
        docs.set(last, withBody(docs.get(last), docs.get(last).body() + " Zeppelinoid harbour."));
        writeLive(docs);
        int encoded = memo.termShardsEncoded();
        int taken = memo.termShardsTaken();
        int textKept = memo.termShardsTextKept();
        memo = memo.next();
        assertTrue(encoded > 0 && encoded < all / 4, "term shards encoded for an edit: " + encoded + " of " + all);
        // every shard file is encoded here (no earlier files are in place): all but the touched shards are taken
        assertEquals(all, encoded + textKept + taken, "taken: " + taken + ", lists kept: " + textKept);
        docs.set(last, withBody(docs.get(last), docs.get(last).body() + " Quixotry."));
        assertTrue(liveEqualsFresh(docs, "a second edit", 2));
        assertTrue(shardsTaken > 0 && shardsEncoded < all / 2, shardsEncoded + " encoded, " + shardsTaken + " taken");
    }

    private void writeLive(List<SearchDocument> docs) throws IOException {
        writer.write(tmp.resolve("live-" + step++), "en", docs, List.copyOf(docs), analyses, null, memo);
    }

    /**
     * Writes {@code docs} with the live memo and fresh, asserts the same files and that documents were asked for
     * {@code asked} times (a new document twice: for its card, and for its text's analysis); returns whether the
     * postings were patched.
     */
    private boolean liveEqualsFresh(List<SearchDocument> docs, String what, int asked) throws IOException {
        Path fresh = tmp.resolve("fresh-" + step);
        writer.write(fresh, "en", docs);
        Path live = tmp.resolve("live-" + step++);
        CountingList<SearchDocument> view = new CountingList<>(docs);
        // a document's key: the document itself (equal records are equal documents)
        writer.write(live, "en", view, List.copyOf(docs), analyses, null, memo);
        boolean patched = memo.patched();
        shardsEncoded = memo.termShardsEncoded();
        shardsTaken = memo.termShardsTaken();
        memo = memo.next();
        SortedMap<String, byte[]> expected = Trees.read(fresh);
        SortedMap<String, byte[]> actual = Trees.read(live);
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same files");
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), what + ": the same bytes in " + name);
        }
        assertEquals(asked, view.asks(), what + ": documents asked for");
        return patched;
    }

    private static SearchDocument withBody(SearchDocument d, String body) {
        return new SearchDocument(d.url(), d.title(), d.date(), d.dateLabel(), d.tags(), body, d.lang());
    }

    private static SearchDocument with(
            SearchDocument d, String title, List<SearchDocument.SearchTag> tags, String url, String date) {
        return new SearchDocument(url, title, date, d.dateLabel(), tags, d.body(), d.lang());
    }
}
