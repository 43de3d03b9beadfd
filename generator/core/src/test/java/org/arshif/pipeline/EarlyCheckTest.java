package org.arshif.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.arshif.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** The build's checks start with the plan, on their own thread, and their findings are those of a check after it. */
class EarlyCheckTest {
    private static final SitePlan PLAN = null; // the checks under test never look at it

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    private List<Diagnostic> check(SitePlan plan, boolean rendered) {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            calls.add(Thread.currentThread().getName() + " rendered=" + rendered);
            return List.of(Diagnostic.warning("content/a.md", 1, 1, "rendered=" + rendered));
        } finally {
            running.decrementAndGet();
        }
    }

    @Test
    void checksStartedByThePlanRunOnTheirOwnThreadAndAreNotRepeated() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        List<String> phases = new ArrayList<>();
        try (EarlyCheck early = new EarlyCheck((plan, rendered) -> {
            started.countDown();
            return check(plan, rendered);
        })) {
            SiteRun.Phases hooks = early.phases(phases::add);
            hooks.ended("plan");
            hooks.planned(PLAN);
            assertEquals(true, started.await(10, TimeUnit.SECONDS), "the checks began before the render ended");
            hooks.ended("render");

            List<Diagnostic> found = early.result(PLAN, true);

            assertEquals("rendered=true", found.get(0).message());
            assertEquals(List.of("arshif-check rendered=true"), calls);
            assertEquals(List.of("plan", "render"), phases);
        }
    }

    @Test
    void aRenderWithErrorsGetsTheChecksOfARunThatDidNotRenderAfterTheEarlyOnesEnd() {
        try (EarlyCheck early = new EarlyCheck(this::check)) {
            early.phases(name -> {}).planned(PLAN);

            List<Diagnostic> found = early.result(PLAN, false);

            assertEquals("rendered=false", found.get(0).message());
            assertEquals(2, calls.size(), calls.toString());
            assertEquals(Thread.currentThread().getName() + " rendered=false", calls.get(1));
            assertEquals(1, mostAtOnce.get(), "the two checks never ran at once");
        }
    }

    @Test
    void aRunThatStoppedAtItsPlanChecksOnItsOwnThread() {
        try (EarlyCheck early = new EarlyCheck(this::check)) {
            List<Diagnostic> found = early.result(PLAN, false);

            assertEquals("rendered=false", found.get(0).message());
            assertEquals(List.of(Thread.currentThread().getName() + " rendered=false"), calls);
            assertNotEquals("arshif-check", Thread.currentThread().getName());
        }
    }

    @Test
    void whatTheEarlyChecksThrewIsThrownAsItWas() {
        IllegalStateException failure = new IllegalStateException("cannot read the check memo");
        try (EarlyCheck early = new EarlyCheck((plan, rendered) -> {
            throw failure;
        })) {
            early.phases(name -> {}).planned(PLAN);

            assertSame(failure, assertThrows(IllegalStateException.class, () -> early.result(PLAN, true)));
        }
    }
}
