package org.arshif.site.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.arshif.content.Dispatch;

/**
 * Wire stories told in parts. A continuation ({@code إضافة أولى} in its title) belongs to the story of the
 * dispatches in the same language, dated the same day, whose titles (without category prefix and marker) are the
 * same. A story is its lead (no marker, or {@code يتبع}) and then its continuations by number ({@code إضافة أخيرة}
 * last), ties by path. Dispatches with the same title and no continuation among them are no story.
 */
final class WireStories {
    private static final Comparator<Dispatch> ORDER = Comparator.comparingInt(
                    (Dispatch d) -> Math.max(d.wire().part(), 0))
            .thenComparing(Dispatch::path);

    private final Map<String, List<Dispatch>> byPath = new HashMap<>();

    WireStories(List<Dispatch> articles) {
        // Only a day with a continuation can hold a story: the title key (a regex per title) is made for those
        // days' dispatches alone, which made this a quarter of every plan.
        Set<Day> daysWithParts = new HashSet<>();
        for (Dispatch d : articles) {
            if (d.wire().part() > 0) {
                daysWithParts.add(day(d));
            }
        }
        Map<String, List<Dispatch>> groups = new TreeMap<>();
        for (Dispatch d : articles) {
            if (!daysWithParts.isEmpty() && daysWithParts.contains(day(d))) {
                String key = d.lang() + "\n" + d.date().toLocalDate() + "\n"
                        + d.title().strip().replaceAll("\\s+", " ");
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
            }
        }
        for (List<Dispatch> group : groups.values()) {
            if (group.size() > 1 && group.stream().anyMatch(d -> d.wire().part() > 0)) {
                List<Dispatch> story = group.stream().sorted(ORDER).toList();
                story.forEach(d -> byPath.put(d.path(), story));
            }
        }
    }

    private record Day(String lang, long epochDay) {}

    private static Day day(Dispatch d) {
        return new Day(d.lang(), d.date().toLocalDate().toEpochDay());
    }

    /** The story {@code d} is a part of, in order; empty when it is none. */
    List<Dispatch> story(Dispatch d) {
        return byPath.getOrDefault(d.path(), List.of());
    }
}
