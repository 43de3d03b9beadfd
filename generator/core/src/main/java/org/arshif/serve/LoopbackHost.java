package org.arshif.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The defence against DNS rebinding that development servers share: a page on another site can make the browser
 * resolve its own host name to 127.0.0.1 and then read the preview, drafts included, as same-origin. Such a
 * request still names that other host in its {@code Host} header, so the preview answers only requests addressed
 * to a loopback name with its own port.
 */
final class LoopbackHost {
    private static final Set<String> NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private LoopbackHost() {}

    /** Whether the {@code Host} headers of a request (null: none) address this server on {@code port}. */
    static boolean allowed(List<String> hostHeaders, int port) {
        if (hostHeaders == null || hostHeaders.size() != 1) {
            return false;
        }
        String host = hostHeaders.get(0).trim().toLowerCase(Locale.ROOT);
        int portStart = host.startsWith("[") ? host.indexOf(']') + 1 : host.lastIndexOf(':');
        if (portStart <= 0 || portStart >= host.length()) {
            // no port named: only the default one would be right
            return NAMES.contains(host) && port == 80;
        }
        return NAMES.contains(host.substring(0, portStart))
                && host.substring(portStart).equals(":" + port);
    }

    /** The answer to a request for another host: why, and what to open instead. */
    static byte[] refusal(int port) {
        return ("This Arshif preview answers only requests for http://127.0.0.1:" + port + "/ or http://localhost:"
                        + port + "/ (the Host header names another host).\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
