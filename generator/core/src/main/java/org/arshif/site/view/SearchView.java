package org.arshif.site.view;

/**
 * The search page. The client script finds its index through the page's data attributes.
 *
 * @param manifest      link to this language's search manifest
 * @param manifestData  that manifest's JSON, safe as the text of a {@code <script type="application/json">}
 *                      element (the client reads it instead of fetching the manifest); may be null
 * @param otherManifest link to the other language's manifest, for searching both at once; may be null
 * @param script        link to the client's entry module
 */
public record SearchView(String manifest, String manifestData, String otherLang, String otherManifest, String script) {}
