package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.arshif.BuildLog;
import org.junit.jupiter.api.Test;

/**
 * The background writer of the served index: after an edit's index is written and its tabs told, and a moment later,
 * the idle work runs (a young collection between edits, so that the next edit's index does not wait for one); not
 * after the first index (the warm-up runs then), and not for an index that a newer one followed meanwhile.
 */
class SearchRefreshTest {
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final CountDownLatch warmed = new CountDownLatch(1);
    private final CountDownLatch idled = new CountDownLatch(1);

    private SearchRefresh refresh() {
        return new SearchRefresh(
                BuildLog.of(line -> done.add("logged " + line.substring(0, line.indexOf(" in "))), done::add),
                () -> "written",
                stop -> {
                    done.add("warm-up");
                    warmed.countDown();
                    return "warmed";
                },
                (since, newer) -> {
                    done.add("idle after " + since);
                    idled.countDown();
                });
    }

    /** A logged line's times as 0.0: they vary. */
    private static String lessTime(String line) {
        return line.replaceAll("[0-9]+\\.[0-9]", "0.0");
    }

    private static Supplier<String> index(String name, List<String> done) {
        return () -> {
            done.add("write " + name);
            return name;
        };
    }

    @Test
    void anEditsIndexIsFollowedByTheIdleWorkAfterItsTabsAreTold() throws Exception {
        try (SearchRefresh refresh = refresh()) {
            refresh.refresh(index("first", done), 1, true, () -> done.add("tabs told of first"));
            assertTrue(warmed.await(30, TimeUnit.SECONDS));
            refresh.refresh(index("edit", done), 42, false, () -> done.add("tabs told of edit"));
            assertTrue(idled.await(30, TimeUnit.SECONDS));
            // the terminal's line after the tabs are told: it is not on their way
            assertEquals(
                    List.of(
                            "write first",
                            "tabs told of first",
                            "logged Search index ready",
                            "warm-up",
                            "logged Edit path warmed",
                            "write edit",
                            "tabs told of edit",
                            "logged Search index updated 0.0 ms after the change, written",
                            "idle after 42"),
                    done.stream().map(SearchRefreshTest::lessTime).toList());
        }
    }

    @Test
    void anIndexFollowedByANewerOneBeforeItsIdleMomentLeavesTheIdleWorkToTheNewer() throws Exception {
        try (SearchRefresh refresh = refresh()) {
            refresh.refresh(index("first", done), 1, true, () -> {});
            assertTrue(warmed.await(30, TimeUnit.SECONDS));
            // the next edit's index is asked for as the tabs are told of this one's: before its idle moment
            refresh.refresh(
                    index("edit", done), 2, false, () -> refresh.refresh(index("next edit", done), 3, false, () -> {}));
            assertTrue(idled.await(30, TimeUnit.SECONDS));
            assertEquals(
                    List.of("write first", "warm-up", "write edit", "write next edit", "idle after 3"),
                    done.stream().filter(d -> !d.startsWith("logged ")).toList());
        }
    }
}
