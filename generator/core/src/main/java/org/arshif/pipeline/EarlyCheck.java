package org.arshif.pipeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.Background;

/**
 * A build's checks of the archive, started as soon as the plan is made, so they run beside the search index and
 * the render instead of after them: those keep both cores busy only most of the time, and the checks need the plan
 * alone (the links of each dispatch against the planned files), not the written pages.
 *
 * <p>A render that reports errors (a template's, say) asks for the checks of a run that did not render; those are
 * computed again after the early ones end, so the two never run at once (they share the cache's check memo).
 *
 * <pre>{@code
 * try (EarlyCheck early = new EarlyCheck(check)) {
 *     SitePlan plan = siteRun.run(target, diagnostics, early.phases(timer));
 *     diagnostics.addAll(early.result(plan, !diagnostics.hasErrors()));
 * }
 * }</pre>
 */
public final class EarlyCheck implements AutoCloseable {
    private final BiFunction<SitePlan, Boolean, List<Diagnostic>> check;
    private final Background thread = new Background("arshif-check", 1);
    private CompletableFuture<List<Diagnostic>> early;

    /** @param check the checks of a site given its plan and whether its pages were rendered */
    public EarlyCheck(BiFunction<SitePlan, Boolean, List<Diagnostic>> check) {
        this.check = check;
    }

    /** Phases that report each stage's end to {@code ended} and start the checks once the plan is made. */
    public SiteRun.Phases phases(SiteRun.Phases ended) {
        return new SiteRun.Phases() {
            @Override
            public void ended(String name) {
                ended.ended(name);
            }

            @Override
            public void planned(SitePlan plan) {
                early = thread.start(() -> check.apply(plan, true));
            }
        };
    }

    /** The checks' findings for {@code plan}; what they threw is thrown here. */
    public List<Diagnostic> result(SitePlan plan, boolean rendered) {
        List<Diagnostic> found = early == null ? null : Background.join(early);
        return found != null && rendered ? found : check.apply(plan, rendered);
    }

    @Override
    public void close() {
        thread.close();
    }
}
