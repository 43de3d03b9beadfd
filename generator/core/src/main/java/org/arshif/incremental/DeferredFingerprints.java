package org.arshif.incremental;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.arshif.site.pages.PageJob;

/**
 * The fingerprints of a first build's rendered pages, made when its page manifest is saved rather than beside the
 * render (see {@link PageCache#deferFingerprints}): the same fingerprint of the same inputs, later.
 */
final class DeferredFingerprints {
    private final Map<String, PageJob> pages = new ConcurrentHashMap<>();
    /** The site's global inputs' fingerprint, as the render had it. */
    private String base;

    void base(String base) {
        this.base = base;
    }

    /** A page written to {@code file}, whose fingerprint is of its job's inputs. */
    void add(String file, PageJob job) {
        pages.put(file, job);
    }

    /** Puts each page's fingerprint in {@code fresh}, as the render would have; none for a page that has none. */
    void into(Map<String, String> fresh, ModelHash hasher) {
        List<Map.Entry<String, PageJob>> waiting = new ArrayList<>(pages.entrySet());
        waiting.parallelStream().forEach(page -> {
            try {
                PageJob job = page.getValue();
                fresh.put(
                        page.getKey(),
                        "i"
                                + hasher.of(
                                        job.template(),
                                        List.of(base, job.inputs().get())));
            } catch (ModelHash.Unhashable e) {
                // as beside the render: a page that cannot be fingerprinted has no entry, and is rendered next time
            }
        });
        pages.clear();
    }
}
