package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's archive as a newsroom has it, in one site, built with no hand fixes: sections whose sources repeat
 * file names, SPA- and SANA-form plain text, a newsroom's own wire profile, Hugo-form Markdown with TOML, YAML and
 * JSON front-matter, and a page bundle with photos. It puts together the fixtures that each feature's own test
 * reads (sites/sections, sites/wire, sites/hugo-content, sites/media) and the real SANA dispatch, under one
 * {@code arshif.yml}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealFormArchiveTest {
    private Path tmp;
    private Path out;
    private BuildReport report;

    @BeforeAll
    void buildTheArchive(@TempDir Path dir) throws IOException {
        tmp = dir;
        Path root = tmp.resolve("archive");
        for (String site : List.of("sections", "wire", "hugo-content")) {
            Trees.copy(Trees.site(site).resolve("content"), root.resolve("content"));
        }
        MediaTest.photoSite(tmp.resolve("photos"));
        Trees.copy(tmp.resolve("photos/content"), root.resolve("content"));
        // The photo fixture is written for a site published under /archive/; this one is at the host's root.
        for (String lang : List.of("ar", "en")) {
            Path bundle = root.resolve("content/" + lang + "/2017-05-22-putin-call/index.md");
            Files.writeString(bundle, Files.readString(bundle).replace("/archive/media/", "/media/"));
        }
        // The real SANA dispatch as it comes (its date from the file name), and SANA's English form.
        Files.copy(
                Trees.testResource("fixtures/sana/000_601a6318f570dfd2.txt"),
                Files.createDirectories(root.resolve("content/ar/sana")).resolve("2017-05-22-putin-rouhani.txt"));
        Files.copy(
                Trees.testResource("wire/sana-en.txt"),
                Files.createDirectories(root.resolve("content/en/sana")).resolve("2017-05-21-delegation.txt"));
        Trees.write(
                root.resolve("arshif.yml"),
                String.join(
                        "\n",
                        "baseUrl: https://news.example/",
                        "defaultLanguage: ar",
                        "languages: [ar, en]",
                        "timeZone: Asia/Riyadh",
                        "showHijri: true",
                        "agencies:",
                        "  kuna:",
                        "    datelines:",
                        "      - '^(?P<city>\\pL+(?: \\pL+)?) +- +(?P<gday>[0-9]{1,2}) +- +(?P<gmonth>[0-9]{1,2}) +\\((?P<agency>كونا)\\) +-- +'",
                        "    ends:",
                        "      - '^\\(النهاية\\)'",
                        "agencyProfiles:",
                        "  ar/spa: spa",
                        "  ar/kuna: kuna",
                        "sections:",
                        "  okaz: {ar: عكاظ, en: Okaz}",
                        "  aawsat: {ar: الشرق الأوسط, en: Asharq Al-Awsat}",
                        "sources:",
                        "  okaz: {ar: عكاظ, en: Okaz}",
                        "  aawsat: {ar: الشرق الأوسط, en: Asharq Al-Awsat}",
                        ""));
        out = tmp.resolve("site");
        report = Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(WireSiteTest.CLOCK)
                .build()
                .build();
    }

    @Test
    void itBuildsWithNoErrors() {
        List<Diagnostic> errors =
                report.findings().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(), errors);
    }

    @Test
    void twoSourcesThatRepeatAFileNameGetTwoPages() throws IOException {
        String okaz = pageWith("content/ar/okaz/2015-07-21-0001.md");
        String aawsat = pageWith("content/ar/aawsat/2015-07-21-0001.md");
        assertNotEquals(okaz, aawsat);
        assertTrue(okaz.contains("/okaz/") && aawsat.contains("/aawsat/"), okaz + " " + aawsat);
        assertTrue(Files.readString(out.resolve(okaz)).contains("عكاظ"), "the source's Arabic label, not its slug");
    }

    @Test
    void anSpaDispatchShowsItsDatelineAndDateAndLosesItsEndMarker() throws IOException {
        String page = Files.readString(out.resolve(pageWith("content/ar/spa/spa-ar.txt")));
        assertTrue(page.contains("<time datetime=\"2015-08-11\""), "the dateline's Gregorian date");
        assertTrue(page.contains("الرياض"), "the dateline's city");
        assertTrue(page.contains("شوال 1436"), "the Hijri date beside it (showHijri)");
        assertFalse(page.contains("انتهى"), "the end marker is cut");
    }

    @Test
    void theRealSanaDispatchShowsItsDatelineAndAgency() throws IOException {
        String page = Files.readString(out.resolve(pageWith("content/ar/sana/2017-05-22-putin-rouhani.txt")));
        assertTrue(page.contains("<bdi>موسكو</bdi>"), "dateline");
        assertTrue(page.contains("سانا"), "agency");
        assertFalse(page.contains("تيلغرام"), "the agency's footer is cut");
    }

    @Test
    void hugoFormMarkdownInEachFrontMatterFormatIsRead() throws IOException {
        String toml = Files.readString(out.resolve(pageWith("content/en/toml-example.md")));
        assertTrue(toml.contains("Trade fair opens in Damascus") && toml.contains("Rana Haddad"), "TOML title, author");
        assertTrue(Files.exists(out.resolve(pageWith("content/en/json-example.md"))), "JSON front-matter");
        assertTrue(Files.exists(out.resolve(pageWith("content/en/yaml-example.markdown"))), ".markdown, YAML");
    }

    @Test
    void aPageBundlesPhotosAreCopiedBesideItsPageWithTheirSizes() throws IOException {
        String rel = pageWith("content/ar/2017-05-22-putin-call/index.md");
        Path folder = out.resolve(rel).getParent();
        assertTrue(Files.isRegularFile(folder.resolve("kremlin.jpg")), "the bundle's photo beside its page");
        String page = Files.readString(out.resolve(rel));
        assertTrue(page.contains("width=\"640\" height=\"480\""), "the body photo's size");
        assertTrue(page.contains("property=\"og:image\""), "the lead image");
    }

    /** The one article page (relative to the site) whose headline is this source file's. */
    private String pageWith(String source) throws IOException {
        String title = headline(source);
        try (Stream<Path> walk = Files.walk(out)) {
            List<String> found = walk.filter(p -> p.getFileName().toString().equals("index.html"))
                    .filter(p -> read(p).contains("<h1>" + title + "</h1>"))
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            if (found.size() > 1) {
                // A wire story's parts share its headline: the file's own name tells them apart.
                String stem = Path.of(source).getFileName().toString().replaceFirst("\\.[a-z]+$", "");
                found = found.stream().filter(f -> f.contains("/" + stem + "/")).toList();
            }
            assertEquals(1, found.size(), "one article page for " + source + " (" + title + "): " + found);
            return found.get(0);
        }
    }

    /** The headline a fixture file declares: its front-matter title, else its first line. */
    private String headline(String source) {
        String text;
        try {
            text = Files.readString(tmp.resolve("archive").resolve(source));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("title:") || l.startsWith("title =") || l.startsWith("\"title\":")) {
                return l.replaceFirst("^\"?title\"?\\s*[:=]\\s*", "").replaceAll("^[\"']|[\"'],?$", "");
            }
        }
        return text.strip().split("\n")[0].replaceFirst("^\\S+ / ", "").strip();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
