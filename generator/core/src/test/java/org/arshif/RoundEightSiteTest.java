package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input, round eight, through a whole build: what the checks after the read say, at the columns written. */
class RoundEightSiteTest {
    @TempDir
    Path tmp;

    @Test
    void aBrokenLinkAfterARemovedByteOrderMarkIsAtItsColumnAsWrittenWhetherTheFileWasReadOrNot() {
        Path root = tmp.resolve("site");
        // "Some ", the mark at column 6, "text with " at 7-16: the link's '[' is at column 17 as written.
        String body = "\n\nSome \uFEFFtext with [a link](/nowhere/) here.\n";
        Trees.write(root.resolve("content/en/read.md"), "---\ntitle: A\ndate: 2017-05-04" + "\n---" + body);
        Trees.write(root.resolve("content/en/unread.md"), "---\ntitle: B\ndate: maybe\n---" + body);
        ContentException e = assertThrows(
                ContentException.class,
                () -> SiteBuilds.at(root, tmp.resolve("out")).build());
        List<String> found = e.diagnostics().stream().map(Diagnostic::format).toList();
        for (String file : List.of("read", "unread")) {
            assertTrue(
                    found.contains("content/en/" + file + ".md:6:17: error: link '/nowhere/' points to no page of the"
                            + " site (/nowhere/)"),
                    found.toString());
        }
    }

    @Test
    void aWireHeldByItsEmbargoLineIsScheduledAtThatLineInTheWiresWords() {
        Path root = tmp.resolve("wire");
        // no front-matter: the embargo line (line 2) holds the dispatch, not a publishDate the file does not have
        Trees.write(
                root.resolve("content/en/2017-05-04-ap.txt"),
                "Syria talks resume in Geneva\nEMBARGOED UNTIL 0001 GMT JULY 5 2017\n"
                        + "GENEVA, May 4, 2017 (AP) — Talks resumed on Thursday.\n");
        Arshif site = SiteBuilds.at(root, tmp.resolve("out"));
        site.build();
        assertFalse(Files.exists(tmp.resolve("out/en/2017/05/ap")), "held until 2017-07-05");
        List<String> scheduled = site.check().findings().stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains("scheduled"))
                .toList();
        assertEquals(
                List.of("content/en/2017-05-04-ap.txt:2:1: notice: scheduled: its embargo line holds it until"
                        + " 2017-07-05T00:01Z (dated 2017-05-04T00:00Z), so builds leave it out until then (future=true"
                        + " includes it)"),
                scheduled);
    }
}
