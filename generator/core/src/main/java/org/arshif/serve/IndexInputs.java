package org.arshif.serve;

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
    /**
     * The name of every tag of the articles, by key. Made from an earlier edit's inputs, it may also hold tags that
     * no article has any more (their names are looked up again too): a name that differs there only makes two
     * inputs unequal, never equal ones that are not.
     */
    private final Map<String, String> tagNames;

    private IndexInputs(SiteConfig config, Dispatch[] articles, Map<String, String> tagNames) {
        this.config = config;
        this.articles = articles;
        this.tagNames = tagNames;
    }

    static IndexInputs of(SiteConfig config, SiteModel model, String lang) {
        return of(config, model, lang, null);
    }

    /**
     * The inputs of {@code model}'s documents in {@code lang}, made with the help of {@code last} (an earlier
     * edit's inputs, or null): a dispatch in the same place as there has its tags among {@code last}'s, so only the
     * other dispatches' tags are gathered (an edit swaps one of 6,000-10,000, whose 40,000 tags were each looked up
     * per write), and the name of every tag is asked of the model again (a tag's name is the label its first
     * dispatch gives it, so an edit can rename a tag of dispatches it did not touch). When every name is the same
     * as in {@code last}, its map is shared, and documents' keys compare their tags' names by that.
     */
    static IndexInputs of(SiteConfig config, SiteModel model, String lang, IndexInputs last) {
        Dispatch[] articles = model.articles(lang).toArray(new Dispatch[0]);
        Map<String, String> names = new HashMap<>();
        if (last != null) {
            for (String key : last.tagNames.keySet()) {
                names.put(key, model.tagName(key, lang));
            }
        }
        // one function, indexed loops: under C1 (no escape analysis) a lambda per tag and an iterator per dispatch
        // were 2 MB of garbage per index write
        Function<String, String> tagName = k -> model.tagName(k, lang);
        for (int i = 0; i < articles.length; i++) {
            if (last != null && i < last.articles.length && last.articles[i] == articles[i]) {
                continue;
            }
            List<String> tags = articles[i].tags();
            for (int j = 0; j < tags.size(); j++) {
                names.computeIfAbsent(tags.get(j), tagName);
            }
        }
        return new IndexInputs(config, articles, last != null && names.equals(last.tagNames) ? last.tagNames : names);
    }

    /**
     * Per dispatch (in the order of the index's documents), a key of what its search document is made of: the same
     * configuration instance, dispatch instance and tag names make the same document. Made only for a language
     * that is written: an unchanged one is known by {@link #sameAs} alone.
     */
    List<?> documentKeys() {
        DocumentKey[] keys = new DocumentKey[articles.length];
        for (int i = 0; i < articles.length; i++) {
            keys[i] = new DocumentKey(config, articles[i], tagNames);
        }
        return List.of(keys);
    }

    /** A search document's inputs, the configuration and dispatch compared as instances (both immutable). */
    private static final class DocumentKey {
        private final SiteConfig config;
        private final Dispatch dispatch;
        /** The names of the dispatch's tags, and others: a map shared by all the keys of one input. */
        private final Map<String, String> names;

        DocumentKey(SiteConfig config, Dispatch dispatch, Map<String, String> names) {
            this.config = config;
            this.dispatch = dispatch;
            this.names = names;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof DocumentKey k) || k.config != config || k.dispatch != dispatch) {
                return false;
            }
            if (k.names == names) {
                return true;
            }
            List<String> tags = dispatch.tags(); // the same instance: the same tags
            for (int i = 0; i < tags.size(); i++) {
                if (!names.get(tags.get(i)).equals(k.names.get(tags.get(i)))) {
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
        return other.tagNames == tagNames || other.tagNames.equals(tagNames);
    }
}
