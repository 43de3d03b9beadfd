package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void aTaskRunsOnADaemonThreadOfItsOwn() {
        Thread caller = Thread.currentThread();
        try (Background background = new Background("arshif-test", 1)) {
            Thread ran = Background.join(background.start(Thread::currentThread));
            assertNotEquals(caller, ran);
            assertTrue(ran.isDaemon());
            assertEquals("arshif-test", ran.getName());
        }
    }

    @Test
    void whatATaskThrowsReachesItsCallerAsItWas() {
        ContentException findings = new ContentException(List.of(Diagnostic.error("arshif.yml", 1, 1, "bad")));
        try (Background background = new Background("arshif-test", 1)) {
            CompletableFuture<Object> failing = background.start(() -> {
                throw findings;
            });
            assertSame(findings, assertThrows(ContentException.class, () -> Background.join(failing)));
        }
    }
}
