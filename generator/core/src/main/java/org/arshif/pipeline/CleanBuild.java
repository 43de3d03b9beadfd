package org.arshif.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.arshif.diag.Diagnostics;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.OutputTree;

/** A build that reuses nothing: every file is written into a staging folder, which then replaces the output. */
public final class CleanBuild implements BuildTarget {
    private final OutputTree out;

    private CleanBuild(OutputTree out) {
        this.out = out;
    }

    /** @param log where the removal of what killed builds left beside the output is told */
    public static CleanBuild open(Path output, Consumer<String> log) {
        return new CleanBuild(OutputTree.open(output, log));
    }

    @Override
    public OutputTree out() {
        return out;
    }

    @Override
    public SearchIndexWriter.IndexStats writeIndex(SearchIndexWriter writer, String lang, List<SearchDocument> docs)
            throws IOException {
        SearchIndexWriter.IndexStats stats = writer.write(out.resolve(lang + "/search"), lang, docs);
        out.count(stats.files(), stats.bytes());
        return stats;
    }

    @Override
    public void render(SitePlan plan, Diagnostics diagnostics) {
        plan.renderAll(out, diagnostics);
    }

    @Override
    public void commit() {
        out.commit();
    }

    @Override
    public void close() {
        out.close();
    }
}
