package org.arshif.site.pages;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A page to render: its site path, kind, the dispatch that makes it ({@code ""} for pages the site generates),
 * a recipe for its view model, and optionally a recipe for its inputs: a small value that, with the plan's global
 * inputs, determines the view model, so that an incremental build can tell whether the page changed without
 * building and walking the model (null: use the model).
 */
public record PageJob(
        String sitePath, PageKind kind, String owner, Supplier<Map<String, Object>> model, Supplier<Object> inputs) {

    /** The theme's template for this page. */
    public String template() {
        return kind.template();
    }
}
