package org.arshif.site;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** The pages being rendered, by the thread rendering each: no lock shared by the rendering threads. */
    private final Map<Thread, RenderGuard> rendering = new ConcurrentHashMap<>();
    /** Whether the watching thread runs (or is about to). */
    private final AtomicBoolean watching = new AtomicBoolean();

    RenderWatchdog(PageRenderer.Limits limits) {
        long millis = Math.max(50, Math.min(1000, limits.cpuTime().toMillis() / 4));
        this.period = Duration.ofMillis(millis);
    }

    /** The current thread starts rendering the page this guard bounds. */
    void enter(RenderGuard guard) {
        rendering.put(Thread.currentThread(), guard);
        if (watching.compareAndSet(false, true)) {
            Thread watchdog = new Thread(this::watch, "arshif-render-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    /**
     * The current thread is done with its page. Synchronized on the page's guard, as {@link #stop} is, so a
     * thread is never stopped once it has left its page.
     */
    void leave(RenderGuard guard) {
        synchronized (guard) {
            rendering.remove(Thread.currentThread(), guard);
            guard.left();
        }
    }

    private void watch() {
        try {
            while (look()) {
                Thread.sleep(period.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watching.set(false);
        }
    }

    /** Stops every page past its time; whether to look again (not when no page is being rendered). */
    private boolean look() {
        if (rendering.isEmpty()) {
            watching.set(false);
            // A page that entered meanwhile saw the flag still set and started no thread: this one goes on.
            return !rendering.isEmpty() && watching.compareAndSet(false, true);
        }
        for (Map.Entry<Thread, RenderGuard> page : rendering.entrySet()) {
            RenderGuard guard = page.getValue();
            long limit = guard.limits().cpuTime().toNanos();
            if (guard.stopped().isEmpty() && guard.elapsedNanos(page.getKey()) > limit + limit / 2) {
                stop(page.getKey(), guard);
            }
        }
        return true;
    }

    /** Thread.stop is called by reflection: it is deprecated, and from Java 20 on it throws. */
    private static void stop(Thread thread, RenderGuard guard) {
        synchronized (guard) {
            if (guard.hasLeft()) {
                return;
            }
            Diagnostic finding = guard.stopFromOutside();
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
}
