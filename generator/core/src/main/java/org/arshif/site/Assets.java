package org.arshif.site;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's static files as pages link them: logical name ({@code style.css}) → link to the written file
 * ({@code /static/style.1a2b3c4d5e.css}). Sorted, so templates that list it and fingerprints see one order.
 */
public record Assets(Map<String, String> links) {
    public Assets {
        links = Collections.unmodifiableMap(new TreeMap<>(links));
    }
}
