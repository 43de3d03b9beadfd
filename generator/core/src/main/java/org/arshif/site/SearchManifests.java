package org.arshif.site;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the search pages find the search index: each language's manifest (a site path; its name carries its
 * content hash), the manifest's own text, and the link to the client's entry module.
 *
 * <p>A search page carries its language's manifest inline, so that a query's first request is a term shard, not
 * the manifest (issue 13's budget of 4 index requests for a 3-word query); the file stays for other pages and
 * other clients.
 *
 * @param byLanguage manifest site paths by language, e.g. {@code ar} → {@code /ar/search/manifest.k3j5….json.gz}
 * @param jsonByLanguage each language's manifest as JSON text (what the gzip'd file holds)
 * @param script     link to the client's entry module, or null when there is no index
 */
public record SearchManifests(Map<String, String> byLanguage, Map<String, String> jsonByLanguage, String script) {
    /** No index: a run that does not write one (a check) plans its search pages without it. */
    public static final SearchManifests NONE = new SearchManifests(Map.of(), Map.of(), null);

    public SearchManifests {
        byLanguage = Collections.unmodifiableMap(new TreeMap<>(byLanguage));
        jsonByLanguage = Collections.unmodifiableMap(new TreeMap<>(jsonByLanguage));
    }

    /**
     * {@code lang}'s manifest as the text of a {@code <script type="application/json">} element, or null: JSON with
     * every {@code <} written {@code \u003c}, so that no {@code </script>} or {@code <!--} in a tag's name can end or
     * change the element (the same JSON to {@code JSON.parse}).
     */
    public String scriptData(String lang) {
        String json = jsonByLanguage.get(lang);
        return json == null ? null : json.replace("<", "\\u003c");
    }
}
