package org.arshif.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.arshif.config.SiteConfig;
import org.arshif.content.AgencyText;
import org.arshif.content.FrontMatterSplit;
import org.arshif.content.MarkdownText;
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
import org.openjdk.jmh.infra.Blackhole;

/** Markdown to HTML and plain text (CommonMark), and agency plain text to paragraphs and HTML. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class TextConversionBench {
    /** Body of an Arabic Markdown dispatch: 8 paragraphs, emphasis, a link and a list. */
    static final String MD_AR = body(Corpus.markdown(11, true, 8));
    /** Body of an English Markdown dispatch of the same shape. */
    static final String MD_EN = body(Corpus.markdown(11, false, 8));
    /** The SANA sample, agency form. */
    static final String TXT_AR = Corpus.SANA;
    /** An English agency-form dispatch, 8 paragraphs and the footer. */
    static final String TXT_EN = Corpus.plainText(11, false, 8);

    private MarkdownText markdown;
    private AgencyText agency;

    private static String body(String dispatch) {
        try {
            return FrontMatterSplit.of(dispatch).body();
        } catch (FrontMatterSplit.UnclosedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Setup
    public void setup() {
        markdown = new MarkdownText(false);
        agency = AgencyText.builder().agencies(SiteConfig.DEFAULT_AGENCIES)
                .footerPatterns(SiteConfig.DEFAULT_FOOTER_PATTERNS)
                .teaserPatterns(SiteConfig.DEFAULT_TEASER_PATTERNS).build();
        if (!agency.parse(TXT_AR, Optional.empty()).footerFound()) {
            throw new IllegalStateException("the SANA footer was not found: the benchmark would not cut it");
        }
    }

    @Benchmark
    public MarkdownText.Converted markdownArabic() {
        return markdown.convert(MD_AR, true);
    }

    @Benchmark
    public MarkdownText.Converted markdownEnglish() {
        return markdown.convert(MD_EN, true);
    }

    @Benchmark
    public void plainTextArabic(Blackhole bh) {
        AgencyText.Parsed parsed = agency.parse(TXT_AR, Optional.empty());
        bh.consume(parsed.plainText());
        bh.consume(AgencyText.toHtml(parsed.paragraphs()));
    }

    @Benchmark
    public void plainTextEnglish(Blackhole bh) {
        AgencyText.Parsed parsed = agency.parse(TXT_EN, Optional.empty());
        bh.consume(parsed.plainText());
        bh.consume(AgencyText.toHtml(parsed.paragraphs()));
    }
}
