package org.arshif.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.content.Media;
import org.arshif.internal.PercentDecoding;
import org.arshif.site.Routes;

/** The path arithmetic of link checking: resolving '..' and decoding %-escapes, as a browser would. */
final class LinkPaths {
    private LinkPaths() {}

    /** Resolves '.' and '..' segments of an absolute path; null when it climbs above the root. */
    static String normalize(String path) {
        // A relative link resolves against the folder of the page: /ar/2017/05/x/ + ../y/ → /ar/2017/05/y/.
        String[] segments = path.split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.isEmpty() || s.equals(".")) {
                if (last) {
                    out.add("");
                }
                continue;
            }
            if (s.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
                if (last) {
                    out.add("");
                }
                continue;
            }
            out.add(s);
        }
        return ("/" + String.join("/", out)).replaceAll("/{2,}", "/");
    }

    static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** %XX sequences as UTF-8 (not form decoding: '+' stays '+'); null when malformed. */
    static String percentDecode(String s) {
        return PercentDecoding.decode(s);
    }

    /** Whether a site path names a file of the set. */
    static boolean exists(String sitePath, Set<String> files) {
        // Static hosts answer /x with /x/ when x is a folder, so both spellings count.
        return files.contains(Routes.file(sitePath))
                || !sitePath.endsWith("/") && files.contains(Routes.file(sitePath + "/"));
    }

    /** The dispatch whose source file a link from {@code from} names ({@code ../x.md}), if it names one. */
    static Optional<Dispatch> sourceFileTarget(String from, String decoded, Map<String, Dispatch> bySource) {
        if (!ContentLoader.isDispatchFile(decoded)) {
            return Optional.empty();
        }
        String dir = from.substring(0, from.lastIndexOf('/') + 1);
        String resolved = normalize(decoded.startsWith("/") ? decoded : "/" + dir + decoded);
        return resolved == null ? Optional.empty() : Optional.ofNullable(bySource.get(resolved.substring(1)));
    }

    /**
     * The published page (or, for an image, file) a broken link most likely meant: one with the same last path
     * segment, as after a migration that moved pages ({@code /en/posts/bundle/}, Hugo's URL, is now
     * {@code /en/posts/2023/04/bundle/}). Of several, the one sharing most leading segments with the link, then the
     * shortest, then the first in order; empty when none has that name.
     */
    static Optional<String> nearest(String sitePath, Set<String> files, boolean image) {
        String[] segments = sitePath.split("/");
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        if (!image && last.endsWith(".html")) {
            last = last.substring(0, last.length() - ".html".length()); // Hugo's uglyURLs: /posts/bundle.html
        }
        if (last.isEmpty() || !image && last.equals("index")) {
            return Optional.empty();
        }
        String atRoot = image ? last : last + "/index.html"; // the file's name, as a file at the site's root
        String tail = "/" + atRoot;
        String best = null;
        int bestShared = -1;
        for (String file : files) {
            if (!file.endsWith(tail) && !file.equals(atRoot)) {
                continue;
            }
            String candidate = "/" + (image ? file : file.substring(0, file.length() - "index.html".length()));
            int shared = sharedSegments(segments, candidate);
            if (best == null
                    || shared > bestShared
                    || shared == bestShared
                            && (candidate.length() < best.length()
                                    || candidate.length() == best.length() && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestShared = shared;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The end of a broken link's finding: {@code " of the site (/en/posts/bundle/); did you mean
     * /en/posts/2023/04/bundle/?"}, the question only when {@link #nearest} has an answer.
     */
    static String ofTheSite(String sitePath, Set<String> files, boolean image, Routes routes, String fix) {
        Optional<String> otherCase = otherCase(Routes.file(sitePath), files);
        if (otherCase.isPresent()) {
            String found = otherCase.get();
            String page =
                    found.endsWith("index.html") ? found.substring(0, found.length() - "index.html".length()) : found;
            return " of the site (" + routes.href(sitePath) + "); " + Media.caseOnlyHint(routes.href("/" + page));
        }
        return " of the site (" + routes.href(sitePath) + ")"
                + nearest(sitePath, files, image)
                        .map(p -> "; did you mean " + routes.href(p) + "?")
                        .orElse("")
                + (fix.isEmpty() ? "" : "; " + fix);
    }

    /** A file whose path is {@code file}'s but for upper and lower case (what Windows and macOS editors ignore). */
    private static Optional<String> otherCase(String file, Set<String> files) {
        return files.stream().filter(f -> f.equalsIgnoreCase(file)).sorted().findFirst();
    }

    /** How many leading segments {@code path} shares with the link's {@code segments}. */
    private static int sharedSegments(String[] x, String path) {
        String[] y = path.split("/");
        int n = 0;
        while (n < x.length && n < y.length && x[n].equals(y[n])) {
            n++;
        }
        return n;
    }
}
