package org.arshif.check;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * media each dispatch shows. Each set is hashed as a multiset (a sum of 128-bit hashes of its members), so
     * that tens of thousands of files need no sorting.
     */
    static String fingerprint(Collection<String> publishedFiles, Collection<String> allFiles, Library library) {
        StringBuilder out = new StringBuilder();
        out.append(multiset(publishedFiles)).append(' ').append(multiset(allFiles));
        List<String> sources = new ArrayList<>(library.sources().size() * 2);
        for (String source : library.sources()) {
            sources.add(source + "\u0000" + library.media().stamp(source));
        }
        return out.append(' ').append(multiset(sources)).toString();
    }

    private static String multiset(Collection<String> members) {
        // On every core: a sum does not depend on the order, and the check phase ran this on one thread while the
        // other core waited (a quarter of a second of a 10,000-dispatch build's check with a cache).
        long[] sum = members.parallelStream()
                .map(member -> {
                    HashValue128 h = Hashing.xxh3_128().hashCharsTo128Bits(member);
                    return new long[] {h.getMostSignificantBits(), h.getLeastSignificantBits()};
                })
                .reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        return String.format(Locale.ROOT, "%d:%016x%016x", members.size(), sum[0], sum[1]);
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
