package org.arshif.search.index.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.arshif.search.SearchDocument;
import org.arshif.search.SearchDocument.SearchTag;
import org.arshif.search.index.SearchIndexWriter;

/**
 * Not a test: writes the index of a synthetic archive and prints its size and the time it took.
 *
 * <pre>
 * mvn -B -q test-compile
 * java -cp target/classes:target/test-classes org.arshif.search.index.bench.SearchIndexBench 10000 target/search-bench
 * node src/test/js/bench/query-cost.mjs target/search-bench/n10000/ar
 * </pre>
 *
 * <p>The archive: bodies of ~250 words made of real PUD sentences (in the document's language) with one word in
 * seven replaced by a name-like word drawn from a Zipf law over 400,000 synthetic words (the long tail a real
 * archive has: names, places, typos), a 7-word title, 1–3 of 80 tags, dates over 2012–2024. Deterministic.
 */
public final class SearchIndexBench {
    private SearchIndexBench() {}

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
        Path out = Path.of(args.length > 1 ? args[1] : "target/search-bench").resolve("n" + n);
        String lang = args.length > 2 ? args[2] : "ar";
        List<SearchDocument> docs = corpus(n, lang, 42);
        Path dir = out.resolve(lang);
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        SearchIndexWriter w = SearchIndexWriter.builder(org.arshif.search.index.IndexAnalyzer.standard())
                .hitsPerTerm(Integer.getInteger("hits", 10))
                .shardTarget(Integer.getInteger("shardTarget", 8_000))
                .build();
        // one warm-up on a slice so that JIT time does not count as index time
        w.write(out.resolve("warmup"), lang, docs.subList(0, Math.min(docs.size(), 2000)));
        long t0 = System.nanoTime();
        SearchIndexWriter.IndexStats st = w.write(dir, lang, docs);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(
                "docs=%d lang=%s terms=%d files=%d bytes=%d files_per_1000=%.1f ms=%d manifest=%s%n",
                st.docs(),
                lang,
                st.terms(),
                st.files(),
                st.bytes(),
                st.files() * 1000.0 / st.docs(),
                ms,
                st.manifestFile());
        Files.writeString(out.resolve(lang + ".manifest"), st.manifestFile(), StandardCharsets.UTF_8);
    }

    public static List<SearchDocument> corpus(int n, String lang, long seed) throws IOException {
        List<String> sentences = new ArrayList<>();
        try (InputStream in = Files.newInputStream(findPud())) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] c = lines[i].split("\t");
                if (c.length >= 4) {
                    sentences.add(lang.equals("ar") ? c[2] : c[3]);
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        String letters = lang.equals("ar") ? "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" : "abcdefghijklmnopqrstuvwxyz";
        int tail = 400_000;
        Map<Integer, String> names = new HashMap<>();
        String[][] tags = new String[80][];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new String[] {"tag-" + i, pseudo(letters, i + 7_000_000, 5) + " " + i};
        }
        LocalDate first = LocalDate.of(2012, 1, 1);
        int days = (int) (LocalDate.of(2024, 12, 31).toEpochDay() - first.toEpochDay());
        List<SearchDocument> docs = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            StringBuilder body = new StringBuilder();
            int words = 0;
            int target = 150 + rnd.nextInt(200);
            while (words < target) {
                String s = sentences.get(rnd.nextInt(sentences.size()));
                for (String w : s.split(" ")) {
                    if (rnd.nextInt(7) == 0) {
                        int rank = zipf(rnd, tail);
                        w = names.computeIfAbsent(rank, r -> pseudo(letters, r, 4 + (r % 5)));
                    }
                    body.append(w).append(' ');
                    words++;
                }
                if (rnd.nextInt(4) == 0) {
                    body.append("\n\n");
                }
            }
            String[] bw = body.toString().trim().split("\\s+");
            StringBuilder title = new StringBuilder();
            int off = rnd.nextInt(Math.max(1, bw.length - 8));
            for (int i = 0; i < 7 && off + i < bw.length; i++) {
                title.append(i > 0 ? " " : "").append(bw[off + i]);
            }
            LinkedHashMap<String, SearchTag> tg = new LinkedHashMap<>();
            int nt = 1 + rnd.nextInt(3);
            for (int i = 0; i < nt; i++) {
                String[] t = tags[zipf(rnd, tags.length) - 1];
                tg.put(t[0], new SearchTag(t[0], t[1]));
            }
            LocalDate date = first.plusDays(rnd.nextInt(days + 1));
            docs.add(new SearchDocument(
                    "/" + lang + "/" + date.getYear() + "/" + String.format("%02d", date.getMonthValue()) + "/d" + d
                            + "/",
                    title.toString(),
                    date.toString(),
                    date.toString(),
                    List.copyOf(tg.values()),
                    body.toString().trim(),
                    lang));
        }
        return docs;
    }

    /** Zipf(1) rank in 1..max by inverse transform over the harmonic approximation. */
    static int zipf(SplittableRandom rnd, int max) {
        double h = Math.log(max) + 0.5772;
        double u = rnd.nextDouble() * h;
        int r = (int) Math.floor(Math.exp(u - 0.5772));
        return Math.max(1, Math.min(max, r));
    }

    static String pseudo(String letters, int seed, int len) {
        SplittableRandom r = new SplittableRandom(seed * 2654435761L);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(letters.charAt(r.nextInt(letters.length())));
        }
        return sb.toString();
    }

    static Path findPud() throws IOException {
        for (String c : new String[] {
            "../bench/data/ud-arabic-pud-parallel.tsv",
            "../../shared/data/ud-arabic-pud-parallel.tsv",
            "src/test/resources/search-corpus/pud-sample.tsv",
            System.getProperty("arshif.shared", "../../shared") + "/data/ud-arabic-pud-parallel.tsv"
        }) {
            if (Files.isRegularFile(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IOException("cannot find ud-arabic-pud-parallel.tsv (bench/data or ../shared/data)");
    }
}
