package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hugoPaths}: slugs, file names and section folders made into URLs as Hugo made them (lower case, a hyphen for
 * a space), from {@code arshif.yml} or the front end; without it, as written (with the warnings naming Hugo's URL).
 */
class HugoPathsSiteTest {
    private static final String PERMALINKS = "permalinks: {en: /:sections/:slugorfilename/}\n";

    @TempDir
    Path dir;

    private Path site(String config) {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "languages: [en]\n" + PERMALINKS + config);
        Trees.write(root.resolve("content/en/news/Breaking News.md"), page("Breaking", ""));
        Trees.write(root.resolve("content/en/news/CamelCase.md"), page("Camel", ""));
        Trees.write(root.resolve("content/en/news/greeting.md"), page("Hello", "slug: Hello-World\n"));
        Trees.write(root.resolve("content/en/World Desk/report.md"), page("Report", ""));
        Trees.write(root.resolve("content/en/World Desk/_index.md"), "---\ntitle: The World Desk\n---\n");
        Trees.write(root.resolve("content/en/Foreign Desk/cable.md"), page("Cable", ""));
        return root;
    }

    private static String page(String title, String more) {
        return "---\ntitle: " + title + "\ndate: 2024-03-02\n" + more + "---\n\nText.\n";
    }

    private List<String> build(Path root, boolean override) {
        return Arshif.builder()
                .siteRoot(root)
                .output(dir.resolve("out"))
                .clock(HugoContentTest.CLOCK)
                .hugoPaths(override)
                .build()
                .build()
                .findings()
                .stream()
                .map(Diagnostic::format)
                .toList();
    }

    private void assertHugosUrls(List<String> findings) throws Exception {
        Path out = dir.resolve("out");
        for (String page : List.of("news/breaking-news", "news/camelcase", "news/hello-world", "foreign-desk/cable")) {
            assertTrue(Files.isRegularFile(out.resolve("en/" + page + "/index.html")), page);
        }
        assertTrue(Files.isRegularFile(out.resolve("en/world-desk/report/index.html")));
        assertFalse(Files.exists(out.resolve("en/news/Breaking News")));
        // the section page's title still finds its section, whose folder is now world-desk
        String list = Files.readString(out.resolve("en/world-desk/index.html"), StandardCharsets.UTF_8);
        assertTrue(list.contains("The World Desk"), list);
        // a folder without a section page: named as written, not by its URL segment
        String foreign = Files.readString(out.resolve("en/foreign-desk/index.html"), StandardCharsets.UTF_8);
        assertTrue(foreign.contains("<h1>Foreign Desk</h1>"), foreign);
        assertFalse(foreign.contains(">foreign-desk<"), foreign);
        assertEquals(
                List.of(), findings.stream().filter(f -> f.contains("Hugo")).toList());
    }

    @Test
    void theSettingInArshifYmlMakesHugosUrls() throws Exception {
        assertHugosUrls(build(site("hugoPaths: true\n"), false));
    }

    @Test
    void theFrontEndsOverrideMakesThemToo() throws Exception {
        assertHugosUrls(build(site(""), true));
    }

    @Test
    void withoutItTheNamesAreKeptAndHugosUrlsNamed() {
        List<String> findings = build(site(""), false);
        Path out = dir.resolve("out");
        assertTrue(Files.isRegularFile(out.resolve("en/news/Breaking News/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("en/World Desk/report/index.html")));
        assertEquals(
                5,
                findings.stream()
                        .filter(f -> f.contains("which Hugo writes in lower case"))
                        .count(),
                findings::toString);
    }

    @Test
    void twoFilesThatMakeOneUrlAreBothNamed() {
        Path root = site("hugoPaths: true\n");
        Trees.write(root.resolve("content/en/news/Camel Case.md"), page("Other camel", ""));
        Trees.write(root.resolve("content/en/news/camel-case.md"), page("Third camel", ""));
        List<String> errors = BuildFindings.ofFailed(root, dir.resolve("out")).stream()
                .filter(f -> f.contains("error:"))
                .toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(
                errors.get(0)
                        .startsWith(
                                "content/en/news/camel-case.md:1:1: error: two dispatches have the same URL"
                                        + " /en/news/camel-case/: this one and content/en/news/Camel Case.md (with hugoPaths on"),
                errors.get(0));
    }

    /** {@code check} with the front end's override judges the URLs the build with it makes, not those without it. */
    @Test
    void theCheckWithTheOverrideJudgesHugosUrls() {
        Path root = site("");
        // CamelCase.md is /en/news/camelcase/ only with hugoPaths: then the two clash
        Trees.write(root.resolve("content/en/news/camelcase.md"), page("Other camel", ""));
        List<String> with = check(root, true);
        assertEquals(
                List.of(),
                with.stream().filter(f -> f.contains("which Hugo writes")).toList(),
                with::toString);
        List<String> clashes = with.stream()
                .filter(f -> f.contains("error: two dispatches have the same URL /en/news/camelcase/"))
                .toList();
        assertEquals(1, clashes.size(), with::toString);
        List<String> without = check(root, false);
        assertEquals(
                5,
                without.stream()
                        .filter(f -> f.contains("which Hugo writes in lower case"))
                        .count(),
                without::toString);
        assertEquals(
                List.of(), without.stream().filter(f -> f.contains("error")).toList(), without::toString);
    }

    private List<String> check(Path root, boolean override) {
        return Arshif.builder()
                .siteRoot(root)
                .clock(HugoContentTest.CLOCK)
                .hugoPaths(override)
                .build()
                .check()
                .findings()
                .stream()
                .map(Diagnostic::format)
                .toList();
    }
}
