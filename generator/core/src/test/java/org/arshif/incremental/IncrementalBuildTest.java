package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.diag.ContentException;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental build gives the very bytes of a clean build, after every kind of change, and re-renders only
 * what changed. Each step, a test of its own, edits the archive, builds it incrementally into one folder and
 * cleanly into another, and compares the two trees file by file.
 */
class IncrementalBuildTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern COUNTS = Pattern.compile("rendered (\\d+) pages, reused (\\d+)");
    private static final Pattern PARSED = Pattern.compile("parsed (\\d+) files, reused (\\d+)");
    private static final Pattern TAKEN = Pattern.compile("took (\\d+) pages' fingerprints from the last build");
    private static final Pattern IN_PLACE =
            Pattern.compile("updated the site in place, (\\d+) files replaced or added, (\\d+) deleted");
    /** Pages a body edit renders again; see the step that makes one. */
    private static final int BODY_EDIT_PAGES = 6;

    @TempDir
    Path dir;

    private Path root;
    private int step;
    private int pagesInTheFirstBuild = -1;
    /** The last incremental build's log. */
    private List<String> lines = List.of();

    /** An edit of the archive, then what the incremental build's counts must show. */
    private interface Edit {
        void apply() throws Exception;
    }

    private interface Counts {
        void check(int rendered, int reused, int parsed) throws Exception;
    }

    /**
     * One dynamic test per edit, in order, each on the archive the edits before it left: a failing step shows
     * its own failure and the later ones still run (each compares with a clean build of the archive as it is).
     */
    @TestFactory
    Stream<DynamicTest> incrementalOutputIsByteIdenticalToACleanBuildAfterEveryKindOfChange() {
        root = dir.resolve("archive");
        return Stream.of(
                edit("first build", this::writeArchive, (rendered, reused, parsed) -> {
                    assertEquals(0, reused, "nothing to reuse in the first build");
                    pagesInTheFirstBuild = rendered;
                }),
                edit("no change", () -> {}, (rendered, reused, parsed) -> {
                    assertEquals(
                            List.of(0, pagesInTheFirstBuild),
                            List.of(rendered, reused),
                            "an unchanged archive renders nothing");
                    assertEquals(0, parsed, "and parses nothing");
                }),
                edit(
                        "edit the last paragraph of one dispatch",
                        () -> append("content/ar/2017-05-03-a3.md", "\n\nفقرة أخيرة أضيفت للتو.\n"),
                        (rendered, reused, parsed) -> {
                            // The article, the three feeds that carry its body (Arabic, russia, syria), and both
                            // search pages, whose links name the search index by its content hash.
                            assertEquals(BODY_EDIT_PAGES, rendered, "pages rendered after a body edit");
                            assertEquals(1, parsed, "only the edited file is parsed again");
                            int[] inPlace = inPlace();
                            assertTrue(inPlace[0] >= BODY_EDIT_PAGES, "the changed pages moved in: " + inPlace[0]);
                            // Deleted: only search index files superseded by new content-hashed ones.
                            assertTrue(inPlace[1] < inPlace[0], "deleted " + inPlace[1]);
                            // Only its body changed: every other article page (and alias), and every list, has its
                            // last inputs; its own page, the feeds and the search pages are fingerprinted.
                            assertTrue(pagesTaken() > articlePages() - 1, "fingerprints taken: " + lines);
                            assertTrue(pagesTaken() < pagesInTheFirstBuild - 1, "fingerprints taken: " + lines);
                        }),
                edit(
                        "edit the first paragraph (the summary on its cards changes: every article fingerprinted)",
                        () -> replace("content/ar/2017-05-04-a4.md", "الفقرة الأولى من الخبر 4.", "فقرة أولى جديدة."),
                        (rendered, reused, parsed) -> {
                            assertEquals(0, pagesTaken(), "a card changed, so other pages' inputs may have");
                            assertTrue(rendered > BODY_EDIT_PAGES, "its page, its neighbours, lists: " + rendered);
                        }),
                edit(
                        "and a body edit after it takes the other articles' fingerprints again",
                        () -> append("content/ar/2017-05-04-a4.md", "\n\nفقرة ثانية.\n"),
                        (rendered, reused, parsed) -> assertTrue(pagesTaken() > articlePages() - 1, lines::toString)),
                edit(
                        "a damaged page manifest (discarded, with a notice; every page rendered)",
                        () -> {
                            byte[] manifest = Files.readAllBytes(dir.resolve("cache/pages.bin"));
                            manifest[manifest.length / 2] ^= 1;
                            Files.write(dir.resolve("cache/pages.bin"), manifest);
                            append("content/ar/2017-05-04-a4.md", "\n\nفقرة ثالثة.\n");
                        },
                        (rendered, reused, parsed) -> {
                            assertTrue(logged("discarded the page cache"), "a notice: " + lines);
                            assertEquals(0, pagesTaken());
                        }),
                edit("a draft's body edited (no published page reads it)", () -> {
                    write("content/en/2017-05-07-draft.md", "---\ntitle: Draft\ndraft: true\n---\n\nText.\n");
                }),
                edit(
                        "and its body edited again",
                        () -> append("content/en/2017-05-07-draft.md", "\n\nMore text.\n"),
                        (rendered, reused, parsed) -> assertTrue(pagesTaken() > articlePages(), "every article's")),
                edit(
                        "the draft published (every article fingerprinted: the published list changed)",
                        () -> replace("content/en/2017-05-07-draft.md", "draft: true", "draft: false"),
                        (rendered, reused, parsed) -> assertEquals(0, pagesTaken())),
                edit(
                        "edit an English dispatch's body (the Arabic index, of the same documents, is kept whole)",
                        () -> append("content/en/2017-05-02-e2.md", "\n\nA last paragraph, added.\n"),
                        (rendered, reused, parsed) -> {
                            assertTrue(logged("kept the ar search index whole"), "the Arabic index kept: " + lines);
                            assertFalse(logged("kept the en search index whole"), "the English one written");
                        }),
                edit(
                        "a search index file deleted from the output by hand (the index is written again)",
                        () -> {
                            try (Stream<Path> files = Files.list(dir.resolve("incremental/ar/search"))) {
                                Files.delete(files.filter(
                                                f -> f.getFileName().toString().startsWith("t."))
                                        .sorted()
                                        .findFirst()
                                        .orElseThrow());
                            }
                            append("content/en/2017-05-02-e2.md", "\n\nAnother paragraph.\n");
                        },
                        (rendered, reused, parsed) ->
                                assertFalse(logged("kept the ar search index whole"), "one of its files is gone")),
                edit(
                        "a damaged record of the last Arabic index (discarded, with a notice; the index is written)",
                        () -> {
                            Files.write(dir.resolve("cache/search-index-ar.last"), new byte[] {1, 2, 3});
                            append("content/en/2017-05-02-e2.md", "\n\nA third paragraph.\n");
                        },
                        (rendered, reused, parsed) -> {
                            assertTrue(logged("discarded the last search index"), "a notice: " + lines);
                            assertFalse(logged("kept the ar search index whole"));
                        }),
                edit(
                        "and the next English edit keeps the Arabic index whole again",
                        () -> append("content/en/2017-05-02-e2.md", "\n\nA fourth paragraph.\n"),
                        (rendered, reused, parsed) -> assertTrue(logged("kept the ar search index whole"))),
                edit(
                        "a theme's sitemap that lists each URL's translations",
                        () -> write(
                                "templates/sitemap.ftlx",
                                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset>\n<#list urls as u>"
                                        + "<url><loc>${u.loc}</loc><#list u.alternates as a>"
                                        + "<alt hreflang=\"${a.hreflang}\">${a.href}</alt></#list></url>\n"
                                        + "</#list></urlset>\n")),
                edit(
                        "part a translation pair (its versions links and the sitemap's alternates change)",
                        () -> replace("content/en/2017-05-05-e5.md", "translationKey: k5", "translationKey: k55")),
                edit(
                        "retitle a dispatch",
                        () -> replace(
                                "content/en/2017-05-02-e2.md", "title: English two", "title: English two, retitled"),
                        (rendered, reused, parsed) -> {
                            assertTrue(
                                    rendered > BODY_EDIT_PAGES && reused > 0,
                                    "its page, lists, neighbours, translation: " + rendered);
                            assertEquals(0, pagesTaken(), "a title is on cards: every article fingerprinted");
                        }),
                edit(
                        "add a tag to a dispatch (its related lists and its neighbours' change)",
                        () -> replace("content/ar/2017-05-02-a2.md", "tags: [syria]", "tags: [syria, russia]"),
                        (rendered, reused, parsed) -> assertEquals(0, pagesTaken())),
                edit(
                        "and remove it again",
                        () -> replace("content/ar/2017-05-02-a2.md", "tags: [syria, russia]", "tags: [syria]"),
                        (rendered, reused, parsed) -> assertEquals(0, pagesTaken())),
                edit(
                        "give a dispatch a tag new to the site, named by its key (pages that do not show it are reused)",
                        () -> replace("content/ar/2017-05-02-a2.md", "tags: [syria]", "tags: [syria, brand-new]"),
                        (rendered, reused, parsed) -> assertTrue(
                                reused > 0 && rendered < pagesInTheFirstBuild,
                                "a new tag is not a global input: " + rendered + " rendered, " + reused + " reused")),
                edit(
                        "and remove it again",
                        () -> replace("content/ar/2017-05-02-a2.md", "tags: [syria, brand-new]", "tags: [syria]"),
                        (rendered, reused, parsed) -> assertTrue(reused > 0, rendered + " rendered")),
                edit(
                        "add a dispatch with a new tag",
                        () -> write(
                                "content/ar/2017-06-01-new.md",
                                "---\ntitle: خبر جديد\ntags: [syria, new-tag]\n---\n\nنص جديد.\n")),
                edit(
                        "add an SPA dispatch",
                        () -> write(
                                "content/ar/spa-lead.txt",
                                "سياسي / خبر من الرياض\n\n"
                                        + "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nنص الخبر.\n// يتبع //\n")),
                edit(
                        "add its continuation (the lead's page now lists the story's parts)",
                        () -> write(
                                "content/ar/spa-part.txt",
                                "سياسي / خبر من الرياض / إضافة أولى\n\n"
                                        + "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nبقية الخبر.\n// انتهى //\n")),
                edit(
                        "add a second continuation",
                        () -> write(
                                "content/ar/spa-part2.txt",
                                "سياسي / خبر من الرياض"
                                        + " / إضافة ثانية\n\nالرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nختام الخبر.\n")),
                edit(
                        "renumber a continuation (only the story's order changes on the other parts' pages)",
                        () -> replace("content/ar/spa-part.txt", "إضافة أولى", "إضافة ثالثة")),
                edit(
                        "delete a dispatch",
                        () -> Files.delete(root.resolve("content/ar/2017-05-01-a1.md")),
                        (rendered, reused, parsed) -> assertTrue(inPlace()[1] > 0, "its page deleted in place")),
                edit(
                        "retag a dispatch (its tag lists, feeds, related and neighbours change)",
                        () -> replace("content/ar/2017-05-04-a4.md", "tags: [syria]", "tags: [russia]")),
                edit(
                        "give dispatches categories (their lists, feeds and indexes, and every page's navigation)",
                        () -> {
                            replace(
                                    "content/ar/2017-05-02-a2.md",
                                    "tags: [syria]",
                                    "tags: [syria]\ncategories: [اقتصاد]");
                            replace(
                                    "content/en/2017-05-02-e2.md",
                                    "tags: [syria]",
                                    "tags: [syria]\ncategories: [Economy]");
                        },
                        (rendered, reused, parsed) -> assertTrue(
                                Files.isRegularFile(dir.resolve("incremental/ar/categories/اقتصاد/index.html")),
                                "the category's list is built")),
                edit(
                        "change a dispatch's category (the old list goes, the new one comes)",
                        () -> replace("content/ar/2017-05-02-a2.md", "categories: [اقتصاد]", "categories: [سياسة]"),
                        (rendered, reused, parsed) -> assertFalse(
                                Files.exists(dir.resolve("incremental/ar/categories/اقتصاد")), "the old list is gone")),
                edit(
                        "a second dispatch in the category, spelled otherwise (the newest spelling names it)",
                        () -> replace("content/ar/2017-05-03-a3.md", "tags: [", "categories: [سـياسة]\ntags: ["),
                        (rendered, reused, parsed) -> assertTrue(
                                Files.readString(dir.resolve("incremental/ar/categories/سياسة/index.html"))
                                        .contains("<bdi>سـياسة</bdi>"),
                                "named as the newest dispatch writes it")),
                edit(
                        "a body edit of a dispatch with a category (the category's list and index keep their fingerprints)",
                        () -> append("content/ar/2017-05-02-a2.md", "\n\nفقرة عن الاقتصاد.\n"),
                        (rendered, reused, parsed) -> {
                            // The article, the Arabic feed, syria's and the category's, and both search pages.
                            assertEquals(BODY_EDIT_PAGES, rendered, "pages rendered after a body edit");
                            // Every page but those, the other feeds and its alias's has its last inputs: the
                            // categories' lists and indexes too (PageCache takes their fingerprints, as a tag's).
                            assertEquals(rendered + reused - feeds() - 2 - 2, pagesTaken(), lines::toString);
                        }),
                edit(
                        "respell the category in the newest dispatch (every page that names it changes)",
                        () -> replace("content/ar/2017-05-03-a3.md", "categories: [سـياسة]", "categories: [سياسة]"),
                        (rendered, reused, parsed) -> assertTrue(
                                reused > 0 && rendered < pagesInTheFirstBuild,
                                "a name is not a global input: " + rendered + " rendered, " + reused + " reused")),
                edit(
                        "remove every category (the lists, the indexes and the navigation links go)",
                        () -> {
                            replace("content/ar/2017-05-02-a2.md", "\ncategories: [سياسة]", "");
                            replace("content/ar/2017-05-03-a3.md", "categories: [سياسة]\n", "");
                            replace("content/en/2017-05-02-e2.md", "\ncategories: [Economy]", "");
                        },
                        (rendered, reused, parsed) -> {
                            assertFalse(Files.exists(dir.resolve("incremental/ar/categories")));
                            assertFalse(Files.exists(dir.resolve("incremental/en/categories")));
                        }),
                edit(
                        "rename tags in the vocabulary (every page naming them changes)",
                        () -> write(
                                "content/tags.yml",
                                "syria:\n  ar: سوريا\n  en: Syria\nrussia:\n  ar: روسيا\n  en: Russian Federation\n")),
                edit(
                        "rename a dispatch file (its URL changes)",
                        () -> Files.move(
                                root.resolve("content/en/2017-05-04-e4.md"),
                                root.resolve("content/en/2017-05-04-renamed.md")),
                        (rendered, reused, parsed) -> {
                            int[] inPlace = inPlace();
                            assertTrue(inPlace[0] > 0 && inPlace[1] > 0, "the new page in, the old one out, in place");
                        }),
                edit(
                        "an alias file becomes a folder",
                        () -> replace(
                                "content/ar/2017-05-02-a2.md",
                                "aliases: [/old/a2.html]",
                                "aliases: [/old/a2.html/more/]")),
                edit(
                        "and back to a file",
                        () -> replace(
                                "content/ar/2017-05-02-a2.md",
                                "aliases: [/old/a2.html/more/]",
                                "aliases: [/old/a2.html]")),
                edit(
                        "override a template",
                        () -> write(
                                "templates/article.ftlh",
                                new String(builtIn("article.ftlh"), StandardCharsets.UTF_8)
                                        .replace("<article class=\"article\">", "<article class=\"article edited\">")),
                        (rendered, reused, parsed) -> assertEquals(0, reused, "a template change renders every page")),
                edit("change the theme's words", () -> write("templates/i18n.yml", "en:\n  related: See also\n")),
                edit("change the configuration", () -> replace("arshif.yml", "pageSize: 2", "pageSize: 3")),
                edit(
                        "move a dispatch into a section folder (its URL, the section's list, feed and index)",
                        () -> Files.move(
                                Files.createDirectories(root.resolve("content/ar/economy"))
                                        .getParent()
                                        .resolve("2017-05-03-a3.md"),
                                root.resolve("content/ar/economy/2017-05-03-a3.md"))),
                edit(
                        "the same file name in a second section",
                        () -> write("content/ar/sport/2017-05-03-a3.md", "---\ntitle: خبر رياضي\n---\n\nنص رياضي.\n")),
                edit(
                        "a section page cascades a tag to the one dispatch below it (only that one is parsed again)",
                        () -> write(
                                "content/ar/sport/_index.md", "---\ntitle: رياضة\ncascade:\n  tags: [russia]\n---\n"),
                        (rendered, reused, parsed) -> assertEquals(1, parsed, "the dispatch below it")),
                edit(
                        "edit the cascade",
                        () -> replace("content/ar/sport/_index.md", "tags: [russia]", "tags: [syria]"),
                        (rendered, reused, parsed) -> assertEquals(1, parsed, "the dispatch below it")),
                edit(
                        "edit the section page's title only (what it cascades is as it was: nothing is read again; the"
                                + " title names the section on every page that does, as a label would)",
                        () -> replace("content/ar/sport/_index.md", "title: رياضة", "title: الرياضة"),
                        (rendered, reused, parsed) -> {
                            assertEquals(0, parsed);
                            assertTrue(rendered > 1, "the list, the article's breadcrumb, the index: " + rendered);
                            assertTrue(page("ar/sport/index.html").contains("<h1>الرياضة</h1>"));
                            assertTrue(page("ar/sections/index.html").contains("الرياضة"));
                        }),
                edit(
                        "give the section page a text (shown above its list: that page alone is rendered again)",
                        () -> append("content/ar/sport/_index.md", "\nأخبار الرياضة من مكاتبنا.\n"),
                        (rendered, reused, parsed) -> {
                            assertEquals(List.of(0, 1), List.of(parsed, rendered));
                            assertTrue(page("ar/sport/index.html").contains("<p>أخبار الرياضة من مكاتبنا.</p>"));
                        }),
                edit(
                        "the cascade drafts its section (the dispatch below leaves the site)",
                        () -> replace("content/ar/sport/_index.md", "tags: [syria]", "draft: true"),
                        (rendered, reused, parsed) -> assertEquals(1, parsed, "the dispatch below it")),
                edit(
                        "delete the section page (the dispatch below is published as it says)",
                        () -> Files.delete(root.resolve("content/ar/sport/_index.md")),
                        (rendered, reused, parsed) -> assertEquals(1, parsed, "the dispatch below it")),
                edit(
                        "label the sections (every page naming them changes)",
                        () -> append(
                                "arshif.yml",
                                "sections:\n  economy: {ar: اقتصاد, en: Economy}\n  sport: {ar: رياضة}\n")),
                edit(
                        "a permalinks pattern for one section (its URLs change)",
                        () -> append("arshif.yml", "permalinks:\n  economy: /:sections/:year/:month/:day/:slug/\n")),
                dynamicTest("a failed build leaves the site, and the cache, as they were", () -> {
                    Map<String, byte[]> before = Trees.withFolders(dir.resolve("incremental"));
                    write("content/en/2017-05-09-broken.md", "---\ntitle: Broken\ndate: 2017-13-01\n---\n\nText.\n");
                    assertThrows(
                            ContentException.class,
                            () -> arshif(dir.resolve("incremental"), true, BuildLog.SILENT)
                                    .build());
                    Trees.assertSameTree(before, Trees.withFolders(dir.resolve("incremental")), "after a failed build");
                }),
                edit(
                        "fix the error",
                        () -> Files.deleteIfExists(root.resolve("content/en/2017-05-09-broken.md")),
                        (rendered, reused, parsed) -> assertEquals(
                                0, rendered, "the cache still matches the site a failed build left alone")),
                edit(
                        "a page edited by hand in the output is not trusted: it is rendered again",
                        () -> Files.writeString(dir.resolve("incremental/en/index.html"), "tampered"),
                        (rendered, reused, parsed) -> {
                            assertEquals(1, rendered);
                            assertTrue(
                                    lines.stream()
                                            .noneMatch(l -> IN_PLACE.matcher(l).find()),
                                    "an output changed by hand is not updated in place, but replaced: " + lines);
                        }),
                edit(
                        "add a title with a lone surrogate (a YAML escape)",
                        () -> write(
                                "content/en/2017-05-10-odd.md", "---\ntitle: \"odd \\ud800 title\"\n---\n\nText.\n")),
                edit("no change after it (a value the parse cache cannot keep is read again)", () -> {}),
                edit(
                        "uglyUrls turned on (every permalink changes: the parse cache is keyed on arshif.yml)",
                        () -> append("arshif.yml", "uglyUrls: true\n"),
                        (rendered, reused, parsed) -> assertTrue(articleFiles() > 0, lines::toString)),
                edit(
                        "and off again",
                        () -> replace("arshif.yml", "uglyUrls: true\n", ""),
                        (rendered, reused, parsed) -> assertEquals(0, articleFiles(), lines::toString)));
    }

    /** The feeds of the last incremental build's site. */
    private long feeds() throws IOException {
        return Trees.withFolders(dir.resolve("incremental")).keySet().stream()
                .filter(f -> f.endsWith("feed.xml"))
                .count();
    }

    /** The Arabic articles of May 2017 written as files ({@code uglyUrls}), not folders. */
    private long articleFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("incremental/ar/2017/05"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".html")
                            && !f.getFileName().toString().equals("index.html"))
                    .count();
        }
    }

    private DynamicTest edit(String what, Edit edit) {
        return edit(what, edit, (rendered, reused, parsed) -> {});
    }

    /** A step: the edit, an incremental and a clean build compared file by file, then the counts checked. */
    private DynamicTest edit(String what, Edit edit, Counts counts) {
        return dynamicTest(what, () -> {
            edit.apply();
            int[] c = incrementalEqualsClean(what);
            counts.check(c[0], c[1], c[2]);
        });
    }

    /** Builds incrementally and cleanly, compares the trees, and returns {rendered, reused, parsed, kept}. */
    private int[] incrementalEqualsClean(String what) throws IOException {
        lines = new ArrayList<>();
        BuildLog log = BuildLog.of(lines::add, lines::add);
        arshif(dir.resolve("incremental"), true, log).build();
        Path clean = dir.resolve("clean-" + (++step));
        arshif(clean, false, BuildLog.SILENT).build();
        Trees.assertSameTree(Trees.withFolders(clean), Trees.withFolders(dir.resolve("incremental")), what);
        Matcher m = lines.stream()
                .map(COUNTS::matcher)
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no incremental summary in " + lines));
        Matcher p = lines.stream()
                .map(PARSED::matcher)
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no parse summary in " + lines));
        return new int[] {
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(p.group(1)),
            Integer.parseInt(p.group(2))
        };
    }

    /** The article pages whose fingerprints the last incremental build took from the one before. */
    private int pagesTaken() {
        return lines.stream()
                .map(TAKEN::matcher)
                .filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fingerprints line in " + lines));
    }

    /** The article and alias pages of the last incremental build's site (each has an article.ftlh or redirect). */
    private int articlePages() throws IOException {
        int n = 0;
        for (Map.Entry<String, byte[]> page :
                Trees.withFolders(dir.resolve("incremental")).entrySet()) {
            String text = new String(page.getValue(), StandardCharsets.UTF_8);
            if (page.getKey().endsWith(".html")
                    && (text.contains("<article class=\"article") || text.contains("http-equiv=\"refresh\""))) {
                n++;
            }
        }
        return n;
    }

    /** Whether the last incremental build logged a line with {@code text}. */
    private boolean logged(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    /** {replaced or added, deleted} of the last incremental build, which must have updated the site in place. */
    private int[] inPlace() {
        Matcher m = lines.stream()
                .map(IN_PLACE::matcher)
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the site was not updated in place: " + lines));
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private Arshif arshif(Path output, boolean incremental, BuildLog log) {
        return Arshif.builder()
                .siteRoot(root)
                .output(output)
                .clock(CLOCK)
                .log(log)
                .cache(incremental ? dir.resolve("cache") : null)
                .build();
    }

    private void writeArchive() throws IOException {
        write("arshif.yml", "baseUrl: https://news.example/\nlanguages: [ar, en]\npageSize: 2\n");
        write("content/tags.yml", "syria:\n  ar: سورية\n  en: Syria\nrussia:\n  ar: روسيا\n  en: Russia\n");
        for (int i = 1; i <= 5; i++) {
            write(
                    "content/ar/2017-05-0" + i + "-a" + i + ".md",
                    "---\ntitle: خبر رقم " + i + "\ntranslationKey: k" + i
                            + "\ntags: [" + (i % 2 == 0 ? "syria" : "russia, syria") + "]\n"
                            + (i == 2 ? "aliases: [/old/a2.html]\n" : "") + "---\n\nالفقرة الأولى من الخبر " + i
                            + ".\n");
            if (i % 2 == 0 || i == 5) {
                write(
                        "content/en/2017-05-0" + i + "-e" + i + ".md",
                        "---\ntitle: English " + (i == 2 ? "two" : i) + "\ntranslationKey: k" + i
                                + "\ntags: [syria]\n---\n\nFirst paragraph of " + i + ".\n");
            }
        }
        write(
                "content/ar/2017-04-30-wire.txt",
                "وصول وفد إلى موسكو\n\nموسكو-سانا\n\nوصل وفد.\n\n" + "تابعوا آخر الأخبار عبر تطبيق تيلغرام\n");
    }

    private static byte[] builtIn(String template) throws IOException {
        return ArchiveFiles.builtIn(template);
    }

    private void write(String rel, String text) throws IOException {
        new ArchiveFiles(root).write(rel, text);
    }

    /** A page of the last incremental build's site. */
    private String page(String sitePath) throws IOException {
        return Files.readString(dir.resolve("incremental").resolve(sitePath), StandardCharsets.UTF_8);
    }

    private void append(String rel, String text) throws IOException {
        new ArchiveFiles(root).append(rel, text);
    }

    private void replace(String rel, String from, String to) throws IOException {
        new ArchiveFiles(root).replace(rel, from, to);
    }
}
