package org.arshif.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.Media;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostic;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.UglyLinks;

/**
 * What the checks of each dispatch read: the site's settings and vocabulary, the whole archive's model, the
 * published files and those of the archive with drafts, the dispatches by source path, and whether to look for the
 * notices only {@code check} reports, and (with {@code uglyUrls}) the articles whose folder form a link may name.
 */
record Context(
        SiteConfig config,
        TagVocabulary vocabulary,
        SiteModel everything,
        Routes routes,
        Set<String> publishedFiles,
        Set<String> allFiles,
        Map<String, Dispatch> bySource,
        MarkdownLinks markdown,
        Media media,
        UglyLinks uglyLinks,
        boolean notices) {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /** With {@code uglyUrls}, whether a link from the root names an article's folder form, rewritten to its file. */
    boolean namesArticleFolder(String decoded) {
        return decoded.startsWith("/") && uglyLinks.article(decoded) != null;
    }

    /** With {@code uglyUrls}, whether a link from the root names a draft's or a scheduled article's folder form. */
    boolean namesUnpublishedArticleFolder(String decoded) {
        return config.uglyUrls()
                && decoded.startsWith("/")
                && decoded.endsWith("/")
                && decoded.length() > 1
                && allFiles.contains(Routes.file(decoded.substring(0, decoded.length() - 1) + ".html"));
    }

    /**
     * The findings of the links and images of Markdown {@code body} (starting at line {@code bodyLine} of the file at
     * {@code from}), resolved from the page at {@code page}: a link that points nowhere, else an image's own problems.
     */
    List<Diagnostic> linkFindings(String body, int bodyLine, String from, String page, boolean isPublished) {
        List<Diagnostic> out = new ArrayList<>();
        for (MarkdownLinks.Target t : markdown.targets(body, bodyLine)) {
            LinkProblem problem = linkProblem(t, from, page, isPublished);
            if (problem != null) {
                out.add(problem.at(from, t.line(), t.column()));
            } else if (t.image()) {
                out.addAll(DispatchFindings.imageProblems(t, from, media, config.decodedBasePath()));
            }
        }
        return out;
    }

    /**
     * The findings of the links and images of Markdown {@code body} in a file the load refused (a front-matter
     * error, say), whose page has no URL: a link from the site's root that points nowhere; an image of a page bundle
     * named relative to it, which is looked up among the bundle's files; an image's own problems. So one run reports
     * a missing photo beside a missing lead image, where the next run found it only once the first was fixed.
     */
    List<Diagnostic> unreadLinkFindings(String body, int bodyLine, String from) {
        List<Diagnostic> out = new ArrayList<>();
        boolean bundle = Media.isBundleIndex(from.substring(from.lastIndexOf('/') + 1));
        for (MarkdownLinks.Target t : markdown.targets(body, bodyLine)) {
            String dest = t.destination().strip();
            LinkProblem problem = null;
            if (dest.startsWith("/") && !dest.startsWith("//")) {
                problem = linkProblem(t, from, "/", true);
            } else if (t.image()
                    && bundle
                    && !dest.isEmpty()
                    && !dest.startsWith("#")
                    && !dest.startsWith("//")
                    && !SCHEME.matcher(LinkProblem.unspaced(dest)).find()) {
                problem = bundleImageProblem(dest, from);
            } else if (!t.image()) {
                continue; // a relative link: where it leads depends on the page's URL, which this file has not
            }
            if (problem != null) {
                out.add(problem.at(from, t.line(), t.column()));
            } else if (t.image()) {
                out.addAll(DispatchFindings.imageProblems(t, from, media, config.decodedBasePath()));
            }
        }
        return out;
    }

    /** Why an image a page bundle names relative to itself is not among its files, or null when it is. */
    private LinkProblem bundleImageProblem(String dest, String from) {
        String base = config.decodedBasePath();
        if (media.resolve(from, dest, base).isPresent()) {
            return null;
        }
        return LinkProblem.error("image '" + dest + "' points to no file; "
                + media.resolveIgnoringCase(from, dest, base)
                        .map(t -> Media.caseOnlyHint("'" + t.href() + "'"))
                        .orElse(Media.placementHint(from)));
    }

    /** Why a link points nowhere, or null when it is fine. */
    LinkProblem linkProblem(MarkdownLinks.Target t, String from, String page, boolean isPublished) {
        String what = t.image() ? "image" : "link";
        String dest = t.destination().strip();
        if (dest.isEmpty() || dest.startsWith("#")) {
            return null;
        }
        String origin = config.origin();
        if (!origin.isEmpty() && dest.startsWith(origin + "/")) {
            dest = dest.substring(origin.length()); // an absolute link to this very site is checked like a path
        } else if (SCHEME.matcher(LinkProblem.unspaced(dest)).find() || dest.startsWith("//")) {
            return LinkProblem.droppedScheme(what, dest);
        }
        String raw = dest;
        int cut = LinkPaths.indexOfAny(dest, '#', '?');
        if (cut >= 0) {
            dest = dest.substring(0, cut);
        }
        if (dest.isEmpty()) {
            return null;
        }
        String decoded = LinkPaths.percentDecode(dest);
        if (decoded == null) {
            return LinkProblem.error(what + " '" + raw + "' has a malformed %-escape");
        }
        String sitePath;
        if (decoded.startsWith("/")) {
            String base = config.decodedBasePath();
            if (!base.isEmpty()) {
                if (!(decoded.equals(base) || decoded.startsWith(base + "/"))) {
                    return LinkProblem.error(what + " '" + raw + "' leaves the site, which is published under " + base
                            + "/; write " + base + decoded + " or a relative link");
                }
                decoded = decoded.substring(base.length());
            }
            sitePath = LinkPaths.normalize(decoded.isEmpty() ? "/" : decoded);
        } else {
            sitePath = LinkPaths.normalize(page.substring(0, page.lastIndexOf('/') + 1) + decoded);
        }
        if (sitePath == null) {
            return LinkProblem.error(what + " '" + raw + "' climbs above the site root");
        }
        if (LinkPaths.exists(sitePath, publishedFiles) || namesArticleFolder(decoded)) {
            return null;
        }
        if (LinkPaths.exists(sitePath, allFiles) || namesUnpublishedArticleFolder(decoded)) {
            return isPublished
                    ? LinkProblem.warning(what + " '" + raw + "' points to a draft or scheduled dispatch,"
                            + " which is not published yet")
                    : null;
        }
        Optional<Dispatch> sourceTarget = LinkPaths.sourceFileTarget(from, decoded, bySource);
        if (sourceTarget.isPresent()) {
            return LinkProblem.error(what + " '" + raw + "' points to the source file "
                    + sourceTarget.get().path() + "; link to its page instead: "
                    + routes.href(Routes.article(sourceTarget.get())));
        }
        String fix = t.image() ? Media.placementHint(from) : "";
        return LinkProblem.error(what + " '" + raw + "' points to no " + (t.image() ? "file" : "page")
                + LinkPaths.ofTheSite(sitePath, publishedFiles, t.image(), routes, fix));
    }
}
