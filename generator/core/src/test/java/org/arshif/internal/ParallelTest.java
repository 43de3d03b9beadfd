package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void mapKeepsTheItemsOrderAndTheirNulls() {
        for (int n : new int[] {0, 1, 2, 255, 256, 257, 1000, 10_007}) {
            List<Integer> items = IntStream.range(0, n).boxed().toList();
            List<String> mapped = Parallel.map(items, i -> i % 7 == 3 ? null : "d" + i);
            List<String> expected = new ArrayList<>();
            items.forEach(i -> expected.add(i % 7 == 3 ? null : "d" + i));
            assertEquals(expected, mapped, "n = " + n);
        }
    }

    @Test
    void everyIndexIsVisitedOnce() {
        for (int n : new int[] {0, 1, 3, 256, 511, 20_000}) {
            AtomicIntegerArray visits = new AtomicIntegerArray(n);
            Parallel.forEachIndex(n, visits::incrementAndGet);
            for (int i = 0; i < n; i++) {
                assertEquals(1, visits.get(i), "index " + i + " of " + n);
            }
        }
    }

    /**
     * While the thread on item 0 is held, the other thread finishes every other chunk: chunks are claimed one at a
     * time. A parallel stream gives each thread a quarter of the list up front, so the items after 0 in its quarter
     * would wait for it, and the hold would run out.
     */
    @Test
    void aSlowItemHoldsOnlyItsOwnChunk() throws InterruptedException {
        int n = 25_600; // chunks of 100
        CountDownLatch othersDone = new CountDownLatch(n - 100);
        boolean[] sawOthersDone = new boolean[1];
        Parallel.forEachIndex(n, i -> {
            if (i == 0) {
                try {
                    sawOthersDone[0] = othersDone.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (i >= 100) {
                othersDone.countDown();
            }
        });
        assertTrue(sawOthersDone[0], "items outside the held chunk waited for it");
    }

    @Test
    void whatAnItemThrowsReachesTheCallerAsItWas() {
        ContentException findings = new ContentException(List.of(Diagnostic.error("a.md", 1, 1, "bad")));
        List<Integer> items = IntStream.range(0, 5_000).boxed().toList();
        assertSame(
                findings,
                assertThrows(
                        ContentException.class,
                        () -> Parallel.map(items, i -> {
                            if (i == 4_321) {
                                throw findings;
                            }
                            return i;
                        })));
    }

    @Test
    void aCallInsideAnItemCompletes() {
        List<Integer> outer = IntStream.range(0, 300).boxed().toList();
        List<Integer> sums = Parallel.map(
                outer,
                i -> Parallel.map(IntStream.range(0, i).boxed().toList(), j -> j).stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        for (int i = 0; i < outer.size(); i++) {
            assertEquals(i * (i - 1) / 2, sums.get(i));
        }
    }
}
