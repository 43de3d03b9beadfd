package org.arshif.serve;

import java.net.URI;

/** A running server of the site (the live preview or the static one), as the front ends start and stop it. */
public interface Server extends AutoCloseable {
    int port();

    /** The site's address: the server's, with the path of the site's {@code baseUrl}. */
    URI url();

    /** Blocks until {@link #close()} (from a shutdown hook on Ctrl-C, say). */
    void awaitStop() throws InterruptedException;

    /** Stops serving. Safe to call twice (the shutdown hook may). */
    @Override
    void close();
}
