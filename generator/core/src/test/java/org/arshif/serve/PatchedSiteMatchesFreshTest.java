package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.LiveLibrary;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview patches its site model for an edit that keeps every dispatch in place and skips the claims of a
 * plan whose pages did not move. After a random sequence of edits, additions, deletions and renames of real files
 * (fixed seed), the patched server answers every page with the same bytes as a server started fresh on the same
 * files, and the same pages.
 */
class PatchedSiteMatchesFreshTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final List<String> TAGS = List.of("syria", "economy", "sport", "weather");
    private static final List<String> FOLDERS = List.of("", "okaz/", "economy/gulf/");
    private static final List<String> DAYS = List.of("2021-03-01", "2021-03-02", "2021-04-10", "2021-07-01");

    @TempDir
    Path root;

    private final Random random = new Random(20261130L);
    // Each dispatch's fields by file, as last written.
    private final TreeMap<String, Fields> files = new TreeMap<>();
    private int created;

    /** What the test writes into a dispatch's front matter and body. */
    private record Fields(
            String title,
            String day,
            String time,
            List<String> tags,
            String slug,
            boolean draft,
            String key,
            String body) {}

    @Test
    void everyPageOfThePatchedSiteIsThatOfAFreshOne() throws IOException {
        Trees.write(
                root.resolve("arshif.yml"),
                "baseUrl: https://news.example/\ndefaultLanguage: ar\n"
                        + "languages: [ar, en]\ntitle: {ar: أرشيف, en: Archive}\npageSize: 3\nrelatedCount: 3\n");
        for (int i = 0; i < 16; i++) {
            add();
        }
        PreviewRun run = run();
        int patched = 0;
        try (LiveSite live = serve(run)) {
            for (int step = 0; step < 40; step++) {
                Set<String> changed = new TreeSet<>();
                String what = change(changed);
                long before = live.rebuilds();
                live.changed(changed, false, false);
                assertEquals(before + 1, live.rebuilds());
                if (live.lastUpdatePatched()) {
                    patched++;
                }
                try (LiveSite fresh = serve(run())) {
                    assertSameSite(fresh, live, "step " + step + ": " + what + " " + changed);
                }
            }
        }
        // Most edits change a body or a title: the patched path must have been taken, or this test shows nothing.
        assertTrue(patched >= 10, "patched " + patched + " of 40");
        // The search index of the patched server is kept from one edit to the next, not written anew.
        assertTrue(run.indexFilesReused() >= 10, "index files reused: " + run.indexFilesReused());
        // ... and its postings patched by the documents that changed, not inverted anew.
        assertTrue(run.indexPostingsPatched() >= 10, "postings patched: " + run.indexPostingsPatched());
    }

    /** An edit that moves a page onto another's URL is claimed again, and reported, though it kept its place. */
    @Test
    void aSlugEditedIntoACollisionIsReported() throws IOException {
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://news.example/\ndefaultLanguage: en\n");
        write("content/en/a.md", new Fields("A", "2021-03-01", "09:00", List.of(), "", false, "", "Text a."));
        write("content/en/b.md", new Fields("B", "2021-03-01", "10:00", List.of(), "", false, "", "Text b."));
        try (LiveSite live = serve(run())) {
            write("content/en/b.md", new Fields("B", "2021-03-01", "10:00", List.of(), "a", false, "", "Text b."));
            live.changed(Set.of("content/en/b.md"), false, false);
            String page = new String(live.answer("/en/").body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(page.contains("two dispatches have the same URL /en/2021/03/a/"), page);
        }
    }

    private Arshif arshif() {
        return Arshif.builder().siteRoot(root).clock(CLOCK).drafts(true).build();
    }

    private PreviewRun run() {
        return new PreviewRun(arshif().sitemapLimit());
    }

    private LiveSite serve(PreviewRun run) {
        return new LiveSite(LiveLibrary.load(arshif()), run, BuildLog.SILENT, new ReloadEvents());
    }

    /** The same pages, and then (the search pages having asked for it) the same search index and client files. */
    private static void assertSameSite(LiveSite fresh, LiveSite patched, String step) {
        assertEquals(fresh.sitePaths(), patched.sitePaths(), step);
        for (String sitePath : fresh.sitePaths()) {
            LiveSite.Answer want = fresh.answer(sitePath);
            LiveSite.Answer got = patched.answer(sitePath);
            assertEquals(want.status(), got.status(), step + " " + sitePath);
            assertArrayEquals(want.body(), got.body(), step + " " + sitePath);
        }
        List<String> files = fresh.writtenFiles();
        assertTrue(files.stream().anyMatch(f -> f.contains("/search/manifest.")), step + ": " + files);
        assertEquals(files, patched.writtenFiles(), step);
        for (String file : files) {
            assertArrayEquals(
                    fresh.answer("/" + file).body(), patched.answer("/" + file).body(), step + " " + file);
        }
    }

    /** One random change of the files (two, now and then), with the paths it touched. */
    private String change(Set<String> changed) throws IOException {
        int dice = random.nextInt(100);
        String op = "?";
        List<String> paths = new ArrayList<>(files.keySet());
        String path = paths.get(random.nextInt(paths.size()));
        Fields f = files.get(path);
        if (dice < 30) {
            write(path, with(f, f.title(), f.day(), f.tags(), f.slug(), f.draft(), f.key(), f.body() + " More."));
            changed.add(path);
            if (random.nextBoolean()) {
                String other = paths.get(random.nextInt(paths.size()));
                Fields o = files.get(other);
                write(other, with(o, o.title() + " again", o.day(), o.tags(), o.slug(), o.draft(), o.key(), o.body()));
                changed.add(other);
            }
            return "bodies and titles";
        } else if (dice < 40) {
            op = "title";
            write(path, with(f, f.title() + "!", f.day(), f.tags(), f.slug(), f.draft(), f.key(), f.body()));
        } else if (dice < 48) {
            op = "tags";
            write(path, with(f, f.title(), f.day(), tags(), f.slug(), f.draft(), f.key(), f.body()));
        } else if (dice < 55) {
            op = "date";
            write(path, with(f, f.title(), pick(DAYS), f.tags(), f.slug(), f.draft(), f.key(), f.body()));
        } else if (dice < 62) {
            op = "slug";
            write(
                    path,
                    with(f, f.title(), f.day(), f.tags(), "s" + random.nextInt(1000), f.draft(), f.key(), f.body()));
        } else if (dice < 67) {
            op = "draft";
            write(path, with(f, f.title(), f.day(), f.tags(), f.slug(), !f.draft(), f.key(), f.body()));
        } else if (dice < 72) {
            op = "key";
            write(path, with(f, f.title(), f.day(), f.tags(), f.slug(), f.draft(), freeKey(path), f.body()));
        } else if (dice < 82) {
            changed.add(add());
            return "added";
        } else if (dice < 90 && files.size() > 4) {
            op = "delete";
            Files.delete(root.resolve(path));
            files.remove(path);
        } else {
            op = "rename";
            String to = place(path.substring(8, 10));
            Files.move(root.resolve(path), root.resolve(to));
            files.put(to, files.remove(path));
            changed.add(to);
        }
        changed.add(path);
        return op;
    }

    private static Fields with(
            Fields f,
            String title,
            String day,
            List<String> tags,
            String slug,
            boolean draft,
            String key,
            String body) {
        return new Fields(title, day, f.time(), tags, slug, draft, key, body);
    }

    private String add() throws IOException {
        String lang = random.nextInt(3) == 0 ? "en" : "ar";
        String path = place(lang);
        write(
                path,
                new Fields(
                        "Dispatch " + created,
                        pick(DAYS),
                        random.nextBoolean()
                                ? "09:00"
                                : String.format("1%d:%d0", random.nextInt(10), random.nextInt(6)),
                        tags(),
                        "",
                        random.nextInt(8) == 0,
                        random.nextInt(3) == 0 ? freeKey(path) : "",
                        "Text of dispatch " + created + "."));
        return path;
    }

    /**
     * A translation key no other dispatch of the language of {@code path} has: two in one slot are an error, and
     * the preview keeps serving the last site without errors, where a fresh one has no such site.
     */
    private String freeKey(String path) {
        String key = "k" + random.nextInt(6);
        String lang = path.substring(8, 10);
        boolean taken = files.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(path)
                        && e.getKey().startsWith("content/" + lang + "/")
                        && e.getValue().key().equals(key));
        return taken ? "" : key;
    }

    /** A new file name under a random section of {@code lang}. */
    private String place(String lang) {
        return "content/" + lang + "/" + pick(FOLDERS) + "d" + created++ + ".md";
    }

    private void write(String path, Fields f) throws IOException {
        StringBuilder text = new StringBuilder("---\ntitle: \"" + f.title() + "\"\n");
        text.append("date: ").append(f.day()).append('T').append(f.time()).append(":00+03:00\n");
        text.append("tags: [").append(String.join(", ", f.tags())).append("]\n");
        if (!f.slug().isEmpty()) {
            text.append("slug: ").append(f.slug()).append('\n');
        }
        if (f.draft()) {
            text.append("draft: true\n");
        }
        if (!f.key().isEmpty()) {
            text.append("translationKey: ").append(f.key()).append('\n');
        }
        text.append("---\n\n").append(f.body()).append('\n');
        Trees.write(root.resolve(path), text.toString());
        files.put(path, f);
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(3) == 0) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
