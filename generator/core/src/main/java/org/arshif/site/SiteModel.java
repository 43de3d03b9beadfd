package org.arshif.site;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.arshif.config.SectionSettings;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchMeta;
import org.arshif.content.HugoPaths;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostics;

/**
 * The in-memory library the site is built from: published dispatches per language, newest first, with their
 * translations, tags and archives indexed. Immutable once built; every list is sorted, so iteration is
 * deterministic.
 */
public final class SiteModel {
    /**
     * Newest first by instant; the source path breaks ties so the order never depends on the file system.
     * Allocation-free, since archives sort hundreds of thousands. (The model's own lists then let dispatches of
     * one instant take turns by source: {@link SameDayOrder}.)
     */
    public static final Comparator<Dispatch> NEWEST_FIRST = (a, b) -> {
        int c = Long.compare(b.date().toEpochSecond(), a.date().toEpochSecond());
        if (c == 0) {
            c = Integer.compare(b.date().getNano(), a.date().getNano());
        }
        return c != 0 ? c : a.path().compareTo(b.path());
    };

    private static final int RELATED_WINDOW = 12;

    private final SiteConfig config;
    private final TagVocabulary vocabulary;
    private final Map<String, List<Dispatch>> byLang = new LinkedHashMap<>();
    private final Map<String, Map<String, Dispatch>> translations;
    private final Map<String, NavigableMap<String, List<Dispatch>>> tags = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Integer, List<Dispatch>>> years = new LinkedHashMap<>();
    private final Map<String, NavigableMap<YearMonth, List<Dispatch>>> months = new LinkedHashMap<>();
    // Each section's dispatches, those of the sections below it included, by section path.
    private final Map<String, NavigableMap<String, List<Dispatch>>> sections = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tagLabels = new HashMap<>();
    private Categories categories;
    // Identity maps: a record's hashCode would hash the whole body.
    private final Map<Dispatch, Integer> positionInLanguage;
    // Places of dispatches swapped in by replacing(), over the shared map above (copying it per edit cost most).
    private final Map<Dispatch, Integer> swappedPlaces;
    // For related(): each tag's dispatches as places in their language's list, and each place's date in seconds.
    private final Map<String, Map<String, int[]>> tagPlaces = new HashMap<>();
    private final Map<String, long[]> epochSeconds = new HashMap<>();
    // The first instant after the build's clock at which a dispatch's date or expiry changes what is published.
    private Instant nextChange = Instant.MAX;

