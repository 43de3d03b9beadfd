package org.arshif.search.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.Deflater;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.AnalysisCache;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.search.index.SearchIndexWriter.IndexStats;
import org.arshif.search.index.SearchIndexWriter.Options;

/** One run of the index writer for one language. Not thread-safe; used once. */
public final class IndexBuild {
    public static final int FORMAT_VERSION = 1;
    static final double K1 = 1.2;
    static final double B_TITLE = 0.5;
    static final double B_BODY = 0.75;
    /**
     * A posting's impact is its BM25F term-frequency part, {@code w(k1+1)/(w+k1)} in (0, k1+1), quantized to
     * 1..LEVELS; the client multiplies it by the term's idf. In postings it shares one number with the id gap:
     * {@code gap << LEVEL_BITS | (impact - 1)}.
     */
    static final int LEVEL_BITS = 3;
    static final int LEVELS = 1 << LEVEL_BITS;
    static final int WINDOW_BEFORE = 60;
    static final int WINDOW_AFTER = 160;
    static final int LEAD = 140;
    /** Term shards whose positions share one file. */
    static final int POSITION_PACK = 8;
    /** Documents per attribute (tag ids) file. */
    static final int ATTR_SHARD = 32_768;
    /** Precomputed facets keep this many tags (the most frequent in the term's documents). */
    static final int FACET_TAGS = 12;
    /**
     * Gzip levels: 6 for what queries fetch (level 9 saves 0.3% at three times the time), 4 for the big, rarely
     * fetched long lists (2.5% bigger, three times faster than 6).
     */
    static final int LEVEL = 6;
    static final int RARE_LEVEL = 4;
    /** Positions: fetched for phrases only; level 1 is 5% bigger and twice as fast as 4. */
    static final int POSITIONS_LEVEL = 1;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final Options opt;
    private final Path dir;
    private final String lang;
    private final List<SearchDocument> input;
    private final AnalysisCache analyses;
    private final SearchIndexWriter.Existing existing;

    private List<Doc> docs;
    private List<String> tagKeys;
    private TreeMap<String, String> tagNames;
    private int[][] docTags;
    private int[] docYear;
    /** index of the document's year in the manifest's "years" (newest first). */
    private int[] docYearIndex;
    private int[] titleLen;
    private int[] bodyLen;
    private double avgTitle;
    private double avgBody;
    private String[] terms;
    private Postings[] postings;
    private String[] leads;
    private int files;
    private long bytes;

    public IndexBuild(Options opt, Path dir, String lang, List<SearchDocument> input) {
        this(opt, dir, lang, input, null, null);
    }

    /**
     * @param analyses analyses of earlier builds, or null
     * @param existing files already in place from an earlier build (names carry content hashes), or null
     */
    public IndexBuild(Options opt, Path dir, String lang, List<SearchDocument> input, AnalysisCache analyses,
                      SearchIndexWriter.Existing existing) {
        this.opt = opt;
        this.dir = dir;
        this.lang = lang;
        this.input = input;
        this.analyses = analyses;
        this.existing = existing;
    }

    /**
     * A document with NFC text, in index order (oldest first). The body is not kept: it is asked of the input
     * again, by {@code source}, when it is analyzed, so a large archive's text is never all in memory at once.
     */
    record Doc(String url, String title, String date, String dateLabel, List<SearchDocument.SearchTag> tags,
               int source) {
    }

    private String body(Doc d) {
        return nfc(input.get(d.source()).body());
    }

