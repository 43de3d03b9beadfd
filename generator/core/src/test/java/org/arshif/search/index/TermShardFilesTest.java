package org.arshif.search.index;

import static org.arshif.search.index.SearchIndexWriterTest.json;
import static org.arshif.search.index.SearchIndexWriterTest.list;
import static org.arshif.search.index.SearchIndexWriterTest.obj;
import static org.arshif.search.index.SearchIndexWriterTest.termShard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.arshif.search.analysis.SurfaceKey;
import org.arshif.search.index.internal.Vlq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format 6's shard files (issue 13, the warm budget): 8 term shards each (4 until w13-warm2), one gzip member apiece,
 * laid end to end in the shard bundle; the tail files a query of a frequent word needs; and format 8's tail bundles.
 */
class TermShardFilesTest {
    @Test
    void theShardBundleHoldsEveryShardFileInOrderAndTheManifestSizesEachTermShardInIt(@TempDir Path dir)
            throws Exception {
        SearchIndexWriter.IndexStats st =
                SearchFixtureCorpus.fixtureWriter().write(dir, "en", SearchFixtureCorpus.documents("en"));
        Map<String, Object> terms = obj(json(dir.resolve(st.manifestFile())).get("terms"));
        List<Object> files = list(terms.get("files"));
        int members = ((Long) terms.get("members")).intValue();
        int[] sizes = Vlq.decode((String) terms.get("sizes"));
        byte[] bundle = Files.readAllBytes(dir.resolve("s." + terms.get("bundle") + ".bin"));
        assertEquals(8, members);
        assertEquals(list(terms.get("sep")).size(), sizes.length, "a size per term shard");
        assertEquals((sizes.length + members - 1) / members, files.size(), "a shard file per eight term shards");
        assertTrue(files.size() >= 2, "the fixture has several shard files: " + files.size());
        int at = 0;
        for (int i = 0; i < files.size(); i++) {
            byte[] file = Files.readAllBytes(dir.resolve("t." + files.get(i) + ".bin"));
            int size = 0;
            for (int s = i * members; s < Math.min(sizes.length, (i + 1) * members); s++) {
                size += sizes[s];
            }
            assertEquals(file.length, size, "the sizes of the term shards of file " + i);
            assertTrue(Arrays.equals(file, Arrays.copyOfRange(bundle, at, at + size)), "file " + i);
            at += size;
        }
        assertEquals(bundle.length, at, "nothing else in the bundle");
        for (int s = 0; s < sizes.length; s++) {
            assertTrue(termShard(dir, terms, s).containsKey("t"), "term shard " + s + " is one gzip member");
        }
    }

    /**
     * A frequent term (one whose list is in a tail file) has a term shard of its own, with its surface keys and no
     * other term, and the manifest's {@code terms.alone} names exactly those shards (w31-warm: a query of several
     * words reads the frequent term's entry, not its neighbours' postings).
     */
    @Test
    void aFrequentTermHasATermShardOfItsOwnAndTheManifestNamesIt(@TempDir Path dir) throws Exception {
        for (String lang : List.of("ar", "en")) {
            Path out = dir.resolve(lang);
            SearchIndexWriter.IndexStats st =
                    SearchFixtureCorpus.fixtureWriter().write(out, lang, SearchFixtureCorpus.documents(lang));
            Map<String, Object> terms = obj(json(out.resolve(st.manifestFile())).get("terms"));
            TreeSet<Integer> named = new TreeSet<>();
            int at = 0;
            for (int gap : Vlq.decode((String) terms.get("alone"))) {
                named.add(at += gap);
            }
            TreeSet<Integer> frequent = new TreeSet<>();
            for (int s = 0; s < list(terms.get("sep")).size(); s++) {
                Map<String, Object> shard = termShard(out, terms, s);
                List<Object> t = list(shard.get("t"));
                for (int k = 0; k < t.size(); k++) {
                    String term = (String) t.get(k);
                    if (term.contains(" ") || list(shard.get("p")).get(k) instanceof String) {
                        continue;
                    }
                    frequent.add(s);
                    assertEquals(0, k, lang + ": " + term + " starts its term shard " + s);
                    for (Object other : t.subList(1, t.size())) {
                        assertTrue(((String) other).startsWith(term + " "), lang + ": " + other + " beside " + term);
                    }
                }
            }
            assertTrue(frequent.size() >= 3, lang + ": the fixture has frequent terms: " + frequent);
            assertEquals(frequent, named, lang + ": terms.alone");
        }
    }

