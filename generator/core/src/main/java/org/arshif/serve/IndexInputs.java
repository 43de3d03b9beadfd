package org.arshif.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.site.SiteModel;

/**
 * What one language's search documents are made of in a preview: the configuration (its routes, date labels and
 * protected words), the dispatches in order, and the names of their tags. Dispatches are immutable and a live
 * library keeps the reading of every file not read again, so the same instances in the same order, with the same
 * configuration instance and tag names, make the same documents: their index need not be written again.
 */
final class IndexInputs {
    private final SiteConfig config;
    private final Dispatch[] articles;
    private final List<String> tagNames;

    private IndexInputs(SiteConfig config, Dispatch[] articles, List<String> tagNames) {
        this.config = config;
        this.articles = articles;
        this.tagNames = tagNames;
    }

    static IndexInputs of(SiteConfig config, SiteModel model, String lang) {
        List<Dispatch> list = model.articles(lang);
        List<String> names = new ArrayList<>(list.size() * 4);
        // a tag's name depends on its key alone: asked of the model once per tag, not once per dispatch
        Map<String, String> nameOf = new HashMap<>();
        // one function, indexed loops: under C1 (no escape analysis) a lambda per tag and an iterator per dispatch
        // were 2 MB of garbage per index write
        Function<String, String> tagName = k -> model.tagName(k, lang);
        for (int i = 0; i < list.size(); i++) {
            List<String> tags = list.get(i).tags();
            for (int j = 0; j < tags.size(); j++) {
                names.add(nameOf.computeIfAbsent(tags.get(j), tagName));
            }
        }
        return new IndexInputs(config, list.toArray(new Dispatch[0]), names);
    }

    /**
     * Per dispatch (in the order of the index's documents), a key of what its search document is made of: the same
     * configuration instance, dispatch instance and tag names make the same document. Made only for a language
     * that is written: an unchanged one is known by {@link #sameAs} alone.
     */
    List<?> documentKeys() {
        List<DocumentKey> keys = new ArrayList<>(articles.length);
        int from = 0;
        for (Dispatch d : articles) {
            int to = from + d.tags().size();
            keys.add(new DocumentKey(config, d, tagNames, from, to));
            from = to;
        }
        return keys;
    }

    /** A search document's inputs, the configuration and dispatch compared as instances (both immutable). */
    private static final class DocumentKey {
        private final SiteConfig config;
        private final Dispatch dispatch;
        /** The dispatch's tag names: {@code names[from..to)} (a list shared by all the keys of one input). */
        private final List<String> names;

        private final int from;
        private final int to;

        DocumentKey(SiteConfig config, Dispatch dispatch, List<String> names, int from, int to) {
            this.config = config;
            this.dispatch = dispatch;
            this.names = names;
            this.from = from;
            this.to = to;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof DocumentKey k)
                    || k.config != config
                    || k.dispatch != dispatch
                    || k.to - k.from != to - from) {
                return false;
            }
            for (int i = 0; i < to - from; i++) {
                if (!k.names.get(k.from + i).equals(names.get(from + i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(dispatch); // equal keys have the same dispatch instance
        }
    }

    /** Whether the documents made of these inputs are those made of {@code other}'s (null: unknown, no). */
    boolean sameAs(IndexInputs other) {
        if (other == null || other.config != config || other.articles.length != articles.length) {
            return false;
        }
        for (int i = 0; i < articles.length; i++) {
            if (other.articles[i] != articles[i]) {
                return false;
            }
        }
        return other.tagNames.equals(tagNames);
    }
}
