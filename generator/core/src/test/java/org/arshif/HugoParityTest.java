package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.arshif.content.Dispatch;
import org.arshif.content.SectionTexts;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Severity;
import org.arshif.site.Categories;
import org.arshif.site.Library;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code hugo-parity} site, a Hugo site of two languages by folder, read by Arshif and compared, fact by fact,
 * with what Hugo made of the same files: {@code expected-hugo.tsv} beside it, written by {@code bench/hugo-parity/run}
 * with the real Hugo (its version in the file's first line). A row whose {@code arshif} column is empty must match
 * Hugo; one with an {@code arshif} value is a known, documented difference (its {@code why}), and Arshif must give
 * exactly that value, so a difference that changes is seen too.
 *
 * <p>With {@code -Darshif.hugoParity.rows=FILE} the test also writes Arshif's own facts there, for the run script's
 * comparison table.
 */
class HugoParityTest {
    // The instant both builds are made at (Hugo's --clock): drafts, schedules and expiries are judged against it.
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final String NONE = "(none)";
    // As the rows layout writes Hugo's dates: UTC, to the millisecond.
    static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One row of {@code expected-hugo.tsv}: Hugo's value, and Arshif's when it differs on purpose. */
    record Expected(String hugo, String arshif, String why) {
        String value() {
            return arshif.isEmpty() ? hugo : arshif;
        }
    }

    /**
     * Each Hugo site: {@code hugo-parity} (languages by folder, each under its prefix) and {@code hugo-parity-names}
     * (translations by file name in one folder, the default language at the root).
     */
    @ParameterizedTest
    @ValueSource(strings = {"hugo-parity", "hugo-parity-names"})
    void arshifReadsTheHugoSiteAsHugoDidWhereNoDifferenceIsDocumented(String name, @TempDir Path tmp)
            throws IOException {
        Path site = Trees.site(name);
        Path root = Trees.copy(site, tmp.resolve("src"));
        Library library = Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(CLOCK)
                .build()
                .load();
        SortedMap<String, String> actual = facts(library, root);
        String rowsFile = System.getProperty("arshif.hugoParity.rows", "");
        if (!rowsFile.isEmpty() && name.equals(System.getProperty("arshif.hugoParity.site", "hugo-parity"))) {
            Files.writeString(Path.of(rowsFile), tsv(actual), StandardCharsets.UTF_8);
        }
        SortedMap<String, Expected> expected = expected(site.resolve("expected-hugo.tsv"));
        List<String> wrong = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            Expected row = expected.get(key);
            String got = actual.getOrDefault(key, NONE);
            if (row == null) {
                wrong.add(key + "\tHugo: no row\tArshif: " + got);
            } else if (!row.value().equals(got)) {
                wrong.add(key + "\texpected: " + row.value() + "\tArshif: " + got);
            } else if (!row.arshif().isEmpty()) {
                assertTrue(!row.why().isBlank(), key + ": a documented difference needs its reason");
            }
        }
        assertEquals("", String.join("\n", wrong), wrong.size() + " of " + keys.size() + " rows differ from Hugo");
        assertTrue(keys.size() >= 50, "the comparison covers the site: " + keys.size() + " rows");
    }

    /**
     * Where Arshif differs from Hugo with a finding rather than a page (a title missing or empty, a percent-escaped
     * slug) or keeps what Hugo changed (capitals and spaces in a URL), the finding says what Hugo did.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hugo-parity", "hugo-parity-names"})
    void everyErrorAndWarningAboutTheHugoSiteSaysWhatHugoDid(String name, @TempDir Path tmp) {
        Path root = Trees.copy(Trees.site(name), tmp.resolve("src"));
        List<Diagnostic> findings = Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(CLOCK)
                .build()
                .load()
                .findings();
        List<String> shown = findings.stream()
                .filter(f -> f.severity() != Severity.NOTICE)
                .map(Diagnostic::format)
                .toList();
        shown.forEach(line -> assertTrue(line.contains("Hugo"), line));
        if (name.equals("hugo-parity-names")) {
            // the default language at the root: one warning, at hugo.toml, for every English page's address
            assertEquals(1, shown.size(), String.join("\n", shown));
            assertTrue(
                    shown.get(0)
                            .startsWith("hugo.toml:8:1: warning: Hugo published this site's default language"
                                    + " 'en' at the root (/news/story/)"),
                    shown.get(0));
            return;
        }
        // 3 errors, 2 warnings (not published, as in Hugo); with hugoPaths, no capitals or spaces are named
        assertEquals(5, shown.size(), String.join("\n", shown));
        assertTrue(
                shown.contains("content/en/news/slug-percent.md:3:1: error: slug 'caf%C3%A9' contains the character"
                        + " '%', which cannot be part of a file name or URL segment; a slug is one URL segment, like"
                        + " 'putin-rouhani-call'; Hugo wrote it as the folder 'caf%c3%a9' itself, so its own links to"
                        + " …/caf%c3%a9/ reached no page on a host; write the letters it stands for: slug: café"),
                String.join("\n", shown));
    }

    /** Arshif's facts, keyed as the TSV's rows are: {@code check\tsubject}. */
    static SortedMap<String, String> facts(Library library, Path root) throws IOException {
        SortedMap<String, String> facts = new TreeMap<>();
        SiteModel model = library.model();
        Map<String, Dispatch> published = new TreeMap<>();
        for (String lang : model.languages()) {
            model.articles(lang).forEach(d -> published.put(d.path(), d));
        }
        for (String source : library.sources()) {
            if (!(source.endsWith(".md") || source.endsWith(".markdown")) || source.contains("/_index.")) {
                continue;
            }
            facts.put("published\t" + source, Boolean.toString(published.containsKey(source)));
        }
        for (Dispatch d : published.values()) {
            pageFacts(facts, model, library, d, Files.readString(root.resolve(d.path()), StandardCharsets.UTF_8));
        }
        for (String lang : model.languages()) {
            model.tags(lang)
                    .forEach((key, list) ->
                            facts.put("term\t" + url(Routes.tag(lang, key, 1)), Integer.toString(list.size())));
            model.categories()
                    .of(lang)
                    .forEach((key, list) ->
                            facts.put("term\t" + url(Routes.category(lang, key, 1)), Integer.toString(list.size())));
            for (String section : model.sections(lang).keySet()) {
                String title = library.sectionTexts()
                        .of(lang, section)
                        .map(SectionTexts.Text::title)
                        .orElseGet(() -> model.sectionName(section, lang));
                facts.put("section\t" + url(Routes.section(lang, section, 1)), title);
            }
        }
        return facts;
    }

    private static void pageFacts(
            Map<String, String> facts, SiteModel model, Library library, Dispatch d, String source) {
        String page = d.path();
        String url = url(Routes.article(d));
        facts.put("url\t" + page, url);
        facts.put("title\t" + page, d.title());
        facts.put("date\t" + page, MILLIS.format(d.date()));
        List<String> translations = new ArrayList<>();
        for (String lang : model.languages()) {
            if (!lang.equals(d.lang())) {
                model.translation(d, lang).ifPresent(t -> translations.add(t.path()));
            }
        }
        if (!translations.isEmpty()) {
            facts.put("translation\t" + page, String.join(" ", translations));
        }
        TreeSet<String> terms = new TreeSet<>();
        d.tags().forEach(key -> terms.add(url(Routes.tag(d.lang(), key, 1))));
        Categories.keys(d).forEach(key -> terms.add(url(Routes.category(d.lang(), key, 1))));
        if (!terms.isEmpty()) {
            facts.put("terms\t" + page, String.join(" ", terms));
        }
        for (String alias : d.aliases()) {
            facts.put("alias\t" + url(alias), url);
        }
        for (String file : library.media().bundle(page).keySet()) {
            facts.put("resource\t" + url(Routes.article(d) + file), url);
        }
        if (source.contains("<!--more-->") || source.contains("\nsummary:")) {
            facts.put("summary\t" + page, d.summary().strip().replaceAll("\\s+", " "));
        }
    }

    /** A site path as the TSV writes it: percent-escapes decoded (Hugo writes them, Arshif does not), NFC. */
    static String url(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
                bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return Normalizer.normalize(bytes.toString(StandardCharsets.UTF_8), Normalizer.Form.NFC);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    static SortedMap<String, Expected> expected(Path tsv) throws IOException {
        SortedMap<String, Expected> rows = new TreeMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank() || line.startsWith("check\t")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            assertEquals(5, cells.length, "five cells: check, subject, hugo, arshif, why: " + line);
            rows.put(cells[0] + "\t" + cells[1], new Expected(cells[2], cells[3], cells[4]));
        }
        return rows;
    }

    static String tsv(SortedMap<String, String> facts) {
        return facts.entrySet().stream()
                .map(e -> e.getKey() + "\t" + e.getValue().replace('\t', ' ').replace('\n', ' '))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