    @Test
    void aTermsLongListAndItsSurfaceKeysLongListsShareATailFile(@TempDir Path dir) throws Exception {
        int shared = 0;
        for (String lang : List.of("ar", "en")) {
            Path out = dir.resolve(lang);
            // tail files of one list each, but for what must share one
            SearchIndexWriter oneListPerTail = SearchIndexWriter.builder(IndexAnalyzer.standard())
                    .hitsPerTerm(3)
                    .longPostings(40)
                    .tailTarget(1)
                    .build();
            SearchIndexWriter.IndexStats st = oneListPerTail.write(out, lang, SearchFixtureCorpus.documents(lang));
            Map<String, Object> terms = obj(json(out.resolve(st.manifestFile())).get("terms"));
            Map<String, String> tailOf = new TreeMap<>();
            for (int s = 0; s < list(terms.get("sep")).size(); s++) {
                Map<String, Object> shard = termShard(out, terms, s);
                for (int k = 0; k < list(shard.get("t")).size(); k++) {
                    Object p = list(shard.get("p")).get(k);
                    if (!(p instanceof String)) {
                        int tail = ((Long) list(p).get(0)).intValue();
                        tailOf.put((String) list(shard.get("t")).get(k), (String)
                                list(shard.get("tails")).get(tail));
                    }
                }
            }
            for (Map.Entry<String, String> e : tailOf.entrySet()) {
                if (SurfaceKey.is(e.getKey())) {
                    String term = e.getKey().substring(0, e.getKey().indexOf(' '));
                    if (tailOf.containsKey(term)) {
                        assertEquals(tailOf.get(term), e.getValue(), e.getKey() + ": the tail file of its term's list");
                        shared++;
                    }
                }
            }
        }
        assertTrue(shared >= 2, "the fixture has terms and surface keys with long lists: " + shared);
    }

    @Test
    void theTailBundlesHoldEveryTailFileWhereTheTermShardsSayAndSplitAtTheFileSizeLimit(@TempDir Path dir)
            throws Exception {
        // tail files of one list each; bundles of at most 300 bytes (the host's file size limit, as for card files)
        SearchIndexWriter small = SearchIndexWriter.builder(IndexAnalyzer.standard())
                .hitsPerTerm(3)
                .longPostings(40)
                .tailTarget(1)
                .cardFileBytes(300)
                .build();
        SearchIndexWriter.IndexStats st = small.write(dir, "en", SearchFixtureCorpus.documents("en"));
        Map<String, Object> terms = obj(json(dir.resolve(st.manifestFile())).get("terms"));
        List<Object> bundles = list(terms.get("tails"));
        assertTrue(bundles.size() >= 2, "the tails fill several bundles: " + bundles.size());
        Map<String, String> placeOf = new TreeMap<>();
        for (int s = 0; s < list(terms.get("sep")).size(); s++) {
            Map<String, Object> shard = termShard(dir, terms, s);
            List<Object> tails = list(shard.get("tails"));
            List<Object> at = list(shard.get("at"));
            assertEquals(tails.size(), at.size(), "term shard " + s + ": a place per tail file");
            for (int i = 0; i < tails.size(); i++) {
                int b = ((Long) list(at.get(i)).get(0)).intValue();
                int start = ((Long) list(at.get(i)).get(1)).intValue();
                byte[] tail = Files.readAllBytes(dir.resolve("l." + tails.get(i) + ".bin"));
                byte[] bundle = Files.readAllBytes(dir.resolve("u." + bundles.get(b) + ".bin"));
                assertTrue(bundle.length <= 300 || bundle.length == tail.length, "bundle " + b + ": within the limit");
                assertTrue(
                        Arrays.equals(tail, Arrays.copyOfRange(bundle, start, start + tail.length)),
                        "tail file " + tails.get(i) + " at " + b + ":" + start);
                placeOf.put((String) tails.get(i), b + ":" + start);
            }
        }
        long tailBytes = 0;
        for (String h : placeOf.keySet()) {
            tailBytes += Files.size(dir.resolve("l." + h + ".bin"));
        }
        long bundleBytes = 0;
        for (Object b : bundles) {
            bundleBytes += Files.size(dir.resolve("u." + b + ".bin"));
        }
        // the lexicon (format 12), too large for the last bundle of tails, is a bundle of its own, the last
        List<Object> lexicon = list(terms.get("lexicon"));
        assertEquals(List.of((long) bundles.size() - 1, 0L), lexicon, "the lexicon's bundle and start");
        assertTrue(placeOf.values().stream().noneMatch(p -> p.startsWith((bundles.size() - 1) + ":")));
        bundleBytes -= Files.size(dir.resolve("u." + bundles.get(bundles.size() - 1) + ".bin"));
        assertTrue(
                bundleBytes >= tailBytes && bundleBytes < tailBytes + 1024L * placeOf.size(),
                "every tail file once, and less than a slot of padding each, over " + placeOf.size() + " tails: "
                        + bundleBytes + " bytes for " + tailBytes);
    }

