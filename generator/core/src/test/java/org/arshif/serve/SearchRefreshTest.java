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
                BuildLog.SILENT,
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
            assertEquals(
                    List.of(
                            "write first",
                            "tabs told of first",
                            "warm-up",
                            "write edit",
                            "tabs told of edit",
                            "idle after 42"),
                    done);
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
            assertEquals(List.of("write first", "warm-up", "write edit", "write next edit", "idle after 3"), done);
        }
    }
}
