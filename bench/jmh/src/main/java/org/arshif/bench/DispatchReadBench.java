package org.arshif.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One dispatch read whole, as the content loader does for every file: decode, split, front-matter, Markdown or
 * agency text, dateline, tags, language check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class DispatchReadBench {
    static final byte[] MD = FrontMatterBench.DISPATCH.getBytes(StandardCharsets.UTF_8);
    static final byte[] TXT = Corpus.SANA.getBytes(StandardCharsets.UTF_8);

    private DispatchReader reader;

    @Setup
    public void setup() {
        reader = new DispatchReader(SiteConfig.defaults(), TagVocabulary.empty(t -> List.of()), GitHistory.none("bench"));
        Diagnostics d = new Diagnostics();
        if (reader.read("content/ar/2017-08-08-d0007.md", MD, d).isEmpty()
                || reader.read("content/ar/2017-05-22-sana.txt", TXT, d).isEmpty()) {
            throw new IllegalStateException("benchmark input rejected: " + d.sorted());
        }
    }

    @Benchmark
    public Optional<Dispatch> readMarkdown() {
        return reader.read("content/ar/2017-08-08-d0007.md", MD, new Diagnostics());
    }

    @Benchmark
    public Optional<Dispatch> readPlainText() {
        return reader.read("content/ar/2017-05-22-sana.txt", TXT, new Diagnostics());
    }
}
