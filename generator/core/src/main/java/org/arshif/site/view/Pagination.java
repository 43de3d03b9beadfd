package org.arshif.site.view;

import java.util.List;

/** Where a list page stands among its pages. {@code previous} and {@code next} are null at the ends. */
public record Pagination(int page, int total, String previous, String next, List<PageLink> pages) {

    /** One numbered page link; a gap in the window of links has number 0 and no href. */
    public record PageLink(int number, String label, String href, boolean current) {
    }

    public boolean paged() {
        return total > 1;
    }
}
