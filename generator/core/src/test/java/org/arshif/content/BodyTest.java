package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deflated body keeps every character, and costs a fraction of the two strings it replaces. */
class BodyTest {
    @Test
    void roundTripsArabicEnglishAndAstralText() {
        List<String[]> cases = List.of(
                new String[] {"", ""},
                new String[] {"<p>نص</p>", "نص"},
                new String[] {"<p>x</p>", ""},
                new String[] {"", "only plain"},
                new String[] {"<p>مُحَمَّد 😀 e\u0301 \u200f</p>", "مُحَمَّد 😀 e\u0301 \u200f"});
        for (boolean pack : new boolean[] {false, true}) {
            for (String[] c : cases) {
                Body body = Body.of(c[0], c[1], pack);
                assertEquals(pack ? Body.Packed.class : Body.Cached.class, body.getClass());
                assertEquals(c[0], body.html());
                assertEquals(c[1], body.plainText());
            }
        }
    }

    @Test
    void anUnpackedBodyIsHeldAsItsUtf8Bytes() {
        // one curly quote would make a String of this English text two bytes a character
        String html = "<p>The minister’s visit – the first since 2019 – ended.</p>";
        String plain = "The minister’s visit – the first since 2019 – ended.";
        Body.Cached body = assertInstanceOf(Body.Cached.class, Body.of(html, plain, false));
        assertEquals(
                html.getBytes(StandardCharsets.UTF_8).length, body.htmlUtf8().remaining());
        assertEquals(
                plain.getBytes(StandardCharsets.UTF_8).length, body.plainUtf8().remaining());
        assertTrue(body.htmlUtf8().remaining() < 2 * html.length() * 3 / 4);
        assertEquals(html, body.html());
        assertEquals(plain, body.plainText());
    }

    @Test
    void realDispatchShrinksToAFifthOfItsStrings() throws IOException {
        String text = Files.readString(AgencyTextTest.SAMPLE, StandardCharsets.UTF_8);
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\n\\s*\n")) {
            html.append("<p>").append(paragraph.strip()).append("</p>\n");
        }
        Body.Packed body = Body.Packed.of(html.toString(), text);
        assertEquals(html.toString(), body.html());
        assertEquals(text, body.plainText());
        long asStrings = 2L * (html.length() + text.length()); // UTF-16, which Arabic text is held in
        assertTrue(
                body.packed().length * 4 < asStrings,
                body.packed().length + " packed bytes against " + asStrings + " bytes of strings");
    }

    @Test
    void aPackingReaderReadsTheRealSampleAsThePlainReaderDoes() throws IOException {
        byte[] bytes = Files.readAllBytes(AgencyTextTest.SAMPLE);
        Dispatch plain = Readers.read(Readers.reader(), "content/ar/2017-05-01-sample.txt", bytes);
        Dispatch packed = Readers.read(Readers.reader().packingBodies(true), "content/ar/2017-05-01-sample.txt", bytes);
        assertEquals(Body.Cached.class, plain.body().getClass());
        assertEquals(Body.Packed.class, packed.body().getClass());
        assertEquals(plain.bodyHtml(), packed.bodyHtml());
        assertEquals(plain.plainText(), packed.plainText());
        assertEquals(plain.summary(), packed.summary());
        assertTrue(plain.bodyHtml().contains("<p>"));
    }

    @Test
    void bodiesArePackedOnlyWhenTheirTextWouldCrowdTheHeap(@TempDir Path site) throws IOException {
        Files.createDirectories(site.resolve("content/ar"));
        Files.write(site.resolve("content/ar/a.md"), new byte[1000]);
        Files.write(site.resolve("content/ar/b.md"), new byte[1000]);
        List<String> sources = List.of("content/ar/a.md", "content/ar/b.md", "content/ar/gone.md");
        // 2,000 bytes of files make about 4,000 bytes of strings: packed when that is over a quarter of the heap
        assertTrue(ContentLoader.packBodies(site, sources, 15_999));
        assertFalse(ContentLoader.packBodies(site, sources, 16_000));
    }

    @Test
    void bodiesLongerThanTheInflateBufferAndEqualityByContent() {
        String paragraph = "<p>" + "دمشق-سانا أعلنت وزارة الكهرباء ".repeat(2000) + "</p>";
        Body a = Body.of(paragraph, paragraph.substring(3), true);
        assertEquals(paragraph, a.html());
        assertEquals(paragraph.substring(3), a.plainText());
        assertEquals(a, Body.of(paragraph, paragraph.substring(3), true));
        assertEquals(
                a.hashCode(), Body.of(paragraph, paragraph.substring(3), true).hashCode());
        assertNotEquals(a, Body.of(paragraph, "other", true));
    }
}
