package org.arshif.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arshif.search.analysis.TextAnalyzer;
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
 * Search analysis: normalization alone, and the whole chain to index terms (normalize, tokenize, stopwords,
 * Arabic light stemming or Porter2), on Arabic and English news text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class AnalysisBench {
    /** The SANA sample: agency Arabic, no tashkeel. */
    static final String SANA = Corpus.SANA;
    /** 30 sentences of UD Arabic-PUD: translated news and wiki text, some tashkeel. */
    static final String PUD_AR = Corpus.sentences(true, 0, 30);
    /** The same 30 sentences in their English original. */
    static final String PUD_EN = Corpus.sentences(false, 0, 30);

    private TextAnalyzer analyzer;

    @Setup
    public void setup() {
        analyzer = TextAnalyzer.standard();
    }

    @Benchmark
    public String normalizeArabic() {
        return analyzer.normalize(PUD_AR);
    }

    @Benchmark
    public String normalizeEnglish() {
        return analyzer.normalize(PUD_EN);
    }

    @Benchmark
    public List<String> termsSana() {
        return analyzer.terms(SANA);
    }

    @Benchmark
    public List<String> termsArabic() {
        return analyzer.terms(PUD_AR);
    }

    @Benchmark
    public List<String> termsEnglish() {
        return analyzer.terms(PUD_EN);
    }
}