    public IndexStats run() throws IOException {
        Files.createDirectories(dir);
        prepareDocs();
        ExecutorService pool = Executors.newFixedThreadPool(opt.threads(), r -> {
            Thread t = new Thread(r, "arshif-search-index");
            t.setDaemon(true);
            return t;
        });
        try {
            invert(pool);
            return writeAll(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- documents

    private void prepareDocs() {
        int n = input.size();
        Doc[] prepared = new Doc[n];
        String[] leadOf = new String[n];
        IntStream.range(0, n).parallel().forEach(source -> {
            SearchDocument d = input.get(source);
            if (d.url() == null || d.url().isEmpty()) {
                throw new IllegalArgumentException("search document without url: " + d.title());
            }
            if (d.date() == null || !DATE.matcher(d.date()).matches()) {
                throw new IllegalArgumentException("search document " + d.url() + ": date must be yyyy-MM-dd, was "
                        + d.date());
            }
            if (d.lang() != null && !d.lang().equals(lang)) {
                throw new IllegalArgumentException("search document " + d.url() + " is in " + d.lang()
                        + ", not in " + lang);
            }
            List<SearchDocument.SearchTag> tags = new ArrayList<>();
            for (SearchDocument.SearchTag t : d.tags()) {
                tags.add(new SearchDocument.SearchTag(t.key(), nfc(t.name())));
            }
            tags.sort(Comparator.comparing(SearchDocument.SearchTag::key));
            prepared[source] = new Doc(d.url(), nfc(d.title()), d.date(), nfc(d.dateLabel()), List.copyOf(tags),
                    source);
            leadOf[source] = lead(d.body());
        });
        List<Doc> list = new ArrayList<>(Arrays.asList(prepared));
        // oldest first: a new dispatch gets the next id, so older card and attribute files keep their bytes
        list.sort(Comparator.comparing(Doc::date).thenComparing(Doc::url));
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).url().equals(list.get(i - 1).url())) {
                throw new IllegalArgumentException("two search documents with url " + list.get(i).url());
            }
        }
        docs = list;

        TreeMap<String, String> tagNames = new TreeMap<>();
        for (Doc d : docs) {
            for (SearchDocument.SearchTag t : d.tags()) {
                tagNames.putIfAbsent(t.key(), t.name());
            }
        }
        tagKeys = new ArrayList<>(tagNames.keySet());
        Map<String, Integer> tagId = new HashMap<>();
        for (int i = 0; i < tagKeys.size(); i++) {
            tagId.put(tagKeys.get(i), i);
        }
        this.tagNames = tagNames;
        docTags = new int[docs.size()][];
        docYear = new int[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            docTags[i] = d.tags().stream().mapToInt(t -> tagId.get(t.key())).distinct().sorted().toArray();
            docYear[i] = Integer.parseInt(d.date().substring(0, 4));
        }
        leads = new String[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            leads[i] = leadOf[docs.get(i).source()];
        }
        docYearIndex = new int[docs.size()];
        for (int i = 1; i < docs.size(); i++) {
            docYearIndex[i] = docYearIndex[i - 1] + (docYear[i] != docYear[i - 1] ? 1 : 0);
        }
    }

