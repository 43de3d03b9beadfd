package org.arshif.pipeline;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.arshif.content.Dispatch;
import org.arshif.site.Routes;

/**
 * The dispatches with the first (newest) of those at each URL, as the site's pages keep it. Two at one URL are an
 * error a build stops at before its index; the preview serves the site all the same, and its search indexes the
 * dispatch the page shows rather than failing for every query until the clash is fixed.
 */
final class OneAtEachUrl {
    private OneAtEachUrl() {}

    /**
     * {@code articles} itself when no two share a URL (the common case), else a copy without the later ones. The URLs
     * seen are an open-addressed table of their places, probed by their strings' hash codes (kept by each string):
     * serve runs this for every language at every edit, and a {@code HashSet} of 10,000 URLs made as many entries.
     */
    static List<Dispatch> of(List<Dispatch> articles) {
        int n = articles.size();
        int capacity = Integer.highestOneBit(Math.max(4, n) * 2) * 2; // at most a quarter full
        int[] table = new int[capacity]; // place + 1 of the URL in that slot; 0: empty
        String[] urls = new String[n];
        List<Dispatch> kept = null;
        for (int i = 0; i < n; i++) {
            Dispatch d = articles.get(i);
            String url = Routes.article(d);
            urls[i] = url;
            if (!add(table, urls, url, i)) {
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

    /** Adds {@code url} (at place {@code i}) unless the table holds it already; returns whether it was added. */
    private static boolean add(int[] table, String[] urls, String url, int i) {
        int mask = table.length - 1;
        int h = url.hashCode();
        for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            int at = table[slot] - 1;
            if (at < 0) {
                table[slot] = i + 1;
                return true;
            }
            if (urls[at].equals(url)) {
                return false;
            }
        }
    }
}
