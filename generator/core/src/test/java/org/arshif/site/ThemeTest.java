package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.diag.Diagnostics;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default theme as built: every word of its {@code i18n.yml} is used, the search client gets the site's words
 * through the page, empty lists say what is missing, and every page links the theme's favicon.
 */
class ThemeTest {
    /** The default theme's sources (Surefire runs in generator/core/). */
    private static final Path TEMPLATES =
            Path.of("..", "..", "templates").toAbsolutePath().normalize();

    private static final Path MAIN_JAVA = Path.of("src", "main", "java").toAbsolutePath();
    /** Plural forms that Arabic has and English does not. */
    private static final Set<String> ARABIC_ONLY = Set.of("resultsTwo", "resultsFew", "resultsMany");

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static Map<String, Map<String, String>> builtInWords() {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Map<String, String>> words = new Theme(null, null, new Diagnostics()).words(diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        return words;
    }

    private static String readAll(Path root, String glob) throws IOException {
        var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(p.getFileName()))
                    .sorted()
                    .toList()) {
                all.append(Files.readString(p)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void everyWordOfTheThemeIsUsedByATemplateOrTheGenerator() throws IOException {
        String templates = readAll(TEMPLATES, "*.ftl*");
        String java = readAll(MAIN_JAVA, "*.java");
        List<String> unused = new ArrayList<>();
        for (String key : builtInWords().get("en").keySet()) {
            // page.t.key in a template, "key" in a template's list (the search client's words) or in word(lang, "key")
            boolean used =
                    Pattern.compile("\\bt\\." + key + "\\b").matcher(templates).find()
                            || templates.contains("\"" + key + "\"")
                            || java.contains("\"" + key + "\"");
            if (!used) {
                unused.add(key);
            }
        }
        assertEquals(List.of(), unused, "words in templates/i18n.yml that nothing uses: use them or remove them");
    }

    @Test
    void aMisspeltWordOrLanguageOfTheSitesI18nIsNamedAndAWordOfItsOwnTemplatesIsNot() throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("site").resolve("templates"));
        Files.writeString(
                templates.resolve("i18n.yml"),
                "ar:\n  serach: ابحث\n  byline: بقلم\n  tag: وسم\nAR:\n  home: الرئيسية\nfr:\n  nextPage: Suivant\n");
        // byline is a near miss of no word (the site's own); tag is, but the site's own template reads it
        Files.writeString(templates.resolve("extra.ftlh"), "<p>${page.t.tag!} ${page.t.byline!}</p>");
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Map<String, String>> words =
                new Theme(templates, tmp.resolve("site"), diagnostics).words(diagnostics);
        assertEquals(
                List.of(
                        "templates/i18n.yml:2:3: warning: 'serach' is not one of the theme's words, so the pages keep"
                                + " the theme's; did you mean 'search'? Rename the key (if your own templates read it"
                                + " as page.t.serach, this warning goes away)",
                        "templates/i18n.yml:5:1: warning: 'AR' is not a language of the theme's words, so its pages"
                                + " keep the theme's 'ar' words; language codes are lower case: write ar:"),
                diagnostics.sorted().stream().map(d -> d.format()).toList());
        assertEquals("Suivant", words.get("fr").get("nextPage")); // a language of the site's own: no warning
        assertEquals("ابحث", words.get("ar").get("serach")); // kept: a template of the site's may read it
    }

    @Test
    void bothLanguagesHaveEveryWord() {
        Map<String, Map<String, String>> words = builtInWords();
        assertEquals(Set.of("ar", "en"), words.keySet());
        Set<String> arabic = new TreeSet<>(words.get("ar").keySet());
        assertTrue(arabic.containsAll(ARABIC_ONLY), arabic::toString);
        arabic.removeAll(ARABIC_ONLY);
        assertEquals(new TreeSet<>(words.get("en").keySet()), arabic);
    }

