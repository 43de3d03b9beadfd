package org.arshif.site;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the search pages find the search index: each language's manifest (a site path; its name carries its
 * content hash) and the link to the client's entry module.
 *
 * @param byLanguage manifest site paths by language, e.g. {@code ar} → {@code /ar/search/manifest.k3j5….json.gz}
 * @param script     link to the client's entry module, or null when there is no index
 */
public record SearchManifests(Map<String, String> byLanguage, String script) {
    /** No index: a run that does not write one (a check) plans its search pages without it. */
    public static final SearchManifests NONE = new SearchManifests(Map.of(), null);

    public SearchManifests {
        byLanguage = Collections.unmodifiableMap(new TreeMap<>(byLanguage));
    }
}
