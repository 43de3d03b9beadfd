package org.arshif.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.arshif.diag.Diagnostic;
import org.arshif.pipeline.SitePlan;
import org.arshif.site.Library;
import org.arshif.site.PageRenderer;
import org.arshif.site.pages.PageJob;

/** What the checks of one dispatch depend on beyond its own file, and the one rendering of each template. */
final class CheckContext {
    private CheckContext() {}

    /**
     * The site's link context, as {@link CheckMemo} keys it: the files the site publishes and those it will
     * (drafts and scheduled dispatches), every source file (a link to a source file is reported as such), and the
     * media each dispatch shows, all sorted.
     */
    static List<String> parts(Collection<String> publishedFiles, Collection<String> allFiles, Library library) {
        List<String> parts = new ArrayList<>(new TreeSet<>(publishedFiles));
        parts.add("\u0001");
        parts.addAll(new TreeSet<>(allFiles));
        parts.add("\u0001");
        for (String source : library.sources()) {
            parts.add(source);
            parts.add(library.media().stamp(source));
        }
        return parts;
    }

    /** A template error shows on every page that uses it; one page per template finds it without a full render. */
    static List<Diagnostic> renderEachTemplateOnce(SitePlan site) {
        Map<String, PageJob> first = new LinkedHashMap<>();
        site.jobs().forEach(j -> first.putIfAbsent(j.template(), j));
        List<Diagnostic> out = new ArrayList<>();
        for (PageJob job : first.values()) {
            try {
                site.render(job.template(), job.model().get());
            } catch (PageRenderer.RenderException e) {
                out.add(e.diagnostic());
            }
        }
        return out;
    }
}
