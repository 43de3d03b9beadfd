package org.arshif.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One server's bound on how long a request may take to arrive whole (its line and head): a client that opens a
 * request and never ends it (slowloris) held one of the server's threads for as long as it liked. The JDK's own
 * bound, {@code sun.net.httpserver.maxReqTime}, is one property for the whole JVM, read once, so {@code mvn
 * arshif:serve}, which serves in Maven's JVM, could not have it without setting Maven's global state. This bound
 * belongs to the server: each exchange runs on a thread of {@link #executor}, which the JDK server blocks reading
 * the request; a {@link #filter} in front of the handler marks the request read; a thread still reading when its
 * time is up is interrupted, which closes its connection (the JDK reads the socket through an interruptible
 * channel) and frees the thread. A response, such as the preview's event stream, is not bounded.
 */
final class RequestDeadline implements AutoCloseable {
    /** The bound both front ends serve with. */
    static final Duration DEFAULT = Duration.ofSeconds(30);

    private final long limitNanos;
    /** Threads reading a request, with when they began; under this object's lock. */
    private final Map<Thread, Long> reading = new HashMap<>();

    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arshif-request-deadline");
        t.setDaemon(true);
        return t;
    });

    RequestDeadline(Duration limit) {
        this.limitNanos = limit.toNanos();
        long every = Math.max(50, Math.min(1000, limit.toMillis() / 10));
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** The server's executor: each exchange's thread is watched until {@link #filter} marks its request read. */
    Executor executor(Executor pool) {
        return task -> pool.execute(() -> {
            Thread self = Thread.currentThread();
            synchronized (this) {
                reading.put(self, System.nanoTime());
            }
            try {
                task.run();
            } finally {
                synchronized (this) {
                    reading.remove(self);
                    Thread.interrupted(); // an interrupt of this exchange must not close the next one's channel
                }
            }
        });
    }

    /** Before the handler: the request arrived whole, in time (or the sweeper has just closed it). */
    Filter filter() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                boolean inTime;
                synchronized (RequestDeadline.this) {
                    inTime = reading.remove(Thread.currentThread()) != null;
                }
                if (!inTime) {
                    exchange.close();
                    throw new IOException("the request took longer than its bound to arrive");
                }
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "closes a connection whose request is not whole in time";
            }
        };
    }

    private synchronized void sweep() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Thread, Long>> it = reading.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Thread, Long> e = it.next();
            if (now - e.getValue() > limitNanos) {
                it.remove();
                e.getKey().interrupt();
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
