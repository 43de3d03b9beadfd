package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** Related dispatches: most shared tags first, then the closest in time, then by path; never the dispatch itself. */
class RelatedTest {
    private static final DispatchReader READER = new DispatchReader(
            SiteConfig.defaults(),
            TagVocabulary.empty(t -> List.of(t.toLowerCase(Locale.ROOT).split("\\W+"))),
            GitHistory.none("no git in this test"));

    private static Dispatch dispatch(String name, String date, String... tags) {
        String text = "---\ntitle: " + name + "\ndate: " + date + "\nlang: en\ntags: [" + String.join(", ", tags)
                + "]\n---\nBody of " + name + ".\n";
        return READER.read("content/en/" + name + ".md", text.getBytes(StandardCharsets.UTF_8), new Diagnostics())
                .orElseThrow();
    }

    private static List<String> names(List<Dispatch> ds) {
        return ds.stream().map(Dispatch::title).toList();
    }

    @Test
    void ranksBySharedTagsThenTimeThenPath() {
        List<Dispatch> all = List.of(
                dispatch("me", "2020-06-15", "a", "b", "c"),
                dispatch("both-far", "2019-01-01", "a", "b"),
                dispatch("both-near", "2020-06-10", "a", "b"),
                dispatch("one-near", "2020-06-14", "c"),
                dispatch("one-far", "2010-01-01", "a"),
                dispatch("tie-x", "2020-06-20", "b"),
                dispatch("tie-y", "2020-06-10", "b"),
                dispatch("unrelated", "2020-06-15", "z"));
        SiteModel model = TestModels.of(all, new Diagnostics());
        Dispatch me = all.get(0);
        // tie-x and tie-y are both 5 days away: the path decides
        assertEquals(
                List.of("both-near", "both-far", "one-near", "tie-x", "tie-y", "one-far"),
                names(model.related(me, 10)));
        assertEquals(List.of("both-near", "both-far"), names(model.related(me, 2)));
        // Only the best `count` are kept as candidates come: each shorter list is a prefix of the longest.
        List<Dispatch> longest = model.related(me, 10);
        for (int count = 1; count <= 7; count++) {
            assertEquals(longest.subList(0, Math.min(count, longest.size())), model.related(me, count));
        }
        assertEquals(List.of(), names(model.related(all.get(7), 5)));
        assertEquals(List.of(), model.related(me, 0));
    }

    @Test
    void onlyAWindowOfNeighboursPerTagIsConsidered() {
        List<Dispatch> all = new ArrayList<>();
        for (int day = 1; day <= 28; day++) {
            all.add(dispatch(String.format("d%02d", day), String.format("2020-02-%02dT12:00:00Z", day), "t"));
        }
        SiteModel model = TestModels.of(all, new Diagnostics());
        List<String> related = names(model.related(all.get(0), 100));
        assertEquals(12, related.size()); // d01 is the oldest: its 12 newer neighbours only
        assertEquals("d02", related.get(0));
        assertEquals("d13", related.get(11));
    }
}
