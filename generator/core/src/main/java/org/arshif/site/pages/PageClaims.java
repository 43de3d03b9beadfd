package org.arshif.site.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.Severity;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;

/**
 * The output files of a plan, each claimed by one page. Two pages with one file are reported, naming the
 * dispatches involved; so is a file where another page needs a folder (an alias {@code /ar/feed.xml/x/} beside
 * the feed), which would otherwise be a write error halfway through the build. Two articles at one URL are told
 * the {@code permalinks} setting that sets them apart.
 */
final class PageClaims {
    // Files to the dispatch that makes them ("" for generated pages) and, with a trailing '/', the folders they need.
    private final Map<String, String> owners;
    // Pages taken as they come, unchecked, to be compared with an earlier plan's checked ones (SitePlanner).
    private final boolean trusting;
    private final List<PageJob> jobs = new ArrayList<>();
    private final Diagnostics diagnostics;
    private final SiteModel model;
    // Files whose paths hold a capital letter, by their lower-case spelling: two files that differ only in case.
    private final Map<String, String> capitalized = new HashMap<>();
    // Dispatches by source path, made at the first collision: only findings need it.
    private Map<String, Dispatch> byPath;

    PageClaims(int expectedPages, Diagnostics diagnostics, SiteModel model) {
        this(new HashMap<>(Math.max(64, expectedPages)), diagnostics, model, false);
    }

    private PageClaims(Map<String, String> owners, Diagnostics diagnostics, SiteModel model, boolean trusting) {
        this.owners = owners;
        this.diagnostics = diagnostics;
        this.model = model;
        this.trusting = trusting;
    }

    /** Claims that check nothing: only for pages compared afterwards with {@link #sitePathsAre}. */
    static PageClaims trusted() {
        return new PageClaims(Map.of(), new Diagnostics(), null, true);
    }