    @Test
    void theSearchPagePassesTheSitesWordsToTheClientAsDataAttributes() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Trees.write(
                root.resolve("templates/i18n.yml"),
                "en:\n  resultsOther: \"{n} hits\"\n  filterYear: Filed in\n  searchMore: Say \"more\" <now>\n");
        Path out = tmp.resolve("site");
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
        String en = Files.readString(out.resolve("en/search/index.html"));
        String ar = Files.readString(out.resolve("ar/search/index.html"));
        assertTrue(en.contains("data-t-results-other=\"{n} hits\""), en);
        assertTrue(en.contains("data-t-filter-year=\"Filed in\""), en);
        assertTrue(en.contains("data-t-search-more=\"Say &quot;more&quot; &lt;now&gt;\""), "escaped in the attribute");
        assertTrue(en.contains("data-t-results-one=\"1 result\""), "the theme's words fill the rest");
        assertFalse(en.contains("data-t-results-few"), "English has no 'few' form");
        assertTrue(ar.contains("data-t-results-few=\"{n} نتائج\""), ar);
        assertTrue(ar.contains("data-t-search-fail-http=\"تعذّر البحث: ردّ الخادم بـ HTTP {status} على {url}.\""));
        // the words travel in attributes: the page still has no inline script for a strict CSP (JSON data blocks,
        // JSON-LD and the inline manifest, are never run)
        Matcher scripts = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*application/(?:ld\\+)?json\")")
                .matcher(en);
        assertFalse(scripts.find(), "an inline script in the search page");
    }

    @Test
    void emptyListsSayWhatIsMissingInBothLanguages() throws IOException {
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty.resolve("content"));
        Path noTags = tmp.resolve("no-tags");
        Trees.write(
                noTags.resolve("content/en/2017-05-01-only.md"), "---\ntitle: The only one\n---\n\nNo tags here.\n");
        Path emptyOut = tmp.resolve("empty-site");
        Path noTagsOut = tmp.resolve("no-tags-site");
        Arshif.builder().siteRoot(empty).output(emptyOut).clock(CLOCK).build().build();
        Arshif.builder().siteRoot(noTags).output(noTagsOut).clock(CLOCK).build().build();
        String noArticlesAr = "<p class=\"empty\">لا توجد أخبار بعد.</p>";
        String noArticlesEn = "<p class=\"empty\">No dispatches yet.</p>";
        String noTagsAr = "<p class=\"empty\">لا توجد وسوم بعد.</p>";
        String noTagsEn = "<p class=\"empty\">No tags yet.</p>";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("empty-site/ar/index.html", noArticlesAr);
        expected.put("empty-site/en/index.html", noArticlesEn);
        expected.put("empty-site/ar/archive/index.html", noArticlesAr);
        expected.put("empty-site/en/archive/index.html", noArticlesEn);
        expected.put("empty-site/ar/tags/index.html", noTagsAr);
        expected.put("empty-site/en/tags/index.html", noTagsEn);
        // dispatches, but none tagged: the tag index says there are no tags, not that there is no news
        expected.put("no-tags-site/en/tags/index.html", noTagsEn);
        expected.put("no-tags-site/ar/tags/index.html", noTagsAr);
        expected.put("no-tags-site/ar/index.html", noArticlesAr);
        List<String> wrong = new ArrayList<>();
        expected.forEach((page, sentence) -> {
            if (!read(tmp.resolve(page)).contains(sentence)) {
                wrong.add(page + " should say " + sentence);
            }
        });
        assertEquals(List.of(), wrong);
        String enHome = read(noTagsOut.resolve("en/index.html"));
        assertTrue(
                enHome.contains("The only one") && !enHome.contains("class=\"empty\""),
                "a list with items is not empty");
    }

    @Test
    void everyPageLinksTheThemesSvgFavicon() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Path out = tmp.resolve("site");
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
        Pattern icon = Pattern.compile(
                "<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"/archive/(static/favicon\\.[0-9a-f]{10}\\.svg)\">");
        List<String> pages = new ArrayList<>();
        Set<String> icons = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p :
                    walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Matcher m = icon.matcher(Files.readString(p));
                if (m.find()) {
                    icons.add(m.group(1));
                } else {
                    pages.add(out.relativize(p).toString());
                }
            }
        }
        assertEquals(List.of(), pages, "pages without the favicon link");
        assertEquals(1, icons.size(), icons::toString);
        String svg = Files.readString(out.resolve(icons.iterator().next()));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(Files.isRegularFile(out.resolve("404.html"))
                && read(out.resolve("404.html")).contains("rel=\"icon\""));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
