package org.arshif.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.arshif.search.SearchDocument;
import org.arshif.search.analysis.SurfaceKey;
import org.arshif.search.index.bench.SearchIndexBench;
import org.arshif.search.index.internal.Blob;
import org.arshif.search.index.internal.Vlq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the written index back with a reader of its own and checks it against the documents. */
class SearchIndexWriterTest {

    static String gunzip(Path p) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(p)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Object> json(Path p) throws IOException {
        return TinyJson.object(TinyJson.parse(gunzip(p)));
    }

    /** The text of the gzip member at bytes {@code start … start + size - 1} of a tail file. */
    static String tailMember(Path file, long start, long size) throws IOException {
        byte[] all = Files.readAllBytes(file);
        byte[] member = Arrays.copyOfRange(all, (int) start, (int) (start + size));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The JSON of term shard {@code s}: a gzip member of its shard file {@code t.<h>.bin}, cut where the
     * manifest's bundle sizes say (format 6).
     */
    static Map<String, Object> termShard(Path dir, Map<String, Object> terms, int s) throws IOException {
        int members = ((Long) terms.get("members")).intValue();
        int[] sizes = Vlq.decode((String) terms.get("sizes"));
        int first = s - s % members;
        long start = 0;
        for (int i = first; i < s; i++) {
            start += sizes[i];
        }
        Path file = dir.resolve("t." + list(terms.get("files")).get(first / members) + ".bin");
        return TinyJson.object(TinyJson.parse(tailMember(file, start, sizes[s])));
    }

    /** The text of each gzip member of a file, in order (a 10-byte header, raw deflate, an 8-byte trailer). */
    static String[] memberTexts(Path file) throws Exception {
        byte[] all = Files.readAllBytes(file);
        List<String> out = new ArrayList<>();
        for (int at = 0; at < all.length; ) {
            java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
            inflater.setInput(all, at + 10, all.length - at - 10);
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!inflater.finished()) {
                text.write(buf, 0, inflater.inflate(buf));
            }
            out.add(text.toString(StandardCharsets.UTF_8));
            at = all.length - inflater.getRemaining() + 8;
            inflater.end();
        }
        return out.toArray(String[]::new);
    }

    static List<Object> list(Object o) {
        return TinyJson.array(o);
    }

    static Map<String, Object> obj(Object o) {
        return TinyJson.object(o);
    }

    /**
     * The lexicon (format 12): at {@code terms.lexicon} = [bundle, start] of the tail bundles, after the last tail at a
     * slot's start and ending its bundle, member i is term shard i's terms without its surface keys, with their
     * document frequencies, or, for a term shard that holds a frequent term alone, that term shard (format 13);
     * {@code terms.lexiconSizes} sizes each member in units of 16 bytes (a member is padded in its gzip header, which
     * any gzip reader skips); in both languages.
     */
    @Test
    void theLexiconHoldsEachTermShardsTermsAndDocumentFrequencies(@TempDir Path dir) throws Exception {
        for (String lang : List.of("ar", "en")) {
            Path out = dir.resolve(lang);
            SearchIndexWriter.IndexStats st =
                    SearchFixtureCorpus.fixtureWriter().write(out, lang, SearchFixtureCorpus.documents(lang));
            Map<String, Object> terms = obj(json(out.resolve(st.manifestFile())).get("terms"));
            List<Object> place = list(terms.get("lexicon"));
            Object bundle = list(terms.get("tails")).get(((Long) place.get(0)).intValue());
            byte[] all = Files.readAllBytes(out.resolve("u." + bundle + ".bin"));
            int start = ((Long) place.get(1)).intValue();
            assertEquals(0, start % 1024, lang + ": the lexicon starts a slot");
            int[] sizes = Vlq.decode((String) terms.get("lexiconSizes"));
            String[] pieces = new String[sizes.length];
            int at = start;
            for (int i = 0; i < sizes.length; i++) {
                int n = sizes[i] * 16;
                try (java.util.zip.GZIPInputStream in =
                        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(all, at, n))) {
                    pieces[i] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                at += n;
            }
            assertEquals(all.length, at, lang + ": the lexicon ends its bundle");
            assertEquals(list(terms.get("sep")).size(), pieces.length, lang + ": a member per term shard");
            java.util.Set<Integer> alone = new java.util.TreeSet<>();
            int sum = 0;
            for (int gap : Vlq.decode((String) terms.get("alone"))) {
                alone.add(sum += gap);
            }
            int words = 0;
            for (int s = 0; s < pieces.length; s++) {
                Map<String, Object> shard = termShard(out, terms, s);
                if (alone.contains(s)) {
                    // a frequent term's shard: its member is the term shard itself (format 13)
                    assertEquals(shard, obj(TinyJson.parse(pieces[s])), lang + " term shard " + s);
                    continue;
                }
                List<Object> expectedTerms = new ArrayList<>();
                List<Object> expectedDf = new ArrayList<>();
                for (int k = 0; k < list(shard.get("t")).size(); k++) {
                    String term = (String) list(shard.get("t")).get(k);
                    if (!SurfaceKey.is(term)) {
                        expectedTerms.add(term);
                        expectedDf.add(list(shard.get("n")).get(k));
                    }
                }
                Map<String, Object> piece = obj(TinyJson.parse(pieces[s]));
                assertEquals(expectedTerms, list(piece.get("t")), lang + " term shard " + s);
                assertEquals(expectedDf, list(piece.get("n")), lang + " term shard " + s);
                words += expectedTerms.size();
            }
            assertTrue(words > 100, lang + ": " + words + " terms");
            assertTrue(!lang.equals("ar") || !alone.isEmpty(), "the Arabic fixture has frequent terms' shards");
        }
    }

