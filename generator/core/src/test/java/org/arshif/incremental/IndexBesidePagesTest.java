package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild writes its search index beside the pages, the search pages last; a first build writes it before them.
 * Either way the site is the one a fresh build writes.
 */
class IndexBesidePagesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void aRebuildRendersThePagesBeforeItWaitsForTheIndexAndWritesTheFreshSite() throws Exception {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Path cache = tmp.resolve("cache");
        Path site = tmp.resolve("site");
        String first = build(root, site, cache);
        assertTrue(phases(first).indexOf("search") < phases(first).indexOf("render"), first);

        Path edited = root.resolve("content/en/2017-05-10-new.md");
        Trees.write(edited, "---\ntitle: New words\ndate: 2017-05-10\n---\n\nA zebra crossed.\n");
        String rebuild = build(root, site, cache);
        List<String> phases = phases(rebuild);
        assertTrue(phases.indexOf("render") < phases.indexOf("search"), rebuild);

        Path fresh = tmp.resolve("fresh");
        build(root, fresh, tmp.resolve("fresh-cache"));
        Trees.assertSameTree(Trees.read(fresh), Trees.read(site), "the rebuilt site against a fresh build");
        assertTrue(
                Files.readString(site.resolve("en/search/index.html")).contains("search"),
                "the search page is written");
    }

    /** The phase names of a build's summary line, in the order they ended. */
    private static List<String> phases(String summary) {
        Matcher m = Pattern.compile("\\[([^\\]]*)\\]").matcher(summary);
        assertTrue(m.find(), summary);
        List<String> names = new ArrayList<>();
        for (String phase : m.group(1).split(", ")) {
            names.add(phase.substring(0, phase.indexOf(' ')));
        }
        assertTrue(names.contains("search") && names.contains("render"), summary);
        return names;
    }

    private String build(Path root, Path site, Path cache) {
        List<String> lines = new ArrayList<>();
        return Arshif.builder()
                .siteRoot(root)
                .output(site)
                .cache(cache)
                .clock(CLOCK)
                .log(BuildLog.of(lines::add, lines::add))
                .build()
                .build()
                .summary();
    }
}
