package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.util.List;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** Hostile input, round six: what the reader got wrong or left unsaid. */
class RoundSixFindingsTest {

    @Test
    void utf32IsNamedAsUtf32NotAsUtf16() {
        String wire = "Minister meets counterpart\nAMMAN (Reuters) - The minister met him.\n\nThey talked.\n";
        byte[] withMark = ("\uFEFF" + wire).getBytes(Charset.forName("UTF-32LE"));
        assertEquals(
                List.of("content/en/a.txt:1:1: error: the file is UTF-32 (little-endian, with a byte-order mark),"
                        + " not UTF-8; save it as UTF-8"),
                Readers.findings("content/en/a.txt", withMark));
        assertEquals(
                List.of("content/en/a.txt:1:1: error: the file is UTF-32 (big-endian, no byte-order mark),"
                        + " not UTF-8; save it as UTF-8"),
                Readers.findings("content/en/a.txt", wire.getBytes(Charset.forName("UTF-32BE"))));
        assertEquals(
                List.of("content/ar/a.txt:1:1: error: the file is UTF-32 (little-endian, no byte-order mark),"
                        + " not UTF-8; save it as UTF-8"),
                Readers.findings(
                        "content/ar/a.txt", "عنوان\nنص الخبر.\n\nفقرة.\n".getBytes(Charset.forName("UTF-32LE"))));
    }

    @Test
    void anAuthorWrittenAsAMappingWithANameIsTheByline() {
        Diagnostics d = new Diagnostics();
        Dispatch a = Readers.reader()
                .read(
                        "content/en/2024-03-01-a.md",
                        "---\ntitle: A\nauthor: {name: Jane Doe, email: j@x.example}\n---\n\nText.\n"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        d)
                .orElseThrow();
        assertEquals(List.of("Jane Doe"), a.meta().authors());
        assertEquals(List.of(), d.sorted());
        List<String> found = Readers.findings(
                "content/en/2024-03-01-b.md",
                "---\ntitle: B\nauthors:\n  - name: Ann\n  - Bob\n  - [x]\n---\n\nText.\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(
                List.of("content/en/2024-03-01-b.md:6:5: warning: authors is read as the byline, but this is a list,"
                        + " not a name, so it is left out of it; write the name as text (authors: Jane Doe), or give"
                        + " the mapping a name: key"),
                found);
    }

    @Test
    void hijriDatesInNumbersAndInEnglishAreRead() {
        java.time.LocalDate day = java.time.LocalDate.of(2015, 8, 11);
        for (String written : List.of(
                "1436/10/26هـ",
                "26/10/1436 هـ",
                "٢٦/١٠/١٤٣٦ هـ",
                "26-10-1436 AH",
                "26 Shawwal 1436 AH",
                "26 Shawwal 1436",
                "26 Shawwal, 1436 A.H.")) {
            assertEquals(java.util.Optional.of(day), org.arshif.content.wire.WireCalendar.written(written), written);
        }
        assertEquals(
                java.util.Optional.of(java.time.LocalDate.of(2024, 3, 15)),
                org.arshif.content.wire.WireCalendar.written("5 Ramadan 1445 AH"));
        assertEquals(java.util.Optional.empty(), org.arshif.content.wire.WireCalendar.written("26/13/1436 هـ"));
    }

    @Test
    void anSpaDatelineWithItsHijriDateInNumbersGivesTheDateAndTheCity() {
        java.util.Map<String, String> cities =
                java.util.Map.of("جدة 1436/10/26هـ واس", "جدة", "مكة المكرمة 26/10/1436 هـ واس", "مكة المكرمة");
        cities.forEach((dateline, city) -> {
            Dispatch d = Readers.read(
                    "content/ar/spa-1.txt", "سياسي / خبر\n" + dateline + "\nنص الخبر هنا للاختبار.\n// انتهى //\n");
            assertEquals(java.time.LocalDate.of(2015, 8, 11), d.date().toLocalDate(), dateline);
            assertEquals(city, d.dateline(), dateline);
            assertEquals("واس", d.source(), dateline);
            assertEquals("<p>نص الخبر هنا للاختبار.</p>", d.bodyHtml().strip(), dateline);
        });
    }

    @Test
    void aShortcodeNeverClosedIsOneWarningAFileNotSilentlyPublishedAsText() {
        String md = "---\ntitle: T\ndate: 2024-03-01\n---\n\nBefore {{< figure src=\"a.jpg\" after.\n\nMore {{% x.\n";
        assertEquals(
                List.of("content/en/a.md:6:8: warning: '{{<' opens a Hugo shortcode that is never closed by '>}}', so"
                        + " it is published as text, braces and all; close it, or delete what is left of it (1 more in"
                        + " this file)"),
                Readers.findings("content/en/a.md", md.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String many = "---\ntitle: T\ndate: 2024-03-01\n---\n\nX " + "{{<".repeat(20_000) + "\n";
        assertEquals(
                List.of("content/en/b.md:6:3: warning: '{{<' opens a Hugo shortcode that is never closed by '>}}', so"
                        + " it is published as text, braces and all; close it, or delete what is left of it (19999"
                        + " more in this file)"),
                Readers.findings("content/en/b.md", many.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
