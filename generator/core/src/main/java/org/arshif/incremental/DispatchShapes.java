package org.arshif.incremental;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import org.arshif.content.Dispatch;
import org.arshif.internal.Fingerprint;
import org.arshif.site.SiteModel;

/**
 * What each dispatch of a build looked like to the pages other than its own: its identity (everything it was read
 * from) and its shape, a fingerprint of every component of the dispatch but its body. When the only dispatches
 * whose identity changed kept their shapes, the same dispatches are published in the same order, and the
 * site's global inputs are the same, the site model is the last one but for those bodies: an article page of
 * any other dispatch has the inputs it had (its cards, neighbours, related lists, story and translations are all
 * made of shapes), and so has every list, index and sitemap, so their fingerprints are the ones the page cache
 * holds, and need not be computed again. Only an article's own page reads its body, and the feeds (fingerprinted
 * as before, with the search pages, which name the index).
 *
 * <p>Kept in the page cache's manifest, so that the shapes always describe the build whose page fingerprints
 * are there.
 */
final class DispatchShapes {
    private static final Method[] COMPONENTS = components();

    private final String published;
    /** Sorted; {@code identities[i]} and {@code shapes[i]} are {@code paths[i]}'s ({@code ""}: no shape). */
    private final String[] paths;

    private final String[] identities;
    private final String[] shapes;

    private DispatchShapes(String published, String[] paths, String[] identities, String[] shapes) {
        this.published = published;
        this.paths = paths;
        this.identities = identities;
        this.shapes = shapes;
    }

    /**
     * The shapes of {@code dispatches}; a dispatch whose identity is the one {@code last} knows keeps the shape
     * it had there (equal identities, equal dispatches), and only the others are fingerprinted.
     *
     * @param sectionTexts the stamp of the section pages' titles and texts, which lists show beside the dispatches
     */
    static DispatchShapes of(
            List<Dispatch> dispatches,
            Map<String, String> identities,
            SiteModel model,
            String sectionTexts,
            DispatchShapes last) {
        List<Dispatch> sorted = new ArrayList<>(dispatches);
        sorted.sort(Comparator.comparing(Dispatch::path)); // the load's order already: one pass to see it
        int n = sorted.size();
        String[] paths = new String[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            paths[i] = sorted.get(i).path();
            ids[i] = identities.getOrDefault(paths[i], "");
        }
        // The last build's entry of each path: by place when the paths are the same (every build but one that
        // adds, deletes or renames a dispatch), else by a map.
        IntUnaryOperator lastAt = lastPlaces(paths, last);
        ModelHash hasher = new ModelHash();
        String[] shapes = new String[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int j = lastAt.applyAsInt(i);
            shapes[i] = j >= 0 && !ids[i].isEmpty() && ids[i].equals(last.identities[j])
                    ? last.shapes[j]
                    : shape(hasher, sorted.get(i));
        });
        return new DispatchShapes(published(model, sectionTexts), paths, ids, shapes);
    }

    private static IntUnaryOperator lastPlaces(String[] paths, DispatchShapes last) {
        if (last == null) {
            return i -> -1;
        }
        if (Arrays.equals(paths, last.paths)) {
            return i -> i;
        }
        Map<String, Integer> at = new HashMap<>(last.paths.length * 2);
        for (int j = 0; j < last.paths.length; j++) {
            at.put(last.paths[j], j);
        }
        return i -> at.getOrDefault(paths[i], -1);
    }

    /**
     * The dispatches whose article pages must be fingerprinted, against {@code last}: those whose identity
     * changed. Null when every page must be: no last shapes, another published list, a dispatch added or
     * removed, or one whose shape changed (or is unknown).
     */
    Set<String> changedSince(DispatchShapes last) {
        if (last == null || !published.equals(last.published) || !Arrays.equals(paths, last.paths)) {
            return null;
        }
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < paths.length; i++) {
            if (identities[i].isEmpty() || !identities[i].equals(last.identities[i])) {
                if (shapes[i].isEmpty() || !shapes[i].equals(last.shapes[i])) {
                    return null;
                }
                changed.add(paths[i]);
            }
        }
        return changed;
    }

    /**
     * The structure of the archive these shapes describe, with {@code base} (the site's global inputs): every
     * dispatch's path and shape, and the published list. Null when a dispatch has no shape.
     */
    String structure(String base) {
        Fingerprint f = new Fingerprint().text(base).text(published).number(paths.length);
        for (int i = 0; i < paths.length; i++) {
            if (shapes[i].isEmpty()) {
                return null;
            }
            f.text(paths[i]).text(shapes[i]);
        }
        return f.finish().hex();
    }

    void write(DataOutputStream out) throws IOException {
        LongText.write(out, published);
        out.writeInt(paths.length);
        for (int i = 0; i < paths.length; i++) {
            LongText.write(out, paths[i]);
            LongText.write(out, identities[i]);
            LongText.write(out, shapes[i]);
        }
    }

    static DispatchShapes read(DataInputStream in) throws IOException {
        String published = LongText.read(in);
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("a negative count of dispatch shapes");
        }
        String[] paths = new String[n];
        String[] ids = new String[n];
        String[] shapes = new String[n];
        for (int i = 0; i < n; i++) {
            paths[i] = LongText.read(in);
            ids[i] = LongText.read(in);
            shapes[i] = LongText.read(in);
            if (i > 0 && paths[i - 1].compareTo(paths[i]) >= 0) {
                throw new IOException("dispatch shapes out of order");
            }
        }
        return new DispatchShapes(published, paths, ids, shapes);
    }

    /** The published articles of each language, in the model's order, and what the sections' lists say of them. */
    private static String published(SiteModel model, String sectionTexts) {
        Fingerprint f = new Fingerprint().text(sectionTexts);
        for (String lang : model.languages()) {
            f.text(lang);
            List<Dispatch> articles = model.articles(lang);
            f.number(articles.size());
            for (Dispatch d : articles) {
                f.text(d.path());
            }
        }
        return f.finish().hex();
    }

    /**
     * Every component of the dispatch but its body, by name; maps whose order is the JVM's (copied maps) are
     * walked sorted, so that equal dispatches have one shape from one run to the next.
     */
    static String shape(ModelHash hasher, Dispatch d) {
        List<Object> parts = new ArrayList<>(COMPONENTS.length * 2);
        try {
            for (Method accessor : COMPONENTS) {
                Object value = accessor.invoke(d);
                parts.add(accessor.getName());
                parts.add(value instanceof Map<?, ?> map ? sorted(map) : value);
            }
            return hasher.of("dispatch-shape", parts);
        } catch (IllegalAccessException | InvocationTargetException | ModelHash.Unhashable e) {
            return "";
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Method[] components() {
        List<Method> out = new ArrayList<>();
        for (RecordComponent c : Dispatch.class.getRecordComponents()) {
            if (!c.getName().equals("body")) {
                out.add(c.getAccessor());
            }
        }
        return out.toArray(new Method[0]);
    }
}
