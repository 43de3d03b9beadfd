package org.arshif.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.arshif.content.FrontMatterSplit;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.yaml.YNode;
import org.arshif.internal.yaml.YamlReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Front-matter: splitting a Markdown dispatch at its {@code ---} fences, and parsing the YAML between them. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class FrontMatterBench {
    /** A whole Arabic Markdown dispatch, front-matter and 5 paragraphs. */
    static final String DISPATCH = Corpus.markdown(7, true, 5);
    /** Its front-matter (title, date, tags, translationKey, dateline, source, summary). */
    static final String YAML = split(DISPATCH).yaml().orElseThrow();

    private static FrontMatterSplit split(String text) {
        try {
            return FrontMatterSplit.of(text);
        } catch (FrontMatterSplit.UnclosedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public FrontMatterSplit split() throws FrontMatterSplit.UnclosedException {
        return FrontMatterSplit.of(DISPATCH);
    }

    @Benchmark
    public Optional<YNode> yamlParse() {
        return YamlReader.parse(YAML, "content/ar/2017-08-08-d0007.md", 1, new Diagnostics());
    }
}