    @Test
    void roundTripPostingsPositionsCardsAndTags(@TempDir Path dir) throws Exception {
        List<SearchDocument> input = SearchFixtureCorpus.documents("en");
        SearchIndexWriter.IndexStats st = SearchFixtureCorpus.fixtureWriter().write(dir, "en", input);
        Map<String, Object> m = json(dir.resolve(st.manifestFile()));
        assertEquals("arshif-search", m.get("format"));
        assertEquals(14L, m.get("version"));
        int bits = ((Long) m.get("levelBits")).intValue();

        // the expected index, from the analyzer directly: documents oldest first, then by url
        List<SearchDocument> docs = new ArrayList<>(input);
        docs.sort(Comparator.comparing(SearchDocument::date).thenComparing(SearchDocument::url));
        IndexAnalyzer analyzer = IndexAnalyzer.standard();
        TreeMap<String, List<Integer>> expected = new TreeMap<>();
        TreeMap<String, Integer> occurrences = new TreeMap<>();
        for (int d = 0; d < docs.size(); d++) {
            Set<String> seen = new HashSet<>();
            for (String text : List.of(docs.get(d).title(), docs.get(d).body())) {
                for (IndexAnalyzer.Token t : analyzer.tokens(text)) {
                    occurrences.merge(t.term() + "\u0000" + d, 1, Integer::sum);
                    if (seen.add(t.term())) {
                        expected.computeIfAbsent(t.term(), k -> new ArrayList<>())
                                .add(d);
                    }
                }
            }
        }

        Map<String, Object> termsInfo = obj(m.get("terms"));
        List<Object> sep = list(termsInfo.get("sep"));
        List<Object> packs = list(termsInfo.get("positions"));
        int pack = ((Long) termsInfo.get("pack")).intValue();
        TreeMap<String, List<Integer>> actual = new TreeMap<>();
        TreeMap<String, List<Integer>> surfaces = new TreeMap<>();
        List<String> flagged = new ArrayList<>();
        Map<String, List<Integer>> best = new TreeMap<>();
        List<String> keyLists = new ArrayList<>();
        String previousLast = null;
        for (int s = 0; s < sep.size(); s++) {
            Map<String, Object> shard = termShard(dir, termsInfo, s);
            List<Object> terms = list(shard.get("t"));
            String first = (String) terms.get(0);
            assertTrue(((String) sep.get(s)).compareTo(first) <= 0, "separator <= first term");
            if (previousLast != null) {
                assertTrue(((String) sep.get(s)).compareTo(previousLast) > 0, "separator > previous shard");
            }
            previousLast = (String) terms.get(terms.size() - 1);
            List<Object> positions = list(list(json(dir.resolve("x." + packs.get(s / pack) + ".json.gz"))
                            .get("x"))
                    .get(s % pack));
            for (int k = 0; k < terms.size(); k++) {
                String term = (String) terms.get(k);
                Object p = list(shard.get("p")).get(k);
                String enc;
                String pos;
                if (!(p instanceof String)) {
                    // [tail, k, start, bytes]: the k-th list of the tail file, one gzip member of it
                    List<Object> ref = list(p);
                    if (ref.size() == 5) {
                        keyLists.add(term);
                    }
                    String h = (String) list(shard.get("tails")).get(((Long) ref.get(0)).intValue());
                    enc = tailMember(dir.resolve("l." + h + ".bin"), (Long) ref.get(2), (Long) ref.get(3));
                    // format 11: the tail's positions file is the manifest's, at the tail's number in "at"
                    int g = ((Long) list(list(shard.get("at")).get(((Long) ref.get(0)).intValue()))
                                    .get(2))
                            .intValue();
                    String y = (String) list(termsInfo.get("y")).get(g);
                    pos = (String) list(json(dir.resolve("y." + y + ".json.gz")).get("x"))
                            .get(((Long) ref.get(1)).intValue());
                    String bestEnc = (String) list(shard.get("h")).get(k);
                    assertTrue(!bestEnc.isEmpty(), "a long list keeps its best postings");
                    int[] pairs = Vlq.decode(bestEnc);
                    List<Integer> bestIds = new ArrayList<>();
                    for (int i = 0; i < pairs.length; i += 2) {
                        bestIds.add(pairs[i]);
                    }
                    best.put(term, bestIds);
                } else {
                    enc = (String) p;
                    pos = (String) positions.get(k);
                }
                List<Integer> ids = new ArrayList<>();
                if (enc.startsWith("~")) {
                    // format 7: a long surface key as flags over its term's postings (the term comes first)
                    List<Integer> ofTerm = actual.get(term.substring(0, term.indexOf(SurfaceKey.SEPARATOR)));
                    for (int j = 0; j < ofTerm.size(); j++) {
                        if (("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                                                        .indexOf(enc.charAt(1 + j / 6))
                                                >> (j % 6)
                                        & 1)
                                == 1) {
                            ids.add(ofTerm.get(j));
                        }
                    }
                    flagged.add(term);
                    enc = "";
                }
                int d = 0;
                for (int v : Vlq.decode(enc)) {
                    d += v >>> bits;
                    ids.add(d);
                    int impact = (v & ((1 << bits) - 1)) + 1;
                    assertTrue(impact >= 1 && impact <= 1 << bits);
                }
                assertEquals(((Long) list(shard.get("n")).get(k)).intValue(), ids.size(), term);
                if (SurfaceKey.is(term)) {
                    surfaces.put(term, ids);
                    assertEquals("", pos, "a surface key has no positions");
                    continue;
                }
                actual.put(term, ids);
                int[] pv = Vlq.decode(pos);
                int i = 0;
                for (int id : ids) {
                    int count = pv[i];
                    assertEquals(occurrences.get(term + "\u0000" + id), count, "positions of " + term + " in " + id);
                    i += 1 + count;
                }
                assertEquals(pv.length, i);
            }
        }
        assertEquals(expected, actual);
        // a surface key holds some, not all, of its term's documents (a form in all of them is dropped)
        assertTrue(surfaces.containsKey("transit transition"), surfaces.keySet().toString());
        assertEquals(
                List.of("have have"), flagged, "a long surface key beside its term's long list is flags (format 7)");
        // every surface key of a term with a long list is in its tail file, however short its own list; one that is
        // there only for its term's sake is marked, keeps its postings, and its best postings in the shard are what
        // a one-word query's first page needs: its documents among the term's best, then its own best others (here
        // fewer than hitsPerTerm: all of them)
        assertEquals(List.of("have having"), keyLists);
        List<Integer> having = surfaces.get("have having");
        assertTrue(having.size() < 10, having.toString());
        assertEquals(new TreeSet<>(having), new TreeSet<>(best.get("have having")));
        surfaces.forEach((key, ids) -> {
            List<Integer> ofTerm = expected.get(key.substring(0, key.indexOf(SurfaceKey.SEPARATOR)));
            assertTrue(ofTerm.containsAll(ids) && ids.size() < ofTerm.size(), key);
        });

        // cards: fixed-size slots, raw deflate after the manifest's dictionary
        Map<String, Object> cards = obj(m.get("cards"));
        int perFile = ((Long) cards.get("size")).intValue();
        byte[] dict = ((String) cards.get("dict")).getBytes(StandardCharsets.UTF_8);
        for (int d = 0; d < docs.size(); d++) {
            List<Object> f = list(list(cards.get("files")).get(d / perFile));
            int slot = ((Long) f.get(1)).intValue();
            byte[] bin = Files.readAllBytes(dir.resolve("k." + f.get(0) + ".bin"));
            int at = (d % perFile) * slot;
            int len = ((bin[at] & 0xff) << 8) | (bin[at + 1] & 0xff);
            Inflater inf = new Inflater(true);
            inf.setDictionary(dict); // raw deflate carries no dictionary id: set before inflating
            inf.setInput(bin, at + 2, len);
            byte[] out = new byte[64 * 1024];
            int n = inf.inflate(out);
            inf.end();
            List<Object> card = list(TinyJson.parse(new String(out, 0, n, StandardCharsets.UTF_8)));
            assertEquals(docs.get(d).url(), card.get(0));
            assertEquals(docs.get(d).title(), card.get(1));
            assertEquals(docs.get(d).date(), card.get(2));
            assertEquals(docs.get(d).dateLabel(), card.get(3));
            List<Object> tagIds = list(card.get(4));
            List<Object> tagTable = list(m.get("tags"));
            Set<String> keys = new TreeSet<>();
            for (Object t : tagIds) {
                keys.add((String) list(tagTable.get(((Long) t).intValue())).get(0));
            }
            Set<String> want = new TreeSet<>();
            docs.get(d).tags().forEach(t -> want.add(t.key()));
            assertEquals(want, keys);
        }
    }

