package org.arshif.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.arshif.content.Dispatch;

/** The copy-on-write pieces of {@link SiteModel#replacing}: what keeps a dispatch in place, and list swaps. */
final class ModelPatches {
    private ModelPatches() {}

    /** Whether {@code b}, a new reading of {@code a}'s file, takes {@code a}'s place in every list of the model. */
    static boolean samePlace(Dispatch a, Dispatch b) {
        return a.path().equals(b.path())
                && a.lang().equals(b.lang())
                && a.date().equals(b.date())
                && a.tags().equals(b.tags())
                && a.tagLabels().equals(b.tagLabels())
                && a.meta().categories().equals(b.meta().categories())
                && a.section().equals(b.section())
                && a.source().equals(b.source())
                && a.translationGroup().equals(b.translationGroup())
                && a.draft() == b.draft()
                && Objects.equals(a.meta().expiry(), b.meta().expiry())
                && Objects.equals(a.meta().publish(), b.meta().publish());
    }

    /** A copy of {@code lists} (same order) whose lists under {@code keys} no longer hold {@code before}. */
    static <K> NavigableMap<K, List<Dispatch>> swappedIn(
            NavigableMap<K, List<Dispatch>> lists, Collection<K> keys, Dispatch before, Dispatch after) {
        NavigableMap<K, List<Dispatch>> copy = new TreeMap<>(lists);
        keys.forEach(key -> copy.put(key, swapped(lists.get(key), before, after)));
        return copy;
    }

    static List<Dispatch> swapped(List<Dispatch> list, Dispatch before, Dispatch after) {
        List<Dispatch> copy = new ArrayList<>(list);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) == before) {
                copy.set(i, after);
            }
        }
        return copy;
    }
}
