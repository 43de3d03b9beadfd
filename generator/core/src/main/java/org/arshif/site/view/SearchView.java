package org.arshif.site.view;

/**
 * The search page. The client script finds its index through the page's data attributes.
 *
 * @param manifest      link to this language's search manifest
 * @param otherManifest link to the other language's manifest, for searching both at once; may be null
 * @param script        link to the client's entry module
 */
public record SearchView(String manifest, String otherLang, String otherManifest, String script) {}