    @Test
    void fileNamesAreContentHashesAndTheManifestNamesEveryFile(@TempDir Path dir) throws Exception {
        SearchIndexWriter.IndexStats st =
                SearchFixtureCorpus.fixtureWriter().write(dir, "ar", SearchFixtureCorpus.documents("ar"));
        String manifestJson = gunzip(dir.resolve(st.manifestFile()));
        assertEquals("manifest." + Blob.hash(manifestJson) + ".json.gz", st.manifestFile());
        Set<String> onDisk = new TreeSet<>();
        long bytes = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                onDisk.add(p.getFileName().toString());
                bytes += Files.size(p);
            }
        }
        assertEquals(st.files(), onDisk.size());
        assertEquals(st.bytes(), bytes);
        // what names files: the manifest, and the term shards (their long lists' tail files)
        StringBuilder named = new StringBuilder(manifestJson);
        for (String f : onDisk) {
            if (f.startsWith("t.")) {
                named.append(gunzip(dir.resolve(f)));
            }
        }
        for (String f : onDisk) {
            String h = f.split("\\.")[1];
            assertTrue(named.indexOf("\"" + h + "\"") >= 0 || f.startsWith("manifest."), f + " is named nowhere");
            if (f.startsWith("t.")) {
                assertEquals(h, Blob.hash(memberTexts(dir.resolve(f))), f);
            } else if (f.startsWith("a.")) {
                assertEquals(h, Blob.hash(gunzip(dir.resolve(f))), f);
            } else if (f.startsWith("x.") || f.startsWith("y.")) {
                // positions files: the hash of their bytes (format 11)
                assertEquals(h, Blob.hash(gunzip(dir.resolve(f)).getBytes(StandardCharsets.UTF_8)), f);
            } else if ((f.startsWith("k.") || f.startsWith("s.")) && f.split("\\.").length == 3) {
                assertEquals(h, Blob.hash(Files.readAllBytes(dir.resolve(f))), f);
            } else if (f.startsWith("l.")) {
                assertEquals(h, Blob.hash(Files.readAllBytes(dir.resolve(f))), f);
            }
        }
    }

    @Test
    void aCardFileOfSeveralChunksIsAlsoWrittenInSlicesNamedByItsHash(@TempDir Path dir) throws Exception {
        SearchIndexWriter.IndexStats st =
                SearchFixtureCorpus.fixtureWriter().write(dir, "en", SearchFixtureCorpus.documents("en"));
        Map<String, Object> cards = obj(json(dir.resolve(st.manifestFile())).get("cards"));
        int perChunk = ((Long) cards.get("chunk")).intValue();
        int sliced = 0;
        for (Object ref : list(cards.get("files"))) {
            String h = (String) list(ref).get(0);
            int chunkBytes = perChunk * ((Long) list(ref).get(1)).intValue();
            assertTrue(chunkBytes <= 1024, "the fixture's chunks hold at most 1 KiB: " + chunkBytes);
            byte[] whole = Files.readAllBytes(dir.resolve("k." + h + ".bin"));
            int chunks = (whole.length + chunkBytes - 1) / chunkBytes;
            for (int c = 0; c < chunks; c++) {
                Path chunk = dir.resolve("k." + h + "." + c + ".bin");
                if (chunks == 1) {
                    assertTrue(Files.notExists(chunk), "a file of one chunk is its own chunk: " + chunk);
                } else {
                    byte[] want =
                            Arrays.copyOfRange(whole, c * chunkBytes, Math.min(whole.length, (c + 1) * chunkBytes));
                    assertTrue(Arrays.equals(want, Files.readAllBytes(chunk)), chunk + " is a slice");
                    sliced++;
                }
            }
            assertTrue(Files.notExists(dir.resolve("k." + h + "." + chunks + ".bin")), "no chunk past the end");
        }
        assertTrue(sliced >= 4, "the fixture has card files of several chunks: " + sliced);
    }

    @Test
    void budgetsAtSmallScale(@TempDir Path dir) throws Exception {
        List<SearchDocument> docs = SearchIndexBench.corpus(2000, "ar", 7);
        SearchIndexWriter.IndexStats st = SearchIndexWriter.standard().write(dir, "ar", docs);
        assertEquals(2000, st.docs());
        // card chunks are fetched only from servers that ignore Range: they are counted apart
        List<Path> chunks = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                assertTrue(Files.size(p) < 24L << 20, p + " is larger than a static host takes");
                if (p.getFileName().toString().matches("k\\.[a-z2-7]{8}\\.\\d+\\.bin")) {
                    chunks.add(p);
                    assertTrue(Files.size(p) <= 32 << 10, p + " is a chunk larger than 32 KiB");
                }
            }
        }
        int rangeFiles = st.files() - chunks.size();
        assertTrue(rangeFiles * 1000.0 / st.docs() < 40, "files per 1000 documents: " + rangeFiles);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path shard :
                    s.filter(p -> p.getFileName().toString().startsWith("t.")).toList()) {
                // The writer bounds a shard file's estimated size (ShardLayout.MAX_TARGET_FACTOR: "about 15 KB
                // gzip'd"), not its bytes: here they are 12-16.5 KB, as compressible as their terms are.
                assertTrue(Files.size(shard) <= 17 << 10, shard + ": " + Files.size(shard) + " bytes");
            }
        }
        assertTrue(chunks.size() * 1000.0 / st.docs() < 10, "chunks per 1000 documents: " + chunks.size());
    }

    /**
     * Long texts: the file budget would size the term shards from the few files left to them (a 10,000-dispatch
     * archive of long English dispatches got 11 shards of ~195 KB, and every query fetched one); a shard stays
     * small, and such an archive has more files.
     */
    @Test
    void termShardsStaySmallWhenLongTextsLeaveTheFileBudgetFewFiles(@TempDir Path dir) throws Exception {
        List<SearchDocument> brief = SearchIndexBench.corpus(2400, "en", 7);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i + 6 <= brief.size(); i += 6) {
            StringBuilder body = new StringBuilder();
            brief.subList(i, i + 6).forEach(d -> body.append(d.body()).append("\n\n"));
            SearchDocument first = brief.get(i);
            docs.add(new SearchDocument(
                    first.url(), first.title(), first.date(), first.dateLabel(), first.tags(), body.toString(), "en"));
        }
        SearchIndexWriter.IndexStats st = SearchIndexWriter.standard().write(dir, "en", docs);
        List<Path> shards;
        try (Stream<Path> s = Files.list(dir)) {
            shards = s.filter(p -> p.getFileName().toString().startsWith("t.")).toList();
        }
        for (Path shard : shards) {
            assertTrue(Files.size(shard) <= 16 << 10, shard + ": " + Files.size(shard) + " bytes, of " + st.files());
        }
    }

    @Test
    void rejectsBadInput(@TempDir Path dir) {
        SearchIndexWriter w = SearchFixtureCorpus.fixtureWriter();
        SearchDocument ok = new SearchDocument("/en/a/", "A", "2017-01-02", "Jan 2", List.of(), "text", "en");
        assertThrows(
                IllegalArgumentException.class,
                () -> w.write(
                        dir, "en", List.of(new SearchDocument("/en/b/", "B", "2017-1-2", "x", List.of(), "t", "en"))));
        assertThrows(IllegalArgumentException.class, () -> w.write(dir, "en", List.of(ok, ok)));
        assertThrows(IllegalArgumentException.class, () -> w.write(dir, "ar", List.of(ok)));
    }

    @Test
    void emptyArchiveStillHasAValidIndex(@TempDir Path dir) throws Exception {
        SearchIndexWriter.IndexStats st = SearchFixtureCorpus.fixtureWriter().write(dir, "en", List.of());
        Map<String, Object> m = json(dir.resolve(st.manifestFile()));
        assertEquals(0L, m.get("docs"));
    }
}
