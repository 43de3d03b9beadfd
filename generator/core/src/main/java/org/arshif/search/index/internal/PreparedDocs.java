package org.arshif.search.index.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a live server's last write made of each input document, by the key of its inputs ({@link Documents.Prepared}):
 * found for the next write's documents by place first (an edit leaves every other document's key where it was), so
 * that an edit neither looks up nor gathers 10,000 keys in a map, as a map by key did on every write.
 *
 * @param keys     the last write's key of each input document, by its place in the input
 * @param bySource what was made of each, by the same place
 */
record PreparedDocs(List<?> keys, Documents.Prepared[] bySource) {
    /** Beyond this many documents out of place, they are found through a map of the keys; below, by a scan. */
    static final int SCANNED = 32;

    static final PreparedDocs NONE = new PreparedDocs(List.of(), new Documents.Prepared[0]);

    /**
     * Per place in {@code now} (keys of the next write's input; null entries: none), what the last write made of an
     * equal key, or null.
     */
    Documents.Prepared[] find(List<?> now) {
        int n = now.size();
        Documents.Prepared[] found = new Documents.Prepared[n];
        int[] missed = new int[Math.min(n, SCANNED + 1)];
        int misses = 0;
        for (int s = 0; s < n && misses <= SCANNED; s++) {
            Object key = now.get(s);
            if (key != null && s < keys.size() && key.equals(keys.get(s))) {
                found[s] = bySource[s];
            } else if (key != null) {
                if (misses < missed.length) {
                    missed[misses] = s;
                }
                misses++;
            }
        }
        if (misses > SCANNED) {
            return byMap(now);
        }
        for (int m = 0; m < misses; m++) {
            found[missed[m]] = scan(now.get(missed[m]));
        }
        return found;
    }

    /** The last write's document of an equal key, looked for in every place (an edit moves one or two). */
    private Documents.Prepared scan(Object key) {
        for (int s = 0; s < keys.size(); s++) {
            if (key.equals(keys.get(s))) {
                return bySource[s];
            }
        }
        return null;
    }

    private Documents.Prepared[] byMap(List<?> now) {
        Map<Object, Documents.Prepared> byKey = new HashMap<>(keys.size() * 2);
        for (int s = 0; s < keys.size(); s++) {
            if (keys.get(s) != null) {
                byKey.put(keys.get(s), bySource[s]);
            }
        }
        Documents.Prepared[] found = new Documents.Prepared[now.size()];
        for (int s = 0; s < found.length; s++) {
            Object key = now.get(s);
            found[s] = key == null ? null : byKey.get(key);
        }
        return found;
    }
}
