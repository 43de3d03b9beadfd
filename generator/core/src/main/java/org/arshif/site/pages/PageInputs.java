package org.arshif.site.pages;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.arshif.content.Dispatch;

/**
 * How page inputs name what a page is made of (incremental builds). A page's inputs plus the plan's global inputs
 * must determine its view model: whatever a kind's view model reads from a dispatch, the model or the plan must be
 * in the kind's inputs, or in the global ones. A dispatch is named by its identity (a fingerprint of everything it
 * was read from); a card by what {@link Views#card} reads. IncrementalBuildTest compares incremental builds with
 * clean ones after every kind of edit.
 */
final class PageInputs {
    private final Function<Dispatch, String> identities;
    private final Map<String, SharedInput> cards = new ConcurrentHashMap<>();

    /** @param identities names each dispatch; null when pages have no inputs */
    PageInputs(Function<Dispatch, String> identities) {
        this.identities = identities;
    }

    boolean enabled() {
        return identities != null;
    }

    String identity(Dispatch d) {
        String id = identities == null ? null : identities.apply(d);
        if (id == null) {
            throw new IllegalStateException("no identity for " + d.path());
        }
        return id;
    }

    /** Everything a card reads from its dispatch, shared: a card is on many pages. */
    SharedInput card(Dispatch d) {
        return cards.computeIfAbsent(
                d.path(),
                k -> new SharedInput(Arrays.asList(
                        d.path(),
                        d.title(),
                        d.slug(),
                        d.lang(),
                        d.date().toString(),
                        d.dateline(),
                        d.summary(),
                        d.tags(),
                        d.section(),
                        d.permalink(),
                        d.wire().arabicMonths())));
    }
}
