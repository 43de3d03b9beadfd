package org.arshif.serve;

import java.net.URI;

/**
 * The path of the site's {@code baseUrl} ({@code /archive} for {@code https://org.github.io/archive/}), under which
 * both servers serve the site, as GitHub Pages serves a project site: every link of the built pages starts with it.
 *
 * @param raw     the path as links write it (percent-encoded), without the trailing slash; {@code ""} at the root
 * @param decoded the same path decoded, as request paths are compared
 */
record BasePath(String raw, String decoded) {
    static final BasePath ROOT = new BasePath("", "");

    /** The path of {@code baseUrl} (empty or null: the root). */
    static BasePath of(String baseUrl) {
        if (baseUrl == null || baseUrl.isEmpty()) {
            return ROOT;
        }
        URI uri = URI.create(baseUrl);
        String raw = uri.getRawPath() == null ? "" : uri.getRawPath();
        String decoded = uri.getPath() == null ? "" : uri.getPath();
        return new BasePath(stripSlash(raw), stripSlash(decoded));
    }

    /** Where a request path (decoded) leads: a site path, a redirect to the base, or nothing of the site. */
    record Route(String sitePath, String redirect, int status) {}

    Route route(String requestPath) {
        if (decoded.isEmpty()) {
            return new Route(requestPath, null, 0);
        }
        if (requestPath.startsWith(decoded + "/")) {
            return new Route(requestPath.substring(decoded.length()), null, 0);
        }
        if (requestPath.equals(decoded)) {
            return new Route(null, raw + "/", 301); // as GitHub Pages adds the slash of a folder
        }
        if (requestPath.equals("/")) {
            return new Route(null, raw + "/", 302); // the site is not at the root, but this is where one looks
        }
        return new Route(null, null, 404);
    }

    /** The site's address on a server at {@code origin} (such as {@code http://127.0.0.1:8080}). */
    String url(String origin) {
        return origin + raw + "/";
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
