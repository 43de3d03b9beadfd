package org.arshif.site.view;

import java.util.List;

/** Years and months that have dispatches, newest first, with counts. */
public record ArchiveView(List<Period> years) {

    /** A year or a month. {@code months} is empty for a month. */
    public record Period(String label, String href, long count, String countLabel, List<Period> months) {}
}
