package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input, round nine, through a whole build: what a migrated archive's keys do to what is published. */
class RoundNineSiteTest {
    @TempDir
    Path tmp;

    @Test
    void anExpiredDispatchIsLeftOutAndTheCheckSaysSoAtItsExpiryDate() {
        Path root = tmp.resolve("site");
        Trees.write(
                root.resolve("content/en/old.md"),
                "---\ntitle: Old\ndate: 2017-05-04\nexpiryDate: 2017-06-01\n---\nText.\n");
        Trees.write(root.resolve("content/en/kept.md"), "---\ntitle: Kept\ndate: 2017-05-04\n---\nText.\n");
        Arshif site = SiteBuilds.at(root, tmp.resolve("out"));
        site.build();
        assertFalse(Files.exists(tmp.resolve("out/en/2017/05/old")), "left out, as Hugo does");
        assertTrue(Files.exists(tmp.resolve("out/en/2017/05/kept")));
        assertEquals(
                List.of("content/en/old.md:4:1: notice: expired: expiryDate 2017-06-01T00:00Z has passed, so builds"
                        + " leave the dispatch out, as Hugo does (drafts=true includes it); delete expiryDate to keep"
                        + " it in the archive"),
                site.check().findings().stream()
                        .map(Diagnostic::format)
                        .filter(f -> f.contains("expired"))
                        .toList());
    }
}
