package org.arshif;

import java.util.Locale;
import java.util.Optional;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostic;

/**
 * The build's notice when the site outgrows its host: GitHub Pages, where this repository's workflows publish,
 * takes sites of at most 1 GB, and a deploy over it fails far from the build that caused it. The limit is
 * {@code siteSizeLimit} (MB) in {@code arshif.yml}; 0 turns the notice off. The share it names was measured on
 * the 10,000-dispatch bench archive (pageSize 10, relatedCount 5): 188.4 MB; with {@code pageSize: 50} 184.2 MB, and
 * with {@code relatedCount: 0} as well 162.9 MB; {@code pageSize: 100} and {@code relatedCount: 0} 165.9 MB (a list's
 * first page shows full cards).
 */
final class SiteSizeNotice {
    private static final long MB = 1024 * 1024;

    private SiteSizeNotice() {}

    static Optional<Diagnostic> of(long bytes, long files, int dispatches, int limitMb) {
        if (limitMb <= 0 || bytes <= limitMb * MB) {
            return Optional.empty();
        }
        String perDispatch =
                dispatches == 0 ? "" : String.format(Locale.ROOT, ", %,d bytes per dispatch", bytes / dispatches);
        String host = limitMb == SiteConfig.GITHUB_PAGES_LIMIT_MB ? " (GitHub Pages publishes at most 1 GB)" : "";
        return Optional.of(Diagnostic.notice(
                ConfigLoader.FILE_NAME,
                1,
                1,
                String.format(
                                Locale.ROOT,
                                "the site is %,d MB in %,d files%s, over siteSizeLimit, %,d MB%s.",
                                bytes / MB,
                                files,
                                perDispatch,
                                limitMb,
                                host)
                        + " To make it smaller: relatedCount: 0 drops the related dispatches from every article page"
                        + " (about an eighth of the site; pageSize barely matters, since every listed dispatch costs"
                        + " about the same on any page); or publish to a host without that limit, and set"
                        + " siteSizeLimit to its limit in MB (0: no notice) in "
                        + ConfigLoader.FILE_NAME));
    }
}
