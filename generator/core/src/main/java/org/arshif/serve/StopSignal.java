package org.arshif.serve;

/** A server's one-way switch from serving to stopped: callers can wait for it, and only the first stop counts. */
final class StopSignal {
    private boolean stopped;

    /** Marks the server stopped and wakes the waiters; false when it already was (a shutdown hook may stop it too). */
    synchronized boolean stop() {
        if (stopped) {
            return false;
        }
        stopped = true;
        notifyAll();
        return true;
    }

    /** Blocks until {@link #stop()}. */
    synchronized void await() throws InterruptedException {
        while (!stopped) {
            wait();
        }
    }
}
