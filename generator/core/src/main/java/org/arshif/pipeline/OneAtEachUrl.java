package org.arshif.pipeline;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import org.arshif.content.Dispatch;
import org.arshif.site.Routes;

/**
 * The dispatches with the first (newest) of those at each URL, as the site's pages keep it. Two at one URL are an
 * error a build stops at before its index; the preview serves the site all the same, and its search indexes the
 * dispatch the page shows rather than failing for every query until the clash is fixed.
 */
final class OneAtEachUrl {
    private OneAtEachUrl() {}

    /** {@code articles} itself when no two share a URL (the common case), else a copy without the later ones. */
    static List<Dispatch> of(List<Dispatch> articles) {
        // sized once: serve runs this at every edit, and growing to 10,000 entries rehashed them ten times
        Set<String> urls = new HashSet<>((int) (articles.size() / 0.75f) + 1);
        List<Dispatch> kept = null;
        for (int i = 0; i < articles.size(); i++) {
            Dispatch d = articles.get(i);
            if (!urls.add(Routes.article(d))) {
                if (kept == null) {
                    kept = new ArrayList<>(articles.subList(0, i));
                }
            } else if (kept != null) {
                kept.add(d);
            }
        }
        return kept == null ? articles : kept;
    }

    /**
     * {@link #of} of a list, made when first asked for: the preview's index of a language that an edit did not touch
     * is known unchanged from its dispatches alone, and never asks (at 10,000 dispatches, ~1 ms of every edit of the
     * other language). Thread-safe.
     */
    static final class Lazy extends AbstractList<Dispatch> implements RandomAccess {
        private final List<Dispatch> articles;
        private volatile List<Dispatch> kept;

        Lazy(List<Dispatch> articles) {
            this.articles = articles;
        }

        private List<Dispatch> kept() {
            List<Dispatch> k = kept;
            if (k == null) {
                synchronized (this) {
                    k = kept;
                    if (k == null) {
                        kept = k = of(articles);
                    }
                }
            }
            return k;
        }

        @Override
        public Dispatch get(int i) {
            return kept().get(i);
        }

        @Override
        public int size() {
            return kept().size();
        }
    }
}
