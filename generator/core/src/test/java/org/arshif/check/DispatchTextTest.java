package org.arshif.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.arshif.Arshif;
import org.arshif.content.Dispatch;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Hints;
import org.arshif.site.Library;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build's check reads a dispatch's file again only when one of its checks needs the text. */
class DispatchTextTest {
    private static final Instant NOW = Instant.parse("2017-06-15T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void dispatchesWhoseChecksNeedNoTextAreNotDecodedAgain() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        String typo = "content/en/2017-05-01-typo.md";
        Files.writeString(
                root.resolve(typo),
                "---\ntitle: A typo\ndate: 2017-05-01\nsumary: a key with a typo\n---\nNo link here.\n",
                StandardCharsets.UTF_8);
        Library library = Arshif.builder()
                .siteRoot(root)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build()
                .load();
        ArchiveChecker checker = new ArchiveChecker(root, NOW, 1000, Hints.NEUTRAL);
        List<Diagnostic> before = checker.forBuild(library);
        assertTrue(before.stream().anyMatch(d -> d.path().equals(typo)), before.toString());
        // Agency text whose footer was found, with no unknown tag: removed after the load, a check that read it
        // again would fail ("cannot read").
        for (String path : List.of("content/ar/2017-05-22-putin-call.txt", "content/en/2017-05-22-putin-call.txt")) {
            Dispatch d = library.dispatches().stream()
                    .filter(x -> x.path().equals(path))
                    .findFirst()
                    .orElseThrow();
            assertTrue(d.footerFound() && d.tags().stream().allMatch(library.vocabulary()::isKnown), path);
            Files.delete(root.resolve(path));
        }
        // Markdown without a '[' or a '<' and with no unknown tag: changed after the load into bytes that do not
        // decode, a check that decoded it again would drop its findings (the load, it assumes, reported why).
        Files.write(root.resolve(typo), new byte[] {'-', '-', '-', '\n', (byte) 0xC3, '\n'});

        assertEquals(before, checker.forBuild(library));
    }

    @Test
    void aMarkdownDispatchDeletedAfterTheLoadIsOneErrorNotASystemError() throws IOException {
        // The check reads a Markdown file again for its links: gone since the load, that was "cannot read …" and
        // exit 2, as a disk fault is; a build then published a dispatch that no longer exists.
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        String path = "content/en/2017-05-01-gone.md";
        Trees.write(root.resolve(path), "---\ntitle: Gone soon\ndate: 2017-05-01\n---\n\nText.\n");
        Library library = Arshif.builder()
                .siteRoot(root)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build()
                .load();
        Files.delete(root.resolve(path));
        ContentException e = assertThrows(
                ContentException.class, () -> new ArchiveChecker(root, NOW, 1000, Hints.NEUTRAL).forBuild(library));
        assertEquals(
                List.of(path + ": error: the file was deleted or renamed while the build ran, after it was read; build"
                        + " again"),
                e.errors().stream().map(Diagnostic::format).toList());
    }

    @Test
    void aFileWithoutABracketOrAnAngleBracketHoldsNoLink() {
        assertFalse(DispatchText.mayHoldALink(utf8("---\ntitle: x\n---\nنص بلا رابط (ولا صورة)\n")));
        assertTrue(DispatchText.mayHoldALink(utf8("see [the page](/en/)")));
        assertTrue(DispatchText.mayHoldALink(utf8("<https://example.org>")));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
