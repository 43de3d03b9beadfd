package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** Dispatches of one instant take turns by source, else by section; other dispatches keep their time order. */
class SameDayOrderTest {
    private static final DispatchReader READER = new DispatchReader(
            SiteConfig.defaults(), TagVocabulary.empty(t -> List.of(t)), GitHistory.none("no git in this test"));

    /** {@code path} below content/en/; {@code date} as front-matter writes it; {@code source} or null. */
    private static Dispatch dispatch(String path, String date, String source) {
        String text = "---\ntitle: " + path + "\ndate: " + date + "\n"
                + (source == null ? "" : "source: " + source + "\n") + "---\nBody.\n";
        return READER.read("content/en/" + path, text.getBytes(StandardCharsets.UTF_8), new Diagnostics())
                .orElseThrow();
    }

    private static List<String> order(Dispatch... ds) {
        SiteModel model = TestModels.of(List.of(ds), new Diagnostics());
        return model.articles("en").stream().map(Dispatch::title).toList();
    }

    @Test
    void aDayWithoutTimesAlternatesItsSourcesAfterTheTimedDispatches() {
        assertEquals(
                List.of("b/timed.md", "a/1.md", "b/1.md", "c/1.md", "a/2.md", "b/2.md", "a/3.md", "old.md"),
                order(
                        dispatch("a/1.md", "2015-07-21", "a"),
                        dispatch("a/2.md", "2015-07-21", "a"),
                        dispatch("a/3.md", "2015-07-21", "a"),
                        dispatch("b/1.md", "2015-07-21", "b"),
                        dispatch("b/2.md", "2015-07-21", "b"),
                        dispatch("c/1.md", "2015-07-21", "c"),
                        dispatch("b/timed.md", "2015-07-21T09:00:00Z", "b"),
                        dispatch("old.md", "2015-07-20", null)));
    }

    @Test
    void withoutASourceTheSectionTakesTurnsAndTheOrderDoesNotDependOnTheInputOrder() {
        Dispatch[] ds = {
            dispatch("economy/1.md", "2015-07-21", null),
            dispatch("economy/2.md", "2015-07-21", null),
            dispatch("sport/1.md", "2015-07-21", null),
            dispatch("sport/2.md", "2015-07-21", null),
            dispatch("top.md", "2015-07-21", null)
        };
        // Groups in name order: no section (top.md) first, then economy, then sport.
        List<String> expected = List.of("top.md", "economy/1.md", "sport/1.md", "economy/2.md", "sport/2.md");
        assertEquals(expected, order(ds));
        assertEquals(expected, order(ds[4], ds[3], ds[2], ds[1], ds[0]));
    }
}