    private SiteModel(SiteConfig config, TagVocabulary vocabulary, int dispatches) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.translations = new HashMap<>();
        this.positionInLanguage = new IdentityHashMap<>(dispatches); // sized once: no rehash of 16,000 entries
        this.swappedPlaces = Map.of();
        this.categories = new Categories(config.languages());
    }

    /** A copy of {@code from} whose maps can be changed without changing it; its lists are shared. */
    private SiteModel(SiteModel from) {
        this.config = from.config;
        this.vocabulary = from.vocabulary;
        this.translations = new HashMap<>(from.translations);
        this.positionInLanguage = from.positionInLanguage;
        this.swappedPlaces = new IdentityHashMap<>(from.swappedPlaces);
        this.nextChange = from.nextChange;
        this.categories = from.categories;
        byLang.putAll(from.byLang);
        tags.putAll(from.tags);
        years.putAll(from.years);
        months.putAll(from.months);
        sections.putAll(from.sections);
        tagLabels.putAll(from.tagLabels);
        tagPlaces.putAll(from.tagPlaces);
        epochSeconds.putAll(from.epochSeconds);
    }

    /**
     * Builds the library from every dispatch read, leaving out drafts and future dispatches unless asked for
     * (expired ones, past Hugo's {@code expiryDate}, go with the drafts),
     * and reporting dispatches that claim the same URL or the same translation slot.
     */
    public static SiteModel build(
            SiteConfig config,
            TagVocabulary vocabulary,
            List<Dispatch> all,
            boolean drafts,
            boolean future,
            Instant now,
            Diagnostics diagnostics) {
        SiteModel m = new SiteModel(config, vocabulary, all.size());
        for (String lang : config.languages()) {
            m.byLang.put(lang, new ArrayList<>());
            m.tags.put(lang, new TreeMap<>());
            m.years.put(lang, new TreeMap<>(Comparator.reverseOrder()));
            m.months.put(lang, new TreeMap<>(Comparator.reverseOrder()));
            m.sections.put(lang, new TreeMap<>());
        }
        for (Dispatch d : TranslationPairs.claim(published(all, drafts, future, now, m), diagnostics)) {
            m.add(d);
        }
        for (String lang : config.languages()) {
            m.index(lang);
        }
        return m;
    }

    /** What is published, newest first: sorted by keys computed once per dispatch, not per comparison. */
    private static List<Dispatch> published(
            List<Dispatch> all, boolean drafts, boolean future, Instant now, SiteModel m) {
        List<Keyed> keyed = new ArrayList<>(all.size());
        for (Dispatch d : all) {
            m.noteChange(d.date().toInstant(), now);
            if (d.meta().expiry() != null) {
                m.noteChange(d.meta().expiry().toInstant(), now);
            }
            if (d.meta().publish() != null) {
                m.noteChange(d.meta().publish().toInstant(), now);
            }
            if ((d.draft() || d.meta().expiredAt(now)) && !drafts
                    || DispatchMeta.publishedFrom(d.date(), d.meta()).isAfter(now) && !future) {
                continue;
            }
            keyed.add(new Keyed(d.date().toEpochSecond(), d.date().getNano(), d));
        }
        keyed.sort(Keyed.ORDER);
        List<Dispatch> published = new ArrayList<>(keyed.size());
        keyed.forEach(k -> published.add(k.dispatch()));
        SameDayOrder.interleave(published);
        return published;
    }

    private void add(Dispatch d) {
        translations.computeIfAbsent(d.translationGroup(), k -> new TreeMap<>()).put(d.lang(), d);
        List<Dispatch> list = byLang.get(d.lang());
        positionInLanguage.put(d, list.size());
        list.add(d);
        for (String tag : d.tags()) {
            tags.get(d.lang()).computeIfAbsent(tag, k -> new ArrayList<>()).add(d);
            String label = d.tagLabels().get(tag);
            if (label != null) {
                tagLabels.computeIfAbsent(tag, k -> new TreeMap<>()).putIfAbsent(d.lang(), label);
            }
        }
        years.get(d.lang())
                .computeIfAbsent(d.date().getYear(), k -> new ArrayList<>())
                .add(d);
        months.get(d.lang())
                .computeIfAbsent(YearMonth.of(d.date().getYear(), d.date().getMonthValue()), k -> new ArrayList<>())
                .add(d);
        for (String s = d.section(); !s.isEmpty(); s = SectionSettings.parent(s)) {
            sections.get(d.lang()).computeIfAbsent(s, k -> new ArrayList<>()).add(d);
        }
        categories.add(d);
    }

    private void noteChange(Instant at, Instant now) {
        if (at.isAfter(now) && at.isBefore(nextChange)) {
            nextChange = at;
        }
    }

    /**
     * This model with one published dispatch replaced by a new reading of its file that takes the same place in
     * every list (same path, language, instant, tags, categories, section, source, translation group, draft and
     * expiry), for the preview's edits: the lists that hold it are copied, the rest is shared. Null when the new
     * reading would move it, or when the clock {@code now} has passed a date or expiry since the build: then build
     * anew.
     */
    public SiteModel replacing(Dispatch before, Dispatch after, Instant now) {
        Integer place = place(before);
        boolean stale = swappedPlaces.size() >= 1024 || !now.isBefore(nextChange);
        if (place == null || stale || !ModelPatches.samePlace(before, after)) {
            return null;
        }
        SiteModel m = new SiteModel(this);
        m.swappedPlaces.remove(before);
        m.swappedPlaces.put(after, place);
        Map<String, Dispatch> group = new TreeMap<>(translations.get(before.translationGroup()));
        group.put(after.lang(), after);
        m.translations.put(after.translationGroup(), group);
        m.byLang.put(after.lang(), ModelPatches.swapped(byLang.get(after.lang()), before, after));
        String lang = after.lang();
        m.tags.put(lang, ModelPatches.swappedIn(tags.get(lang), after.tags(), before, after));
        int year = after.date().getYear();
        m.years.put(lang, ModelPatches.swappedIn(years.get(lang), List.of(year), before, after));
        YearMonth month = YearMonth.of(after.date().getYear(), after.date().getMonthValue());
        m.months.put(lang, ModelPatches.swappedIn(months.get(lang), List.of(month), before, after));
        NavigableMap<String, List<Dispatch>> own = sections.get(lang);
        m.sections.put(lang, ModelPatches.swappedIn(own, own.keySet(), before, after));
        m.categories = categories.replacing(before, after);
        return m;
    }

    /** Dates in seconds and tags as positions in the language's list, for related dispatches. */
    private void index(String lang) {
        List<Dispatch> list = byLang.get(lang);
        long[] seconds = new long[list.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = list.get(i).date().toEpochSecond();
        }
        epochSeconds.put(lang, seconds);
        Map<String, int[]> places = new HashMap<>();
        tags.get(lang)
                .forEach((tag, tagged) -> places.put(
                        tag, tagged.stream().mapToInt(positionInLanguage::get).toArray()));
        tagPlaces.put(lang, places);
    }

    /** A dispatch with its sort key: newest first, then by source path. */
    private record Keyed(long seconds, int nanos, Dispatch dispatch) {
        static final Comparator<Keyed> ORDER = (a, b) -> {
            int c = Long.compare(b.seconds, a.seconds);
            if (c == 0) {
                c = Integer.compare(b.nanos, a.nanos);
            }
            return c != 0 ? c : a.dispatch.path().compareTo(b.dispatch.path());
        };
    }

    public SiteConfig config() {
        return config;
    }

    public List<String> languages() {
        return config.languages();
    }

    /** Published dispatches of a language, newest first. */
    public List<Dispatch> articles(String lang) {
        return Collections.unmodifiableList(byLang.getOrDefault(lang, List.of()));
    }

    public int size() {
        return byLang.values().stream().mapToInt(List::size).sum();
    }

    /** The dispatch's translation into another language, if there is one. */
    public Optional<Dispatch> translation(Dispatch d, String lang) {
        Map<String, Dispatch> group = translations.get(d.translationGroup());
        return group == null ? Optional.empty() : Optional.ofNullable(group.get(lang));
    }

    public NavigableMap<String, List<Dispatch>> tags(String lang) {
        return Collections.unmodifiableNavigableMap(tags.get(lang));
    }

    /** Hugo's categories of the published dispatches, per language. */
    public Categories categories() {
        return categories;
    }

    public NavigableMap<Integer, List<Dispatch>> years(String lang) {
        return Collections.unmodifiableNavigableMap(years.get(lang));
    }

    public NavigableMap<YearMonth, List<Dispatch>> months(String lang) {
        return Collections.unmodifiableNavigableMap(months.get(lang));
    }

    /** Each section's dispatches, newest first, by section path; a section includes the sections below it. */
    public NavigableMap<String, List<Dispatch>> sections(String lang) {
        return Collections.unmodifiableNavigableMap(sections.get(lang));
    }

    /** A section's name in a language: the {@code sections:} label in arshif.yml, else its folder name as written. */
    public String sectionName(String section, String lang) {
        return HugoPaths.sectionName(
                config, section, lang, () -> sections.get(lang).get(section));
    }

    /** A source's name in a language: the {@code sources:} label in arshif.yml, else as written. */
    public String sourceName(String source, String lang) {
        return config.sections().sourceName(source, lang, config.languages());
    }

    /** Tag name in a language: the vocabulary's, else as an editor wrote it, else the key. */
    public String tagName(String key, String lang) {
        Optional<TagVocabulary.Tag> known = vocabulary.tag(key);
        if (known.isPresent() && known.get().names().containsKey(lang)) {
            return known.get().names().get(lang);
        }
        Map<String, String> labels = tagLabels.get(key);
        if (labels != null) {
            String label = labels.get(lang);
            return label != null ? label : labels.values().iterator().next();
        }
        return known.flatMap(t -> t.names().values().stream().findFirst()).orElse(key);
    }

    public TagVocabulary vocabulary() {
        return vocabulary;
    }

    /** The place of a published dispatch in its language's list, or null. */
    private Integer place(Dispatch d) {
        Integer swapped = swappedPlaces.get(d);
        return swapped != null ? swapped : positionInLanguage.get(d);
    }

    /** The next older dispatch in the same language, or null. */
    public Dispatch older(Dispatch d) {
        List<Dispatch> list = byLang.get(d.lang());
        int i = place(d);
        return i + 1 < list.size() ? list.get(i + 1) : null;
    }

    /** The next newer dispatch in the same language, or null. */
    public Dispatch newer(Dispatch d) {
        List<Dispatch> list = byLang.get(d.lang());
        int i = place(d);
        return i > 0 ? list.get(i - 1) : null;
    }

    /**
     * Dispatches that share tags with {@code d}, most shared tags first, then closest in time. Only a window of
     * neighbours in each tag's date-sorted list is considered, so the cost does not grow with the archive.
     */
    public List<Dispatch> related(Dispatch d, int count) {
        if (count == 0 || d.tags().isEmpty()) {
            return List.of();
        }
        // Dispatches are named by their place in the language's newest-first list: tag lists are ascending
        // runs of those places, so finding d and counting shared tags are plain int operations.
        Integer self = place(d);
        if (self == null) {
            return List.of();
        }
        int[] found = new int[d.tags().size() * (2 * RELATED_WINDOW + 1)];
        int n = 0;
        for (String tag : d.tags()) {
            int[] places = tagPlaces.get(d.lang()).get(tag);
            int at = Arrays.binarySearch(places, self);
            for (int i = Math.max(0, at - RELATED_WINDOW); i < Math.min(places.length, at + RELATED_WINDOW + 1); i++) {
                if (places[i] != self) {
                    found[n++] = places[i];
                }
            }
        }
        Arrays.sort(found, 0, n);
        long[] seconds = epochSeconds.get(d.lang());
        List<Dispatch> list = byLang.get(d.lang());
        // Only the best `count` are kept, in order: sorting every candidate was most of the cost.
        int limit = Math.min(count, n);
        Candidate[] best = new Candidate[limit];
        int kept = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && found[j] == found[i]) {
                j++;
            }
            Candidate c = new Candidate(list.get(found[i]), j - i, Math.abs(seconds[found[i]] - seconds[self]));
            if (kept < limit || limit > 0 && Candidate.compare(c, best[kept - 1]) < 0) {
                int at = kept < limit ? kept++ : kept - 1;
                for (; at > 0 && Candidate.compare(c, best[at - 1]) < 0; at--) {
                    best[at] = best[at - 1];
                }
                best[at] = c;
            }
            i = j;
        }
        List<Dispatch> out = new ArrayList<>(kept);
        for (int k = 0; k < kept; k++) {
            out.add(best[k].dispatch());
        }
        return Collections.unmodifiableList(out);
    }

    /** A related dispatch: how many tags it shares, and how far apart in time (seconds), computed once. */
    private record Candidate(Dispatch dispatch, int sharedTags, long distance) {
        /**
         * Most shared tags first, then closest in time, then by source path; plain code, since a chain of
         * comparators built from lambdas cost more than the rest of related() together.
         */
        static int compare(Candidate a, Candidate b) {
            int c = Integer.compare(b.sharedTags, a.sharedTags);
            if (c == 0) {
                c = Long.compare(a.distance, b.distance);
            }
            return c != 0 ? c : a.dispatch.path().compareTo(b.dispatch.path());
        }
    }
}
