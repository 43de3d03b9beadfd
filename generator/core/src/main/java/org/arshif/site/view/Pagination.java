package org.arshif.site.view;

import java.util.List;

/**
 * Where a list page stands among its pages. {@code previous} and {@code next} are null at the ends; {@code archive}
 * is set on the last page of a list that shows only its newest items (the home), linking where the rest are.
 */
public record Pagination(int page, int total, String previous, String next, List<PageLink> pages, String archive) {

    public Pagination(int page, int total, String previous, String next, List<PageLink> pages) {
        this(page, total, previous, next, pages, null);
    }

    /** One numbered page link; a gap in the window of links has number 0 and no href. */
    public record PageLink(int number, String label, String href, boolean current) {}

    public boolean paged() {
        return total > 1;
    }
}
