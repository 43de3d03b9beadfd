package org.arshif.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.arshif.Arshif;
import org.arshif.BuildReport;
import org.arshif.diag.Diagnostics;
import org.arshif.pipeline.RunStrategy;
import org.arshif.pipeline.SiteRun;
import org.arshif.site.Library;
import org.arshif.site.MemorySink;
import org.arshif.site.PageRenderer;
import org.arshif.site.pages.PageJob;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A generated bilingual site of 200 Arabic dispatches (about 120 of them translated): loading it, rendering its
 * pages' templates, and building it whole.
 *
 * <p>{@code renderArticle} and {@code renderList} are the Freemarker templates alone, on a view model built once in
 * setup (an article page, and the home page's list of 10 cards). {@code load} reads configuration, vocabulary and
 * every dispatch (on both cores) and builds the site model. {@code build} is {@code load} plus planning, assets,
 * search index, rendering every page and committing the output folder: a full rebuild into the same folder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class SiteBench {
    static final int DISPATCHES = 200;

    private Path dir;
    private Arshif arshif;
    private PageRenderer renderer;
    private PageJob articleJob;
    private Map<String, Object> articleModel;
    private PageJob listJob;
    private Map<String, Object> listModel;

    @Setup
    public void setup() throws IOException {
        dir = Files.createTempDirectory("arshif-jmh-site");
        Path site = dir.resolve("site");
        Corpus.writeSite(site, DISPATCHES);
        arshif = Arshif.builder().siteRoot(site).output(dir.resolve("out")).build();
        Library library = arshif.load();
        if (library.hasErrors()) {
            throw new IllegalStateException("generated site has errors: " + library.findings());
        }
        // The pages as a build plans them (assets in memory; these pages do not need the search index).
        List<PageJob> jobs = new SiteRun(library, arshif.sitemapLimit())
                .run(RunStrategy.planOnly(new MemorySink()), new Diagnostics(), SiteRun.Phases.NONE).jobs();
        articleJob = jobs.stream().filter(j -> j.template().equals("article.ftlh")).findFirst().orElseThrow();
        listJob = jobs.stream().filter(j -> j.sitePath().equals("/")).findFirst().orElseThrow();
        articleModel = articleJob.model().get();
        listModel = listJob.model().get();
        renderer = new PageRenderer(library.theme());
        BuildReport report = arshif.build();
        System.out.println("\n[site] " + report.pagesPerLanguage() + " pages by language, " + report.filesWritten() + " files, "
                + report.bytesWritten() + " bytes written; article " + articleJob.sitePath() + "; phases (ms) "
                + report.phases());
    }

    @TearDown
    public void tearDown() throws IOException {
        Corpus.delete(dir);
    }

    @Benchmark
    public byte[] renderArticle() throws PageRenderer.RenderException {
        return renderer.render(articleJob.template(), articleModel);
    }

    @Benchmark
    public byte[] renderList() throws PageRenderer.RenderException {
        return renderer.render(listJob.template(), listModel);
    }

    @Benchmark
    public Library load() {
        return arshif.load();
    }

    @Benchmark
    public BuildReport build() {
        return arshif.build();
    }
}