    /** Whether the pages claimed are at {@code sitePaths}, in that order. */
    boolean sitePathsAre(List<String> sitePaths) {
        if (jobs.size() != sitePaths.size()) {
            return false;
        }
        for (int i = 0; i < jobs.size(); i++) {
            if (!jobs.get(i).sitePath().equals(sitePaths.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Adds the page to the plan, unless its file or one of its folders is taken: then reports the collision. */
    void claim(PageJob job) {
        if (trusting) {
            jobs.add(job);
            return;
        }
        String file = Routes.file(job.sitePath());
        String previous = owners.get(file);
        if (previous == null) {
            previous = owners.get(file + "/");
        }
        // The folders the file needs, deepest first, up to the first one already claimed: when that one was
        // claimed, none of its ancestors was a file, and no file can claim one of them since.
        List<String> folders = new ArrayList<>(4);
        for (int slash = file.lastIndexOf('/');
                previous == null && slash > 0;
                slash = file.lastIndexOf('/', slash - 1)) {
            String folder = file.substring(0, slash + 1);
            if (owners.containsKey(folder)) {
                break;
            }
            previous = owners.get(file.substring(0, slash));
            folders.add(folder);
        }
        if (previous == null) {
            caseTwin(job, file);
            owners.put(file, job.owner());
            for (String folder : folders) {
                owners.put(folder, job.owner());
            }
            jobs.add(job);
            return;
        }
        report(job, previous);
    }

    /**
     * Warns of a file whose path differs from another's only in case ({@code Story/} beside {@code story/}): both
     * are written, but on a file system that ignores case (macOS, Windows, and hosts on them) the second replaces
     * the first, and a page is lost without a word. Only paths with a capital letter are remembered.
     */
    private void caseTwin(PageJob job, String file) {
        String folded = file.toLowerCase(Locale.ROOT);
        boolean hasCapital = !folded.equals(file);
        String twin = hasCapital && owners.containsKey(folded) ? folded : capitalized.get(folded);
        if (hasCapital) {
            capitalized.putIfAbsent(folded, file);
        }
        if (twin == null || twin.equals(file)) {
            return;
        }
        String other = owners.get(twin);
        String at = job.owner().isEmpty() ? other : job.owner();
        if (at.isEmpty()) {
            return; // two pages the site generates: their names come from keys already in lower case
        }
        String message = "the site's files " + twin + " (" + (other.isEmpty() ? "a page the site generates" : other)
                + ") and " + file + " (" + (job.owner().isEmpty() ? "a page the site generates" : job.owner())
                + ") differ only in upper and lower case: on a file system that ignores case (macOS,"
                + " Windows) one would replace the other; give one of them a different slug";
        diagnostics.add(
                at.equals(job.owner())
                        ? at(at, job.sitePath(), Severity.WARNING, message)
                        : Diagnostic.warning(at, 1, 1, message));
    }

    private void report(PageJob job, String previous) {
        String by = previous.isEmpty() ? "a page the site generates" : previous;
        if (job.owner().isEmpty()) {
            diagnostics.add(at(
                    previous,
                    job.sitePath(),
                    Severity.ERROR,
                    "this dispatch's URL or alias collides with " + job.sitePath()
                            + ", a page the site generates; change its slug or alias"));
        } else {
            diagnostics.add(at(
                    job.owner(),
                    job.sitePath(),
                    Severity.ERROR,
                    "two dispatches have the same URL " + job.sitePath() + ": this one and " + by + hugoPaths()
                            + "; give one of them a different slug or alias" + permalinkFix(job, previous)));
        }
    }

    /**
     * The finding at the key that gives the dispatch {@code sitePath}: its {@code aliases} when it is not the article's
     * own URL, else its {@code url} or {@code slug}; the file's start when it names none (the file name gives it).
     */
    private Diagnostic at(String owner, String sitePath, Severity severity, String message) {
        Dispatch d = dispatches().get(owner);
        if (d == null) {
            return new Diagnostic(owner, 1, 1, severity, message);
        }
        String key = !d.permalink().equals(sitePath) ? "aliases" : d.positions().containsKey("url") ? "url" : "slug";
        return d.finding(severity, d.position(key), message);
    }

    private Map<String, Dispatch> dispatches() {
        if (byPath == null) {
            byPath = new HashMap<>();
            for (String lang : model.languages()) {
                model.articles(lang).forEach(d -> byPath.put(d.path(), d));
            }
        }
        return byPath;
    }

    /**
     * For two articles at one URL, the {@code permalinks} setting that tells them apart: the day when their days
     * differ, else the file name. Empty for aliases, and for files whose names differ only in their extension.
     */
    private String permalinkFix(PageJob job, String previous) {
        if (job.kind() != PageKind.ARTICLE || previous.isEmpty()) {
            return "";
        }
        Dispatch one = dispatches().get(job.owner());
        Dispatch other = dispatches().get(previous);
        if (one == null || other == null || !other.permalink().equals(job.sitePath())) {
            return "";
        }
        boolean sameDay = one.date().toLocalDate().equals(other.date().toLocalDate());
        if (sameDay && stem(one.path()).equals(stem(other.path()))) {
            return ""; // a.md and a.txt: no pattern tells them apart, a slug does
        }
        String target = one.section().isEmpty() ? one.lang() : one.lang() + "/" + one.section();
        String pattern = sameDay ? "/:sections/:year/:month/:filename/" : "/:sections/:year/:month/:day/:slug/";
        return ", or set their URLs apart in arshif.yml with permalinks: {" + target + ": \"" + pattern + "\"}";
    }

    /** Why two names met, when hugoPaths made them Hugo's: Hugo wrote one over the other without a word. */
    private String hugoPaths() {
        return model.config().hugoPaths()
                ? " (with hugoPaths on, their names are written as Hugo wrote them, in lower case with a hyphen for a"
                        + " space; Hugo too gave both this URL, and published only one of them)"
                : "";
    }

    private static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Reports a page that cannot be planned, at the dispatch that stands in its way (not when trusting). */
    void error(String path, String message) {
        if (!trusting) {
            diagnostics.error(path, 1, 1, message);
        }
    }

    /** The claimed pages, in the order they were claimed. */
    List<PageJob> jobs() {
        return jobs;
    }
}
