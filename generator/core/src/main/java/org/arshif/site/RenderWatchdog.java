package org.arshif.site;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.arshif.diag.Diagnostic;

/**
 * Stops a page that {@link RenderGuard} cannot: one expression looping inside a Freemarker built-in, such as
 * {@code (1..2000000000)?join(",")}, enters no directive, so the guard's clock is never read. This thread looks at
 * the clock of every page being rendered; once a page is half again past its CPU limit, it records the guard's
 * finding and stops the page's thread with {@link Thread#stop()}, Java's only way to end a thread that never
 * looks up (safe enough here: the page's thread is inside a built-in, working on the page's own objects).
 *
 * <p>Where the JVM no longer stops threads (Java 20 and later), it writes the finding to standard error and ends
 * the JVM with status 1: a build that cannot finish must not hang. The thread runs only while pages render and is
 * a daemon, so it never keeps a JVM alive.
 */
final class RenderWatchdog {
    private final Duration period;
    /** The pages being rendered, by the thread rendering each. Guarded by {@code this}. */
    private final Map<Thread, RenderGuard> rendering = new IdentityHashMap<>();

    private boolean watching;

    RenderWatchdog(PageRenderer.Limits limits) {
        long millis = Math.max(50, Math.min(1000, limits.cpuTime().toMillis() / 4));
        this.period = Duration.ofMillis(millis);
    }

    /** The current thread starts rendering the page this guard bounds. */
    synchronized void enter(RenderGuard guard) {
        rendering.put(Thread.currentThread(), guard);
        if (!watching) {
            watching = true;
            Thread watchdog = new Thread(this::watch, "arshif-render-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    /**
     * The current thread is done with its page. Synchronized with {@link #look}, so a thread is never stopped
     * once it has left its page.
     */
    synchronized void leave() {
        rendering.remove(Thread.currentThread());
    }

    private void watch() {
        try {
            while (look()) {
                Thread.sleep(period.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                watching = false;
            }
        }
    }

    /** Stops every page past its time; whether to look again (not when no page is being rendered). */
    private synchronized boolean look() {
        if (rendering.isEmpty()) {
            watching = false;
            return false;
        }
        for (Map.Entry<Thread, RenderGuard> page : List.copyOf(rendering.entrySet())) {
            RenderGuard guard = page.getValue();
            long limit = guard.limits().cpuTime().toNanos();
            if (guard.stopped().isEmpty() && guard.elapsedNanos(page.getKey()) > limit + limit / 2) {
                stop(page.getKey(), guard.stopFromOutside());
                rendering.remove(page.getKey());
            }
        }
        return true;
    }

    /** Thread.stop is called by reflection: it is deprecated, and from Java 20 on it throws. */
    private static void stop(Thread thread, Diagnostic finding) {
        try {
            Thread.class.getMethod("stop").invoke(thread);
        } catch (ReflectiveOperationException | RuntimeException e) {
            PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            err.println(finding.format());
            err.println("arshif: this Java cannot stop the page's thread; the build ends here, with status 1");
            System.exit(1);
        }
    }
}
