package org.arshif.site;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
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
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostics;

/**
 * The in-memory library the site is built from: published dispatches per language, newest first, with their
 * translations, tags and archives indexed. Immutable once built; every list is sorted, so iteration is
 * deterministic.
 */
public final class SiteModel {
    /** Newest first; the source path breaks ties so the order never depends on the file system. */
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
    private final Map<String, Map<String, Dispatch>> translations = new HashMap<>();
    private final Map<String, NavigableMap<String, List<Dispatch>>> tags = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Integer, List<Dispatch>>> years = new LinkedHashMap<>();
    private final Map<String, NavigableMap<YearMonth, List<Dispatch>>> months = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tagLabels = new HashMap<>();
    // Identity maps: a record's hashCode would hash the whole body.
    private final Map<Dispatch, Integer> positionInLanguage = new IdentityHashMap<>();
    // Publication time (epoch seconds) by position in its language's list, for related().
    private final Map<String, long[]> epochs = new HashMap<>();

    private SiteModel(SiteConfig config, TagVocabulary vocabulary) {
        this.config = config;
        this.vocabulary = vocabulary;
    }

    /**
     * Builds the library from every dispatch read, leaving out drafts and future dispatches unless asked for,
     * and reporting dispatches that claim the same URL or the same translation slot.
     */
    public static SiteModel build(SiteConfig config, TagVocabulary vocabulary, List<Dispatch> all,
                                  boolean drafts, boolean future, Instant now, Diagnostics diagnostics) {
        SiteModel m = new SiteModel(config, vocabulary);
        // Sorted by keys computed once per dispatch (NEWEST_FIRST's order), not per comparison.
        List<Keyed> keyed = new ArrayList<>(all.size());
        for (Dispatch d : all) {
            if (d.draft() && !drafts) {
                continue;
            }
            if (d.date().toInstant().isAfter(now) && !future) {
                continue;
            }
            keyed.add(new Keyed(d.date().toEpochSecond(), d.date().getNano(), d));
        }
        keyed.sort(Keyed.ORDER);
        List<Dispatch> published = new ArrayList<>(keyed.size());
        keyed.forEach(k -> published.add(k.dispatch()));
        for (String lang : config.languages()) {
            m.byLang.put(lang, new ArrayList<>());
            m.tags.put(lang, new TreeMap<>());
            m.years.put(lang, new TreeMap<>(Comparator.reverseOrder()));
            m.months.put(lang, new TreeMap<>(Comparator.reverseOrder()));
        }
        Map<String, Dispatch> translationSlots = new HashMap<>();
        for (Dispatch d : published) {
            String slot = d.translationGroup() + "\u0000" + d.lang();
            Dispatch other = translationSlots.putIfAbsent(slot, d);
            if (other != null) {
                String what = d.translationGroup().startsWith("key:")
                        ? "translationKey '" + d.translationGroup().substring(4) + "'"
                        : "the translation path '" + d.translationGroup().substring(5) + "'";
                Dispatch.Position p = d.position("translationKey");
                diagnostics.error(d.path(), p.line(), p.column(), "this " + d.lang() + " dispatch and " + other.path()
                        + " both claim " + what + "; give one of them a different translationKey or file name");
                continue;
            }
            m.translations.computeIfAbsent(d.translationGroup(), k -> new TreeMap<>()).put(d.lang(), d);
            List<Dispatch> list = m.byLang.get(d.lang());
            m.positionInLanguage.put(d, list.size());
            list.add(d);
            for (String tag : d.tags()) {
                m.tags.get(d.lang()).computeIfAbsent(tag, k -> new ArrayList<>()).add(d);
                String label = d.tagLabels().get(tag);
                if (label != null) {
                    m.tagLabels.computeIfAbsent(tag, k -> new TreeMap<>()).putIfAbsent(d.lang(), label);
                }
            }
            m.years.get(d.lang()).computeIfAbsent(d.date().getYear(), k -> new ArrayList<>()).add(d);
            m.months.get(d.lang()).computeIfAbsent(YearMonth.of(d.date().getYear(), d.date().getMonthValue()),
                    k -> new ArrayList<>()).add(d);
        }
        for (var e : m.byLang.entrySet()) {
            long[] times = new long[e.getValue().size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = e.getValue().get(i).date().toEpochSecond();
            }
            m.epochs.put(e.getKey(), times);
        }
        return m;
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

    public NavigableMap<Integer, List<Dispatch>> years(String lang) {
        return Collections.unmodifiableNavigableMap(years.get(lang));
    }

    public NavigableMap<YearMonth, List<Dispatch>> months(String lang) {
        return Collections.unmodifiableNavigableMap(months.get(lang));
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

    /** The next older dispatch in the same language, or null. */
    public Dispatch older(Dispatch d) {
        List<Dispatch> list = byLang.get(d.lang());
        int i = positionInLanguage.get(d);
        return i + 1 < list.size() ? list.get(i + 1) : null;
    }

    /** The next newer dispatch in the same language, or null. */
    public Dispatch newer(Dispatch d) {
        List<Dispatch> list = byLang.get(d.lang());
        int i = positionInLanguage.get(d);
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
        // Each tag's list is a subsequence of the language's list, in the same order: positions order it.
        Map<Dispatch, Integer> shared = new IdentityHashMap<>();
        int self = positionInLanguage.get(d);
        for (String tag : d.tags()) {
            List<Dispatch> list = tags.get(d.lang()).get(tag);
            int at = positionIn(list, self);
            int from = Math.max(0, at - RELATED_WINDOW);
            int to = Math.min(list.size(), at + RELATED_WINDOW + 1);
            for (int i = from; i < to; i++) {
                Dispatch other = list.get(i);
                if (other != d) {
                    shared.merge(other, 1, Integer::sum);
                }
            }
        }
        long[] times = epochs.get(d.lang());
        long when = times[self];
        List<Candidate> candidates = new ArrayList<>(shared.size());
        for (Map.Entry<Dispatch, Integer> e : shared.entrySet()) {
            Dispatch other = e.getKey();
            candidates.add(new Candidate(other, e.getValue(), Math.abs(times[positionInLanguage.get(other)] - when)));
        }
        candidates.sort(Candidate.ORDER);
        List<Dispatch> out = new ArrayList<>(Math.min(count, candidates.size()));
        for (int i = 0; i < candidates.size() && i < count; i++) {
            out.add(candidates.get(i).dispatch());
        }
        return List.copyOf(out);
    }

    /** Where the dispatch at {@code position} of its language's list stands in {@code list}, a subsequence of it. */
    private int positionIn(List<Dispatch> list, int position) {
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int p = positionInLanguage.get(list.get(mid));
            if (p < position) {
                lo = mid + 1;
            } else if (p > position) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** A related candidate: most shared tags first, then closest in time, then by path. */
    private record Candidate(Dispatch dispatch, int shared, long distance) {
        static final Comparator<Candidate> ORDER = (a, b) -> {
            int c = Integer.compare(b.shared, a.shared);
            if (c == 0) {
                c = Long.compare(a.distance, b.distance);
            }
            return c != 0 ? c : a.dispatch.path().compareTo(b.dispatch.path());
        };
    }
}
