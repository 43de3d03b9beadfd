package org.arshif.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arshif.content.Dispatch;

/**
 * The order of dispatches that share one instant, such as those of a day given without a time. Sorted by path
 * alone they clump by folder (ten of one source on the home page); instead they take turns: the first of each
 * source (or, without a source, each section) in name order, then the second of each, and so on. Within a source,
 * by path. Dispatches with different times keep their order, newest first.
 */
final class SameDayOrder {
    private static final Comparator<Turn> TURNS = Comparator.comparingInt(Turn::round)
            .thenComparing(Turn::group)
            .thenComparing(t -> t.dispatch().path());

    private SameDayOrder() {}

    /** A dispatch with its round (how many of its language and group came before it) and group. */
    private record Turn(int round, String group, Dispatch dispatch) {}

    /** The group a dispatch takes turns with: its source, else its section. */
    static String group(Dispatch d) {
        return d.source().isEmpty() ? "section:" + d.section() : "source:" + d.source();
    }

    /** Reorders each run of equal instants in a newest-first list sorted by path within a run, in place. */
    static void interleave(List<Dispatch> newestFirst) {
        for (int from = 0; from < newestFirst.size(); ) {
            int to = from + 1;
            while (to < newestFirst.size() && sameInstant(newestFirst.get(from), newestFirst.get(to))) {
                to++;
            }
            if (to - from > 1) {
                reorder(newestFirst.subList(from, to));
            }
            from = to;
        }
    }

    private static boolean sameInstant(Dispatch a, Dispatch b) {
        return a.date().toEpochSecond() == b.date().toEpochSecond()
                && a.date().getNano() == b.date().getNano();
    }

    private static void reorder(List<Dispatch> run) {
        Map<String, Integer> seen = new HashMap<>();
        List<Turn> turns = new ArrayList<>(run.size());
        for (Dispatch d : run) {
            String group = group(d);
            int round = seen.merge(d.lang() + "\u0000" + group, 1, Integer::sum) - 1;
            turns.add(new Turn(round, group, d));
        }
        turns.sort(TURNS);
        for (int i = 0; i < turns.size(); i++) {
            run.set(i, turns.get(i).dispatch());
        }
    }
}
