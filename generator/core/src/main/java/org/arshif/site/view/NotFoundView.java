package org.arshif.site.view;

import java.util.List;

/** The 404 page, with a section in each language. */
public record NotFoundView(List<Section> sections) {

    /** One language's message. */
    public record Section(
            String lang,
            String dir,
            String title,
            String message,
            String homeHref,
            String homeLabel,
            String searchHref,
            String searchLabel) {}
}
