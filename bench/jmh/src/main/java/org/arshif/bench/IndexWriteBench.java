package org.arshif.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.SearchIndexWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing one language's search index (analysis, postings, shards, gzip, files) for 300 dispatches. Each call
 * writes into a new empty folder, as a clean build does; the folders are deleted after each iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class IndexWriteBench {
    static final int DOCS = 300;
    static final List<SearchDocument> AR = docs(true);
    static final List<SearchDocument> EN = docs(false);

    private SearchIndexWriter writer;
    private Path root;
    private int n;

    static List<SearchDocument> docs(boolean arabic) {
        String[] tagKeys = {"syria", "russia", "economy", "politics", "culture"};
        List<SearchDocument> docs = new ArrayList<>(DOCS);
        for (int i = 0; i < DOCS; i++) {
            String lang = arabic ? "ar" : "en";
            String date = String.format("2017-%02d-%02d", 1 + i % 12, 1 + i % 28);
            List<SearchDocument.SearchTag> tags = List.of(
                    new SearchDocument.SearchTag(tagKeys[i % 5], tagKeys[i % 5]),
                    new SearchDocument.SearchTag(tagKeys[(i / 5) % 5], tagKeys[(i / 5) % 5]));
            String body = Corpus.sentences(arabic, i * 5, 3 * (2 + i % 8));
            String title = Corpus.sentences(arabic, i * 7 + 3, 1);
            title = title.length() > 80 ? title.substring(0, 80) : title;
            docs.add(new SearchDocument("/" + lang + "/2017/d" + i + "/", title, date, date, tags, body, lang));
        }
        return List.copyOf(docs);
    }

    /** Text indexed per call, in UTF-8 bytes (titles and bodies). */
    static long textBytes(List<SearchDocument> docs) {
        long sum = 0;
        for (SearchDocument d : docs) {
            sum += d.title().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + d.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return sum;
    }

    @Setup
    public void setup() throws IOException {
        writer = SearchIndexWriter.standard();
        root = Files.createTempDirectory("arshif-jmh-index");
    }

    @TearDown(Level.Iteration)
    public void clean() throws IOException {
        Corpus.delete(root);
        Files.createDirectories(root);
    }

    @TearDown
    public void tearDown() throws IOException {
        Corpus.delete(root);
    }

    @Benchmark
    public SearchIndexWriter.IndexStats writeArabic() throws IOException {
        return writer.write(root.resolve("i" + n++), "ar", AR);
    }

    @Benchmark
    public SearchIndexWriter.IndexStats writeEnglish() throws IOException {
        return writer.write(root.resolve("i" + n++), "en", EN);
    }
}
