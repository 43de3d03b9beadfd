package org.arshif;

import java.util.Locale;
import java.util.Optional;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Hints;

/**
 * The build's notice when the site nears or outgrows its host: GitHub Pages, where this repository's workflows
 * publish, takes sites of at most 1 GB, and a deploy over it fails far from the build that caused it. The limit is
 * {@code siteSizeLimit} (MB) in {@code arshif.yml}; 0 turns the notice off.
 *
 * <p>What GitHub Pages counts is the tar that {@code actions/upload-pages-artifact} makes of the site (its
 * "Uploaded artifact size" warnings are multiples of tar's 10,240-byte record): a 512-byte header for every file and
 * folder, and every file padded to 512 bytes. With a folder per page, that was 1,287–1,289 bytes per file over the
 * files' own bytes at 10,000 and 100,000 dispatches (GNU tar 1.34), so the notice counts {@link #TAR_BYTES_PER_FILE}.
 *
 * <p>The remedy it names was measured on the 100,000-dispatch bench archive (bench/RESULTS.md, w14-bytes2 and
 * w14-bytes3, w14-bytes4, w15-bytes5): {@code compact} takes the tar from 1,987 MB (1,895 MiB) to about 1,051 MB (1,002
 * MiB, estimated from the uglyUrls build and the folders' tar headers), −47%, and {@code uglyUrls} with it to 970 MB
 * (925 MiB), under GitHub Pages' 1 GB counted in powers of ten too.
 */
final class SiteSizeNotice {
    private static final long MB = 1024 * 1024;
    /** A tar's bytes per file beyond the file's own, measured (above). */
    static final long TAR_BYTES_PER_FILE = 1_290;
    /**
     * The same with {@code uglyUrls}, where most files (the articles) have no folder of their own: 853 at 10,000
     * dispatches and 807 at 100,000, compact (bench/RESULTS.md, w14-bytes4).
     */
    static final long TAR_BYTES_PER_FILE_UGLY = 830;
    /** The notice comes from 90% of the limit on, before a deploy fails. */
    private static final double NEAR = 0.9;

    private SiteSizeNotice() {}

    static Optional<Diagnostic> of(long bytes, long files, int dispatches, SiteConfig config, Hints hints) {
        int limitMb = config.siteSizeLimitMb();
        long published = bytes + files * (config.uglyUrls() ? TAR_BYTES_PER_FILE_UGLY : TAR_BYTES_PER_FILE);
        if (limitMb <= 0 || published < NEAR * limitMb * MB) {
            return Optional.empty();
        }
        String perDispatch =
                dispatches == 0 ? "" : String.format(Locale.ROOT, ", %,d bytes per dispatch", published / dispatches);
        String host = limitMb == SiteConfig.GITHUB_PAGES_LIMIT_MB ? " (GitHub Pages publishes at most 1 GB)" : "";
        return Optional.of(Diagnostic.notice(
                ConfigLoader.FILE_NAME,
                1,
                1,
                String.format(
                                Locale.ROOT,
                                "the site is %,d MB in %,d files, about %,d MB as published (a tar)%s, %s"
                                        + " siteSizeLimit, %,d MB%s.",
                                bytes / MB,
                                files,
                                published / MB,
                                perDispatch,
                                published > limitMb * MB ? "over" : "near",
                                limitMb,
                                host)
                        + remedy(config, hints)
                        + ", and set siteSizeLimit to its limit in MB (0: no notice) in "
                        + ConfigLoader.FILE_NAME));
    }

    /** What makes the site smaller, in the front end's words: compact, then uglyUrls, then another host. */
    private static String remedy(SiteConfig config, Hints hints) {
        String ugly = hints.option(Hints.Option.UGLY_URLS, "true") + " (uglyUrls: true in " + ConfigLoader.FILE_NAME
                + ") writes each article as one file, slug.html, not a folder (a compact site of 100,000 dispatches:"
                + " about 1,002 MB to 925 MB as published)";
        if (config.compact() && config.uglyUrls()) {
            return " The site is compact, its articles files already: publish to a host without that limit, or split"
                    + " the archive";
        }
        if (config.compact()) {
            return " The site is compact already; to make it smaller still: " + ugly
                    + "; or publish to a host without that limit";
        }
        return " To make it smaller: " + hints.option(Hints.Option.COMPACT, "true") + " (compact: true in "
                + ConfigLoader.FILE_NAME + ") leaves out related dispatches, newer/older links, Open Graph"
                + " and JSON-LD, tag lists past ten pages and the search index's copies for hosts that"
                + " ignore HTTP Range, about 47% of the site as published (100,000 dispatches: 1,895 MB to"
                + " about 1,002 MB), for a host that serves Range (GitHub Pages does)"
                + (config.uglyUrls() ? "" : "; with it, " + ugly)
                + "; or publish to a host without that limit";
    }
}