    /** The lead of a body: only its beginning is normalized, with room for the words that end the lead. */
    private static String lead(String body) {
        String head = body.length() > LEAD + 64 ? body.substring(0, LEAD + 64) : body;
        return window(nfc(head), -1);
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    // ---------------------------------------------------------------- inversion

    private void invert(ExecutorService pool) {
        int n = docs.size();
        titleLen = new int[n];
        bodyLen = new int[n];
        // analysis in parallel, a batch at a time; then each worker inverts the terms of its hash partition
        int parts = opt.threads();
        List<HashMap<String, Postings>> maps = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            maps.add(new HashMap<>());
        }
        final int batch = 2048;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            DocTerms[] analyzed = new DocTerms[to - from];
            List<Future<?>> fs = new ArrayList<>();
            int chunk = Math.max(1, (to - from + parts * 4 - 1) / (parts * 4));
            for (int c = from; c < to; c += chunk) {
                final int c0 = c;
                final int c1 = Math.min(to, c + chunk);
                final int base = from;
                fs.add(pool.submit(() -> {
                    for (int i = c0; i < c1; i++) {
                        Doc doc = docs.get(i);
                        String body = body(doc);
                        analyzed[i - base] = analyses == null ? DocTerms.analyze(opt.analyzer(), doc.title(), body)
                                : analyses.analyze(opt.analyzer(), lang, doc.title(), body);
                    }
                }));
            }
            fs.forEach(IndexBuild::get);
            fs.clear();
            for (int p = 0; p < parts; p++) {
                final int part = p;
                final int base = from;
                fs.add(pool.submit(() -> {
                    HashMap<String, Postings> map = maps.get(part);
                    for (int i = 0; i < analyzed.length; i++) {
                        DocTerms dt = analyzed[i];
                        for (int j = 0; j < dt.terms().length; j++) {
                            String term = dt.terms()[j];
                            if ((term.hashCode() & 0x7fffffff) % parts == part) {
                                map.computeIfAbsent(term, k -> new Postings())
                                        .add(base + i, dt.titleTf()[j], dt.bodyTf()[j], dt.positions()[j]);
                            }
                        }
                    }
                }));
            }
            fs.forEach(IndexBuild::get);
            for (int i = from; i < to; i++) {
                titleLen[i] = analyzed[i - from].titleLength();
                bodyLen[i] = analyzed[i - from].bodyLength();
            }
        }
        HashMap<String, Postings> map = new HashMap<>();
        maps.forEach(map::putAll);
        long st = 0;
        long sb = 0;
        for (int i = 0; i < n; i++) {
            st += titleLen[i];
            sb += bodyLen[i];
        }
        avgTitle = n == 0 ? 1 : Math.max(1.0, (double) st / n);
        avgBody = n == 0 ? 1 : Math.max(1.0, (double) sb / n);
        terms = map.keySet().toArray(new String[0]);
        Arrays.sort(terms);
        postings = new Postings[terms.length];
        for (int i = 0; i < terms.length; i++) {
            postings[i] = map.get(terms[i]);
        }
    }

    private static <R> R get(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search index build interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(c);
        }
    }

    // ---------------------------------------------------------------- scoring

    private int impact(int termIndex, int j) {
        Postings p = postings[termIndex];
        int d = p.doc(j);
        int packed = p.tf(j);
        int tfT = packed >>> 16;
        int tfB = packed & 0xffff;
        double t = tfT / (1 - B_TITLE + B_TITLE * titleLen[d] / avgTitle);
        double b = tfB / (1 - B_BODY + B_BODY * bodyLen[d] / avgBody);
        double w = opt.titleBoost() * t + b;
        double sat = w * (K1 + 1) / (w + K1);
        return (int) Math.max(1, Math.min(LEVELS, Math.round(sat / (K1 + 1) * LEVELS)));
    }

    // ---------------------------------------------------------------- layout

    private boolean isLong(int t) {
        return 4L * postings[t].df() > opt.longPostings();
    }

    private long estimate(int t) {
        int df = postings[t].df();
        long e = terms[t].length() + 12;
        if (!isLong(t)) {
            e += 3L * df;
        }
        if (isLong(t)) {
            e += opt.hitsPerTerm() * 7L;
        }
        if (df > opt.hitsPerTerm()) {
            e += 40;
        }
        return e;
    }

    private IndexStats writeAll(ExecutorService pool) throws IOException {
        // tails: long postings lists, grouped in dictionary order
        List<int[]> tails = new ArrayList<>();
        int[] tailOf = new int[terms.length];
        Arrays.fill(tailOf, -1);
        List<Integer> group = new ArrayList<>();
        long acc = 0;
        for (int t = 0; t < terms.length; t++) {
            if (!isLong(t)) {
                continue;
            }
            group.add(t);
            tailOf[t] = tails.size();
            acc += 4L * postings[t].df();
            if (acc >= opt.tailTarget()) {
                tails.add(group.stream().mapToInt(Integer::intValue).toArray());
                group.clear();
                acc = 0;
            }
        }
        if (!group.isEmpty()) {
            tails.add(group.stream().mapToInt(Integer::intValue).toArray());
        }

        // cards: one slot size for all, as many documents per file as fit the file size limit
        CardSlots cards = packCards(pool);
        int perCardFile = (int) Math.max(1, Math.min(Integer.MAX_VALUE, opt.cardFileBytes() / cards.slot()));
        int cardFiles = (docs.size() + perCardFile - 1) / perCardFile;
        int attrFiles = (docs.size() + ATTR_SHARD - 1) / ATTR_SHARD;

        // term shards: consecutive ranges of the sorted dictionary, as small as the file budget allows
        long total = 0;
        for (int t = 0; t < terms.length; t++) {
            total += estimate(t);
        }
        long budget = (long) docs.size() * opt.filesPer1000Docs() / 1000 - 2L * tails.size() - cardFiles
                - attrFiles - 1;
        long shardBudget = budget * POSITION_PACK / (POSITION_PACK + 1);
        long target = Math.max(opt.shardTarget(), shardBudget > 0 ? total / shardBudget + 1 : opt.shardTarget());
        List<int[]> shards = new ArrayList<>();
        int from = 0;
        acc = 0;
        for (int t = 0; t < terms.length; t++) {
            acc += estimate(t);
            if (acc >= target) {
                shards.add(new int[] {from, t + 1});
                from = t + 1;
                acc = 0;
            }
        }
        if (from < terms.length || shards.isEmpty()) {
            shards.add(new int[] {from, terms.length});
        }

        // tails first: a term shard names the tail files of its long lists (so the manifest need not)
        List<Future<String>> tailFutures = new ArrayList<>();
        for (int[] g : tails) {
            tailFutures.add(pool.submit(() -> writeTail(g)));
        }
        List<String> tailHashes = collect(tailFutures);
        List<Future<String>> shardNames = new ArrayList<>();
        for (int[] s : shards) {
            shardNames.add(pool.submit(() -> writeTermShard(s[0], s[1], tailOf, tailHashes)));
        }
        List<Future<String>> packNames = new ArrayList<>();
        for (int i = 0; i < shards.size(); i += POSITION_PACK) {
            List<int[]> pack = shards.subList(i, Math.min(shards.size(), i + POSITION_PACK));
            packNames.add(pool.submit(() -> writePositionPack(pack, tailOf)));
        }
        List<Future<String>> cardNames = new ArrayList<>();
        int c = perCardFile;
        for (int start = 0; start < docs.size(); start += c) {
            final int s0 = start;
            cardNames.add(pool.submit(() -> writeCardSlots(cards, s0, Math.min(docs.size(), s0 + c))));
        }
        List<Future<String>> attrNames = new ArrayList<>();
        for (int start = 0; start < docs.size(); start += ATTR_SHARD) {
            final int s0 = start;
            attrNames.add(pool.submit(() -> writeAttrs(s0, Math.min(docs.size(), s0 + ATTR_SHARD))));
        }

        Json m = new Json(4096);
        m.ch('{').key("format").str("arshif-search").ch(',').key("version").num(FORMAT_VERSION);
        m.ch(',').key("lang").str(lang).ch(',').key("docs").num(docs.size());
        m.ch(',').key("levelBits").num(LEVEL_BITS).ch(',').key("hits").num(opt.hitsPerTerm());
        m.ch(',').key("analysis").raw(opt.analyzer().clientDataJson());
        m.ch(',').key("tags").ch('[');
        int[] tagCount = new int[tagKeys.size()];
        for (int[] ts : docTags) {
            for (int t : ts) {
                tagCount[t]++;
            }
        }
        for (int i = 0; i < tagKeys.size(); i++) {
            if (i > 0) {
                m.ch(',');
            }
            m.ch('[').str(tagKeys.get(i)).ch(',').str(tagNames.get(tagKeys.get(i))).ch(',').num(tagCount[i])
                    .ch(']');
        }
        m.ch(']').ch(',').key("years").ch('[');
        for (int i = 0; i < docs.size(); ) {
            int j = i;
            while (j < docs.size() && docYear[j] == docYear[i]) {
                j++;
            }
            if (i > 0) {
                m.ch(',');
            }
            m.ch('[').num(docYear[i]).ch(',').num(i).ch(',').num(j - i).ch(']');
            i = j;
        }
        m.ch(']').ch(',').key("terms").ch('{').key("sep").ch('[');
        for (int i = 0; i < shards.size(); i++) {
            if (i > 0) {
                m.ch(',');
            }
            m.str(i == 0 ? "" : separator(terms[shards.get(i - 1)[1] - 1], terms[shards.get(i)[0]]));
        }
        m.ch(']').ch(',').key("files").strings(collect(shardNames));
        m.ch(',').key("pack").num(POSITION_PACK).ch(',').key("positions").strings(collect(packNames)).ch('}');
        m.ch(',').key("cards").ch('{').key("size").num(c).ch(',').key("files").ch('[');
        List<String> cn = collect(cardNames);
        for (int i = 0; i < cn.size(); i++) {
            m.raw(i > 0 ? "," : "").raw(cn.get(i));
        }
        m.ch(']').ch('}');
        m.ch(',').key("attrs").ch('{').key("size").num(ATTR_SHARD).ch(',').key("files")
                .strings(collect(attrNames)).ch('}').ch('}');
        String manifestJson = m.toString();
        String manifestHash = Blob.hash(manifestJson);
        String manifestName = "manifest." + manifestHash + ".json.gz";
        put(manifestName, manifestJson);
        return new IndexStats(manifestName, files, bytes, terms.length, docs.size());
    }

    private static List<String> collect(List<Future<String>> fs) {
        List<String> out = new ArrayList<>(fs.size());
        for (Future<String> f : fs) {
            out.add(get(f));
        }
        return out;
    }

    /** The shortest prefix of {@code next} that sorts after {@code prev} (never splitting a surrogate pair). */
    static String separator(String prev, String next) {
        int l = 0;
        while (l < prev.length() && l < next.length() && prev.charAt(l) == next.charAt(l)) {
            l++;
        }
        int end = Math.min(next.length(), l + 1);
        if (end < next.length() && Character.isHighSurrogate(next.charAt(end - 1))) {
            end++;
        }
        return next.substring(0, end);
    }

    private synchronized void count(long size) {
        files++;
        bytes += size;
    }

    /** Whether the file is in place already from an earlier build (then it is only counted). */
    private boolean kept(String name) {
        long size = existing == null ? -1 : existing.keep(name);
        if (size < 0) {
            return false;
        }
        count(size);
        return true;
    }

    private void putRaw(String name, byte[] data) {
        if (kept(name)) {
            return;
        }
        try {
            Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write search index file " + dir.resolve(name), e);
        }
        count(data.length);
    }

    private void put(String name, String json) {
        put(name, json, LEVEL);
    }

    private void put(String name, String json, int level) {
        if (kept(name)) {
            return;
        }
        byte[] gz = Blob.gzip(json.getBytes(StandardCharsets.UTF_8), level);
        try {
            Files.write(dir.resolve(name), gz);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write search index file " + dir.resolve(name), e);
        }
        count(gz.length);
    }

    // ---------------------------------------------------------------- files

    /** Term shard {@code t.<h>.json.gz}; returns {@code h}. */
    private String writeTermShard(int from, int to, int[] tailOf, List<String> tailHashes) {
        int k = opt.hitsPerTerm();
        Json j = new Json(opt.shardTarget() + 1024);
        j.ch('{').key("t").strings(Arrays.asList(terms).subList(from, to));
        j.ch(',').key("n").ch('[');
        for (int t = from; t < to; t++) {
            if (t > from) {
                j.ch(',');
            }
            j.num(postings[t].df());
        }
        j.ch(']').ch(',').key("p").ch('[');
        List<String> shardTails = new ArrayList<>();
        for (int t = from; t < to; t++) {
            if (t > from) {
                j.ch(',');
            }
            if (tailOf[t] >= 0) {
                String h = tailHashes.get(tailOf[t]);
                if (!shardTails.contains(h)) {
                    shardTails.add(h);
                }
                j.num(shardTails.indexOf(h));
            } else {
                j.ch('"');
                appendPostings(j.builder(), t);
                j.ch('"');
            }
        }
        j.ch(']').ch(',').key("tails").strings(shardTails);
        // a long list's best postings (id, impact), best first, so that a one-word query needs no tail file
        j.ch(',').key("h").ch('[');
        for (int t = from; t < to; t++) {
            if (t > from) {
                j.ch(',');
            }
            j.ch('"');
            if (tailOf[t] >= 0) {
                for (int h : topHits(t, k)) {
                    Vlq.append(j.builder(), postings[t].doc(h));
                    Vlq.append(j.builder(), impact(t, h));
                }
            }
            j.ch('"');
        }
        j.ch(']').ch(',').key("f").ch('[');
        for (int t = from; t < to; t++) {
            if (t > from) {
                j.ch(',');
            }
            j.ch('"');
            if (postings[t].df() > k) {
                appendFacets(j.builder(), t);
            }
            j.ch('"');
        }
        j.ch(']').ch('}');

        String tj = j.toString();
        String h = Blob.hash(tj);
        put("t." + h + ".json.gz", tj);
        return h;
    }

    /** Positions of the terms of several consecutive term shards, {@code x.<h>.json.gz}. */
    private String writePositionPack(List<int[]> pack, int[] tailOf) {
        Json x = new Json(64 * 1024);
        x.ch('{').key("x").ch('[');
        for (int si = 0; si < pack.size(); si++) {
            if (si > 0) {
                x.ch(',');
            }
            x.ch('[');
            int[] sh = pack.get(si);
            for (int t = sh[0]; t < sh[1]; t++) {
                if (t > sh[0]) {
                    x.ch(',');
                }
                x.ch('"');
                if (tailOf[t] < 0) {
                    appendPositions(x.builder(), t);
                }
                x.ch('"');
            }
            x.ch(']');
        }
        x.ch(']').ch('}');
        String xj = x.toString();
        String h = Blob.hash(xj);
        put("x." + h + ".json.gz", xj, POSITIONS_LEVEL);
        return h;
    }

    /** Tail file {@code l.<h>.json.gz} (long postings) and its positions {@code y.<h>.json.gz}. */
    private String writeTail(int[] group) {
        Json j = new Json(opt.tailTarget() + 1024);
        Json x = new Json(opt.tailTarget() * 2 + 1024);
        List<String> ts = new ArrayList<>();
        for (int t : group) {
            ts.add(terms[t]);
        }
        j.ch('{').key("t").strings(ts).ch(',').key("p").ch('[');
        x.ch('{').key("x").ch('[');
        for (int i = 0; i < group.length; i++) {
            if (i > 0) {
                j.ch(',');
                x.ch(',');
            }
            j.ch('"');
            appendPostings(j.builder(), group[i]);
            j.ch('"');
            x.ch('"');
            appendPositions(x.builder(), group[i]);
            x.ch('"');
        }
        j.ch(']').ch('}');
        x.ch(']').ch('}');
        String lj = j.toString();
        String yj = x.toString();
        String h = Blob.hash(lj, yj);
        put("l." + h + ".json.gz", lj, RARE_LEVEL);
        put("y." + h + ".json.gz", yj, POSITIONS_LEVEL);
        return h;
    }

    /** Every card compressed with its full lead, the slot size, and the smallest size of each card. */
    record CardSlots(byte[][] packed, int slot) {
    }

    private CardSlots packCards(ExecutorService pool) {
        int n = docs.size();
        byte[][] packed = new byte[n][];
        List<Future<?>> fs = new ArrayList<>();
        for (int from = 0; from < n; from += 1024) {
            final int f0 = from;
            final int f1 = Math.min(n, from + 1024);
            fs.add(pool.submit(() -> {
                Deflater d = Blob.rawDeflater();
                try {
                    for (int i = f0; i < f1; i++) {
                        packed[i] = Blob.deflateRaw(d, cardJson(i, leads[i]));
                    }
                } finally {
                    d.end();
                }
            }));
        }
        fs.forEach(IndexBuild::get);
        if (n == 0) {
            return new CardSlots(packed, 16);
        }
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = packed[i].length + 2;
        }
        Arrays.sort(sorted);
        int slot = sorted[(int) Math.floor(0.9 * (n - 1))];
        // a card above the slot loses lead text; the slot must hold it with no lead at all
        Deflater d = Blob.rawDeflater();
        try {
            for (int i = 0; i < n; i++) {
                if (packed[i].length + 2 > slot) {
                    slot = Math.max(slot, Blob.deflateRaw(d, cardJson(i, "")).length + 2);
                }
            }
        } finally {
            d.end();
        }
        return new CardSlots(packed, roundUp(slot, 16));
    }

    /**
     * Card file {@code k.<h>.bin}: documents {@code from..to-1} in fixed-size slots, so that the client fetches
     * a card with an HTTP range request at {@code (id - from) * slot}. A slot holds a 2-byte big-endian length,
     * then the card, {@code [url,title,date,dateLabel,[tagIds],lead]} in UTF-8 JSON compressed with raw deflate,
     * then zero padding. The slot is the 90th percentile of the cards' sizes; a longer card gets a shorter lead.
     *
     * @return {@code [hash, slot]} as JSON
     */
    private String writeCardSlots(CardSlots cards, int from, int to) {
        int slot = cards.slot();
        byte[] out = new byte[(to - from) * slot];
        Deflater deflater = Blob.rawDeflater();
        for (int d = from; d < to; d++) {
            byte[] b = cards.packed()[d];
            String lead = leads[d];
            while (b.length + 2 > slot) {
                lead = shorten(lead);
                b = Blob.deflateRaw(deflater, cardJson(d, lead));
            }
            int at = (d - from) * slot;
            out[at] = (byte) (b.length >>> 8);
            out[at + 1] = (byte) b.length;
            System.arraycopy(b, 0, out, at + 2, b.length);
        }
        deflater.end();
        String h = Blob.hash(out);
        putRaw("k." + h + ".bin", out);
        return "[\"" + h + "\"," + slot + "]";
    }

    private static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }

    /** The lead without its last tenth (at a space), ending with an ellipsis; empty when little is left. */
    static String shorten(String lead) {
        String body = lead.endsWith(" …") ? lead.substring(0, lead.length() - 2) : lead;
        if (body.length() < 40) {
            return "";
        }
        int cut = body.lastIndexOf(' ', body.length() - Math.max(4, body.length() / 10));
        if (cut <= 0) {
            return "";
        }
        return body.substring(0, cut).stripTrailing() + " …";
    }

    private byte[] cardJson(int d, String lead) {
        Doc doc = docs.get(d);
        Json j = new Json(512);
        j.ch('[').str(doc.url()).ch(',').str(doc.title()).ch(',').str(doc.date()).ch(',').str(doc.dateLabel())
                .ch(',').ints(docTags[d], 0, docTags[d].length).ch(',').str(lead).ch(']');
        return j.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Attribute file {@code a.<h>.json.gz}: tag ids of documents from..to-1 (VLQ: count, then id deltas). */
    private String writeAttrs(int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * 4 + 16);
        sb.append("{\"a\":\"");
        for (int d = from; d < to; d++) {
            int[] ts = docTags[d];
            Vlq.append(sb, ts.length);
            int prev = 0;
            for (int t : ts) {
                Vlq.append(sb, t - prev);
                prev = t;
            }
        }
        sb.append("\"}");
        String aj = sb.toString();
        String h = Blob.hash(aj);
        put("a." + h + ".json.gz", aj);
        return h;
    }

    private void appendPostings(StringBuilder sb, int t) {
        Postings p = postings[t];
        int prev = 0;
        for (int j = 0; j < p.df(); j++) {
            int d = p.doc(j);
            Vlq.append(sb, ((d - prev) << LEVEL_BITS) | (impact(t, j) - 1));
            prev = d;
        }
    }

    private void appendPositions(StringBuilder sb, int t) {
        Postings p = postings[t];
        IntList pos = p.positions;
        int i = 0;
        for (int j = 0; j < p.df(); j++) {
            int cnt = pos.get(i++);
            Vlq.append(sb, cnt);
            int prev = 0;
            for (int c = 0; c < cnt; c++) {
                int v = pos.get(i++);
                Vlq.append(sb, v - prev);
                prev = v;
            }
        }
    }

    /** VLQ: number of years, (year index, count)…, number of tags, (tag id delta, count)… for the top tags. */
    private void appendFacets(StringBuilder sb, int t) {
        Postings p = postings[t];
        TreeMap<Integer, Integer> years = new TreeMap<>();
        int[] tags = new int[tagKeys.size()];
        for (int j = 0; j < p.df(); j++) {
            int d = p.doc(j);
            years.merge(docYearIndex[d], 1, Integer::sum);
            for (int tg : docTags[d]) {
                tags[tg]++;
            }
        }
        Vlq.append(sb, years.size());
        for (var e : years.entrySet()) {
            Vlq.append(sb, e.getKey());
            Vlq.append(sb, e.getValue());
        }
        // the FACET_TAGS most frequent tags (ties: lower id), written in id order
        Integer[] order = new Integer[tags.length];
        for (int i = 0; i < tags.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> tags[b] != tags[a] ? Integer.compare(tags[b], tags[a]) : Integer.compare(a, b));
        int nt = 0;
        while (nt < Math.min(FACET_TAGS, order.length) && tags[order[nt]] > 0) {
            nt++;
        }
        int[] keep = new int[nt];
        for (int i = 0; i < nt; i++) {
            keep[i] = order[i];
        }
        Arrays.sort(keep);
        Vlq.append(sb, nt);
        int prev = 0;
        for (int i : keep) {
            Vlq.append(sb, i - prev);
            Vlq.append(sb, tags[i]);
            prev = i;
        }
    }

    /** The k best postings of term t by impact, then newest (highest id); returns posting indices in that order. */
    int[] topHits(int t, int k) {
        Postings p = postings[t];
        int n = p.df();
        int m = Math.min(n, k);
        int[] best = new int[m];
        int[] bestImpact = new int[m];
        int size = 0;
        for (int j = 0; j < n; j++) {
            int imp = impact(t, j);
            // postings are in id order: a later posting is newer and wins ties
            if (size == m && imp < bestImpact[m - 1]) {
                continue;
            }
            int pos = size == m ? m - 1 : size++;
            while (pos > 0 && bestImpact[pos - 1] <= imp) {
                best[pos] = best[pos - 1];
                bestImpact[pos] = bestImpact[pos - 1];
                pos--;
            }
            best[pos] = j;
            bestImpact[pos] = imp;
        }
        return best;
    }

    /** A whitespace-collapsed excerpt around offset {@code at} of {@code body}, or its lead when {@code at < 0}. */
    static String window(String body, int at) {
        int start;
        int end;
        if (at < 0) {
            start = 0;
            end = Math.min(body.length(), LEAD);
        } else {
            start = Math.max(0, at - WINDOW_BEFORE);
            end = Math.min(body.length(), at + WINDOW_AFTER);
        }
        if (start > 0) {
            int s = start;
            while (s < at && !Character.isWhitespace(body.charAt(s - 1))) {
                s++;
            }
            start = s < at ? s : start;
        }
        if (end < body.length()) {
            int e = end;
            while (e > start + 1 && !Character.isWhitespace(body.charAt(e))) {
                e--;
            }
            if (e > Math.max(start, at) + 20) {
                end = e;
            }
        }
        if (start > 0 && Character.isLowSurrogate(body.charAt(start))) {
            start++;
        }
        if (end < body.length() && end > 0 && Character.isHighSurrogate(body.charAt(end - 1))) {
            end--;
        }
        String w = SPACE.matcher(body.substring(start, end)).replaceAll(" ").strip();
        return (start > 0 ? "… " : "") + w + (end < body.length() ? " …" : "");
    }
}
