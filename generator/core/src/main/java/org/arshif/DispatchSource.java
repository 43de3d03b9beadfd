package org.arshif;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostics;
import org.arshif.incremental.AfterAnswer;
import org.arshif.incremental.KeptDispatches;
import org.arshif.incremental.ParseCache;

/** How a load reads the dispatch files: every one of them, or only those changed since the parse cache was written. */
interface DispatchSource {

    /**
     * @param identities each source file's fingerprint of everything its dispatch was read from, by path; empty
     *                   when the files were not fingerprinted
     * @param save       writes what the read left to keep (the parse cache); the load runs it while it builds the
     *                   site model, and waits for it before it returns
     */
    record Parsed(List<Dispatch> dispatches, Map<String, String> identities, Runnable save) {}

    Parsed read(Path siteRoot, SiteLoader.Setup setup, Diagnostics diagnostics);

    static DispatchSource everyFile() {
        return (siteRoot, setup, diagnostics) -> new Parsed(
                ContentLoader.load(siteRoot, setup.sources(), setup.reader(), diagnostics), Map.of(), () -> {});
    }

    /**
     * Parses only the files that changed since the last build, and names every dispatch for page inputs; with
     * {@code keep} (null: none), the cached dispatches a process kept decoded from the last build are taken as
     * they are. With {@code later} (null: none), the cache's encoding and writes are left to it (see {@link
     * AfterAnswer}).
     */
    static DispatchSource parseCache(
            Path cache, String readingOverrides, BuildLog log, KeptDispatches keep, AfterAnswer later) {
        return (siteRoot, setup, diagnostics) -> {
            ParseCache parsed = ParseCache.open(cache, siteRoot, readingOverrides, log::info, keep);
            if (later != null) {
                parsed.deferStores();
            }
            List<Dispatch> dispatches =
                    parsed.read(siteRoot, setup.sources(), setup.reader(), setup.git(), diagnostics);
            log.info("Incremental build: parsed " + parsed.misses() + " files, reused " + parsed.hits());
            if (keep != null) {
                log.info("Incremental build: took " + parsed.keptHits() + " of the reused dispatches as this process"
                        + " kept them decoded");
            }
            if (later != null) {
                later.add(parsed.afterAnswer());
                return new Parsed(dispatches, parsed.keys(), () -> {});
            }
            return new Parsed(dispatches, parsed.keys(), parsed::save);
        };
    }
}
