package org.arshif.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How sections are addressed and named: the {@code permalinks}, {@code sections} and {@code sources} keys of
 * {@code arshif.yml}. Maps are sorted, so that fingerprints of the configuration do not depend on hash order.
 *
 * @param permalinks URL patterns by target: a section path ({@code economy}, {@code economy/gulf}), a language
 *                   ({@code ar}) or both ({@code ar/economy})
 * @param sections   reader-facing names of sections, by section path or folder name, then language
 * @param sources    reader-facing names of {@code source:} values, by value, then language
 * @param places     where {@code arshif.yml} writes each key of the three, as {@code table/key} ({@code
 *                   sections/economy}): for findings made once the dispatches are read ({@link KeyPlace}); not a
 *                   setting, so {@link #withoutPlaces} is what pages depend on
 */
public record SectionSettings(
        SortedMap<String, String> permalinks,
        SortedMap<String, SortedMap<String, String>> sections,
        SortedMap<String, SortedMap<String, String>> sources,
        SortedMap<String, KeyPlace> places) {

    /** A key's line and column in {@code arshif.yml}. */
    public record KeyPlace(int line, int column) {}

    /** Sections below the language folder, then year, month and file name: today's URL when there is no section. */
    public static final String DEFAULT_PERMALINK = "/:sections/:year/:month/:slug/";

    /**
     * The default in a section for a slug that is only a number ({@code 2015-07-21-0001.md}): sources number their
     * files per day, so the number needs its day.
     */
    public static final String DEFAULT_NUMBERED_PERMALINK = "/:sections/:year/:month/:day/:slug/";

    /** The tokens a permalink pattern may use, as Hugo names them. */
    public static final List<String> TOKENS = List.of(
            ":year", ":month", ":day", ":section", ":sections", ":slug", ":filename", ":slugorfilename", ":title");

    public SectionSettings {
        permalinks = Collections.unmodifiableSortedMap(new TreeMap<>(permalinks));
        sections = sortedLabels(sections);
        sources = sortedLabels(sources);
        places = Collections.unmodifiableSortedMap(new TreeMap<>(places));
    }

    /** The settings from maps in any order. */
    public static SectionSettings of(
            Map<String, String> permalinks,
            Map<String, ? extends Map<String, String>> sections,
            Map<String, ? extends Map<String, String>> sources) {
        return new SectionSettings(
                new TreeMap<>(permalinks), sortedLabels(sections), sortedLabels(sources), new TreeMap<>());
    }

    /** These settings, with where {@code arshif.yml} writes each key. */
    public SectionSettings withPlaces(Map<String, KeyPlace> keyPlaces) {
        return new SectionSettings(permalinks, sections, sources, new TreeMap<>(keyPlaces));
    }

    /** These settings without their places: what pages depend on (a comment above a key moves no page). */
    public SectionSettings withoutPlaces() {
        return new SectionSettings(permalinks, sections, sources, new TreeMap<>());
    }

    public static SectionSettings none() {
        return of(Map.of(), Map.of(), Map.of());
    }

    private static SortedMap<String, SortedMap<String, String>> sortedLabels(
            Map<String, ? extends Map<String, String>> labels) {
        SortedMap<String, SortedMap<String, String>> out = new TreeMap<>();
        labels.forEach((key, names) -> out.put(key, Collections.unmodifiableSortedMap(new TreeMap<>(names))));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * The pattern for a dispatch: the most specific target wins, a language and section over a section, a deeper
     * section over its parent, a section over a language, a language over the default.
     *
     * @param section the section path, {@code ""} for none
     */
    public String permalink(String lang, String section) {
        return configured(lang, section).orElse(DEFAULT_PERMALINK);
    }

    /** The pattern {@code permalinks} sets for a dispatch (see {@link #permalink}), or empty for the default. */
    public Optional<String> configured(String lang, String section) {
        for (String s = section; !s.isEmpty(); s = parent(s)) {
            String found = permalinks.get(lang + "/" + s);
            if (found == null) {
                found = permalinks.get(s);
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.ofNullable(permalinks.get(lang));
    }

    /** The section path's last folder ({@code gulf} of {@code economy/gulf}): a {@code sections} key may name it. */
    public static String folder(String section) {
        return section.substring(section.lastIndexOf('/') + 1);
    }

    /** The section path without its last folder, {@code ""} at the top. */
    public static String parent(String section) {
        int slash = section.lastIndexOf('/');
        return slash < 0 ? "" : section.substring(0, slash);
    }

    /**
     * A section's name in a language, labelled by its path ({@code economy/gulf}) or else by its folder's name
     * ({@code gulf}); see {@link #label}.
     */
    public String sectionName(String section, String lang, List<String> languages) {
        String folder = folder(section);
        return label(sections, folder, sections.containsKey(section) ? section : folder, lang, languages);
    }

    /** A source's name in a language; see {@link #label}. */
    public String sourceName(String source, String lang, List<String> languages) {
        return label(sources, source, source, lang, languages);
    }

    /**
     * The label in the page's language; else in another language of the site (so an Arabic page shows the English
     * name before the Latin key); else the key as written.
     */
    private static String label(
            SortedMap<String, SortedMap<String, String>> table,
            String fallback,
            String key,
            String lang,
            List<String> languages) {
        SortedMap<String, String> names = table.get(key);
        if (names == null) {
            return fallback;
        }
        String name = names.get(lang);
        if (name != null) {
            return name;
        }
        for (String l : languages) {
            if (names.containsKey(l)) {
                return names.get(l);
            }
        }
        return names.isEmpty() ? fallback : names.get(names.firstKey());
    }
}