    @Test
    void eachTailFileStartsASlotSoThatATailAFewBytesLongerMovesNoOther(@TempDir Path dir) throws Exception {
        // tail files of one list each, all in one bundle: a term shard names where each of its tails starts, so
        // a tail that an edit makes a byte longer must not move the later ones (issue 14: a live server's first
        // edit re-encoded half the term shards)
        SearchIndexWriter small = SearchIndexWriter.builder(IndexAnalyzer.standard())
                .hitsPerTerm(3)
                .longPostings(40)
                .tailTarget(1)
                .build();
        SearchIndexWriter.IndexStats st = small.write(dir, "en", SearchFixtureCorpus.documents("en"));
        Map<String, Object> terms = obj(json(dir.resolve(st.manifestFile())).get("terms"));
        assertEquals(1, list(terms.get("tails")).size(), "one tail bundle");
        Map<String, Integer> startOf = new TreeMap<>();
        for (int s = 0; s < list(terms.get("sep")).size(); s++) {
            Map<String, Object> shard = termShard(dir, terms, s);
            List<Object> tails = list(shard.get("tails"));
            for (int i = 0; i < tails.size(); i++) {
                startOf.put(
                        (String) tails.get(i),
                        ((Long) list(list(shard.get("at")).get(i)).get(1)).intValue());
            }
        }
        assertTrue(startOf.size() >= 3, "several tail files: " + startOf.size());
        startOf.forEach((h, start) -> assertEquals(0, start % 1024, "tail file " + h + " at " + start));
    }

    /**
     * Without card chunks (a compact site, whose host serves Range) the shard and tail files are published only in
     * their bundles: the folder lacks them, the chunks too, and every other file but the manifest is the same.
     */
    @Test
    void withoutCardChunksTheShardAndTailFilesAreOnlyInTheirBundles(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full");
        Path compact = dir.resolve("compact");
        SearchIndexWriter.IndexStats withChunks = small(true).write(full, "en", SearchFixtureCorpus.documents("en"));
        SearchIndexWriter.IndexStats without = small(false).write(compact, "en", SearchFixtureCorpus.documents("en"));
        TreeSet<String> expected = new TreeSet<>(names(full));
        assertTrue(expected.stream().anyMatch(n -> n.startsWith("l.")), "the fixture has tail files: " + expected);
        expected.removeIf(n -> n.matches("[tl]\\.[a-z2-7]{8}\\.bin|k\\.[a-z2-7]{8}\\.\\d+\\.bin|manifest\\..*"));
        expected.add(without.manifestFile());
        assertEquals(expected, new TreeSet<>(names(compact)));
        assertEquals(expected, without.fileSizes().keySet(), "counted as published");
        assertEquals(expected.size(), without.files());
        for (String name : expected) {
            if (!name.startsWith("manifest.")) {
                assertTrue(
                        Arrays.equals(
                                Files.readAllBytes(full.resolve(name)), Files.readAllBytes(compact.resolve(name))),
                        name);
            }
        }
        assertTrue(withChunks.files() > without.files());
    }

    private static SearchIndexWriter small(boolean cardChunks) {
        return SearchIndexWriter.builder(IndexAnalyzer.standard())
                .hitsPerTerm(3)
                .longPostings(40)
                .cardChunkBytes(512)
                .cardChunks(cardChunks)
                .build();
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
