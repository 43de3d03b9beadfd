package org.arshif.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.arshif.content.Dispatch;
import org.arshif.content.Slugs;

/**
 * Hugo's categories of a site's published dispatches: per language (categories are written per language, as
 * Hugo's are), each category's dispatches newest first, under its key, and its name. A key is made from a name as
 * a tag's key is ({@link Slugs#tagKey}: {@code Politics} and {@code politics} are one category); the name shown is
 * the newest dispatch's spelling. Filled once, in the model's order, then read only; {@link #replacing} copies.
 */
public final class Categories {
    private final Map<String, NavigableMap<String, List<Dispatch>>> lists = new LinkedHashMap<>();
    // By language, then key: the name as the newest dispatch wrote it.
    private final Map<String, Map<String, String>> names = new HashMap<>();

    Categories(List<String> languages) {
        for (String lang : languages) {
            lists.put(lang, new TreeMap<>());
            names.put(lang, new HashMap<>());
        }
    }

    /** A copy whose maps can be changed without changing {@code from}; its lists are shared. */
    private Categories(Categories from) {
        lists.putAll(from.lists);
        names.putAll(from.names);
    }

    /** The keys of a dispatch's categories, in the order written, each once. */
    public static List<String> keys(Dispatch d) {
        List<String> written = d.meta().categories();
        if (written.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String name : written) {
            String key = Slugs.tagKey(name);
            if (!key.isEmpty()) { // reported when read; never a page at /<lang>/categories//
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    /** Adds a published dispatch; dispatches come newest first. */
    void add(Dispatch d) {
        List<String> written = d.meta().categories();
        for (String name : written) {
            String key = Slugs.tagKey(name);
            if (!key.isEmpty()) {
                names.get(d.lang()).putIfAbsent(key, name);
            }
        }
        for (String key : keys(d)) {
            lists.get(d.lang()).computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
    }

    /** These categories with {@code after} in {@code before}'s place: both in the same categories, same names. */
    Categories replacing(Dispatch before, Dispatch after) {
        List<String> keys = keys(after);
        if (keys.isEmpty()) {
            return this;
        }
        Categories c = new Categories(this);
        c.lists.put(after.lang(), ModelPatches.swappedIn(lists.get(after.lang()), keys, before, after));
        return c;
    }

    /** A language's categories, by key, each with its dispatches newest first. */
    public NavigableMap<String, List<Dispatch>> of(String lang) {
        return Collections.unmodifiableNavigableMap(lists.get(lang));
    }

    /** A category's name in a language, or its key when the language has no such category. */
    public String name(String key, String lang) {
        return names.get(lang).getOrDefault(key, key);
    }
}
