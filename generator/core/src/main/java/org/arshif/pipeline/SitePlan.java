package org.arshif.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.Parallel;
import org.arshif.site.PageRenderer;
import org.arshif.site.Routes;
import org.arshif.site.SearchManifests;
import org.arshif.site.SiteSink;
import org.arshif.site.pages.PageJob;

/**
 * Every page of a site, planned and ready to render: what a run hands to its strategy, and the preview keeps.
 *
 * @param globalInputs what every page depends on besides its own inputs, or null when pages have no inputs
 */
public record SitePlan(
        List<PageJob> jobs, PageRenderer renderer, Object globalInputs, Supplier<SearchManifests> search) {

    public SitePlan {
        jobs = List.copyOf(jobs);
    }

    /** Renders one page from an already built view model. */
    public byte[] render(String template, Map<String, Object> viewModel) throws PageRenderer.RenderException {
        return renderer.render(template, viewModel);
    }

    /** Renders every page in parallel; template failures are collected, each distinct one reported once. */
    public void renderAll(SiteSink out, Diagnostics diagnostics) {
        Map<Diagnostic, Boolean> failures = new ConcurrentHashMap<>();
        Parallel.forEach(jobs, job -> {
            try {
                out.write(
                        Routes.file(job.sitePath()),
                        renderer.render(job.template(), job.model().get()));
            } catch (PageRenderer.RenderException e) {
                failures.putIfAbsent(e.diagnostic(), Boolean.TRUE);
            }
        });
        failures.keySet().forEach(diagnostics::add);
    }

    /** The search index's manifests, written now if the run deferred the index. */
    public SearchManifests searchManifests() {
        return search.get();
    }
}
