package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveContentTest {
    @TempDir
    Path tmp;

    Optional<ActiveContent.Found> find(String text) throws IOException {
        Path file = tmp.resolve("f.svg");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ActiveContent.find(file);
    }

    @Test
    void findsEachWayASvgOrHtmlFileRunsAScript() throws IOException {
        assertEquals(
                new ActiveContent.Found(2, 3, "<script"),
                find("<svg>\n  <script>alert(1)</script></svg>").get());
        assertEquals(
                new ActiveContent.Found(1, 6, "< SCRIPT"),
                find("<svg>< SCRIPT>x</SCRIPT></svg>").get());
        assertEquals("onload=", find("<svg/onload=alert(1)>").get().what());
        assertEquals(
                "onclick =",
                find("<svg><a xlink:title='x'\tonclick =\"x()\"/></svg>").get().what());
        assertEquals(
                "onbegin=",
                find("<svg><animate svg:onbegin=\"x()\"/></svg>").get().what());
        assertEquals(
                "java&#x73;cript:",
                find("<svg><a href=\"java&#x73;cript:x\"/></svg>").get().what());
        assertEquals(
                "JavaScript&colon;",
                find("<a href=\"JavaScript&colon;x()\">x</a>").get().what());
        assertEquals(
                new ActiveContent.Found(1, 10, "jav ascript&#58;"),
                find("<a href='jav\tascript&#58;x'>").get());
        assertEquals(
                "<foreignObject",
                find("<svg><foreignObject><p>x</p></foreignObject></svg>").get().what());
        assertEquals("<iframe", find("<p><iframe src=x></iframe></p>").get().what());
        assertEquals(
                "<!ENTITY",
                find("<!DOCTYPE svg [<!ENTITY s \"&#60;script&#62;\">]><svg>&s;</svg>")
                        .get()
                        .what());
    }

    @Test
    void aScriptInUtf16IsFoundToo() throws IOException {
        Path file = tmp.resolve("wide.svg");
        Files.write(file, "\uFEFF<svg><script>x</script></svg>".getBytes(StandardCharsets.UTF_16BE));
        assertEquals("<script", ActiveContent.find(file).get().what());
    }

    @Test
    void aDocumentTooLargeToLookThroughIsAFindingNotAnOutOfMemory() throws IOException {
        Path big = tmp.resolve("big.svg");
        try (var out = Files.newOutputStream(big)) {
            byte[] block = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= ActiveContent.MAX_BYTES; written += block.length) {
                out.write(block);
            }
        }
        assertTrue(ActiveContent.find(big).get().tooLarge());
        assertFalse(find("<svg><script>x</script></svg>").get().tooLarge());
    }

    @Test
    void aCleanDrawingHoldsNone() throws IOException {
        assertFalse(find("<p>&#60;script&#62; is how a script starts; see java docs: x</p>")
                .isPresent());
        assertFalse(find("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Online: one \"onion\" map</title>"
                        + "<path d=\"M0 0\" stroke-dasharray=\"1 2\"/><desc>objects, descriptions</desc></svg>")
                .isPresent());
    }

    @Test
    void onlyDocumentsABrowserRendersAreLookedAt() {
        assertTrue(ActiveContent.isDocument("map.SVG"));
        assertTrue(ActiveContent.isDocument("chart.html"));
        assertTrue(ActiveContent.isDocument("feed.xml"));
        assertFalse(ActiveContent.isDocument("chart.js"));
        assertFalse(ActiveContent.isDocument("photo.jpg"));
        assertFalse(ActiveContent.isDocument("svg"));
    }
}
