package org.arshif;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                () -> Arshif.builder()
                        .siteRoot(root)
                        .output(tmp.resolve("out"))
                        .clock(InvalidSitesTest.CLOCK)
                        .build()
                        .build());
        List<String> found = e.diagnostics().stream().map(Diagnostic::format).toList();
        for (String file : List.of("read", "unread")) {
            assertTrue(
                    found.contains("content/en/" + file + ".md:6:17: error: link '/nowhere/' points to no page of the"
                            + " site (/nowhere/)"),
                    found.toString());
        }
    }
}
