package org.arshif.content;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.arshif.config.SiteConfig;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.InputFiles;
import org.arshif.internal.SourceText;
import org.arshif.internal.TextControls;
import org.arshif.internal.yaml.YNode;

/**
 * What Hugo takes from a section's section page ({@code content/<lang>/<section>/_index.md}, or that language's
 * {@code _index.<lang>.md} in its place): its {@code title} as the section's name and its Markdown text, shown above
 * the section's list. Read once per load, from the section pages the content folder's walk found, for the sections
 * with dispatches below them (their cascade is {@link HugoCascades}'s, which reports a front-matter that cannot be
 * read: here such a page gives nothing; a file that cannot be read or decoded, or whose text loses a control
 * character, is named here too). Immutable and thread-safe.
 *
 * <p>Example: {@code content/en/economy/_index.md} holding {@code title: Economy and Trade} and a paragraph names the
 * section so, on {@code /en/economy/} and wherever it is named, and shows the paragraph above its dispatches.
 */
public final class SectionTexts {
    /** No section page with a title or text. */
    public static final SectionTexts NONE = new SectionTexts(new TreeMap<>());

    /** The "section" of a language's home page, {@code content/<lang>/_index.md}: its text heads the home page. */
    public static final String HOME = "";

    /**
     * A section page's own part.
     *
     * @param path  the section page, site-root-relative
     * @param title its {@code title}, or null when it gives none
     * @param html  its Markdown text as HTML, or null when it has none
     * @param markdown its Markdown text as written, or null when it has none: what its links are checked on
     * @param markdownLine the line of the file where {@code markdown} starts
     */
    public record Text(String path, String title, String html, String markdown, int markdownLine) {
        /** The same text with other HTML (links rewritten). */
        public Text withHtml(String other) {
            return new Text(path, title, other, markdown, markdownLine);
        }
    }

    // Language -> section path -> its text.
    private final Map<String, Map<String, Text>> byLanguage;

    private final String stamp;

    /** @param byLanguage sorted maps, not changed after */
    private SectionTexts(Map<String, Map<String, Text>> byLanguage) {
        this.byLanguage = Collections.unmodifiableMap(byLanguage);
        Fingerprint f = new Fingerprint();
        byLanguage.forEach((lang, texts) -> texts.forEach((section, t) -> f.text(lang)
                .text(section)
                .text(t.path())
                .text(String.valueOf(t.title()))
                .text(String.valueOf(t.html()))));
        this.stamp = f.finish().hex();
    }

    /** Every section page's title, by language and section (sorted); empty without any. */
    public Map<String, Map<String, String>> titles() {
        Map<String, Map<String, String>> titles = new TreeMap<>();
        byLanguage.forEach((lang, texts) -> texts.forEach((section, t) -> {
            if (t.title() != null) {
                titles.computeIfAbsent(lang, l -> new TreeMap<>()).put(section, t.title());
            }
        }));
        return titles;
    }

    /**
     * A hash of every title and text: what an incremental build compares to tell whether a section's list may have
     * changed when no dispatch did.
     */
    public String stamp() {
        return stamp;
    }

    /** A section page that gives a title or text, with its language and section. */
    public record Page(String lang, String section, Text text) {}

    /** Every section page that gives a title or text, by language, then section. */
    public List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        byLanguage.forEach((lang, texts) -> texts.forEach((section, t) -> pages.add(new Page(lang, section, t))));
        return List.copyOf(pages);
    }

    /** The section page's title and text for a section of a language, if it has a section page that gives either. */
    public Optional<Text> of(String lang, String section) {
        Map<String, Text> texts = byLanguage.get(lang);
        return texts == null ? Optional.empty() : Optional.ofNullable(texts.get(section));
    }

    /**
     * The titles and texts of {@code sectionPages} (site-root-relative, as {@link ContentLoader#listAll} lists them)
     * that are a section's own, in a language folder, with dispatches below them ({@code sources}, sorted).
     */
    public static SectionTexts read(
            Path siteRoot, List<String> sources, List<String> sectionPages, SiteConfig config, Diagnostics d) {
        Map<String, Map<String, String>> chosen = chosen(sources, sectionPages, config);
        if (chosen.isEmpty()) {
            return NONE;
        }
        InputFiles files = InputFiles.within(siteRoot);
        MarkdownText markdown = new MarkdownText(config.markdownRawHtml(), config.externalNofollow(), config.baseUrl());
        Map<String, Map<String, Text>> byLanguage = new TreeMap<>();
        // A read's findings are the cascade reader's too (the same ones, kept once): named here as well, since this
        // is the reader that publishes the text.
        chosen.forEach((lang, sections) -> sections.forEach((section, path) -> files.readListed(
                        siteRoot.resolve(path), path, d)
                .flatMap(bytes -> text(path, bytes, markdown, section.equals(HOME), d))
                .ifPresent(text ->
                        byLanguage.computeIfAbsent(lang, l -> new TreeMap<>()).put(section, text))));
        return byLanguage.isEmpty() ? NONE : new SectionTexts(byLanguage);
    }

    /**
     * The section page of each section, by language: {@code _index.<lang>.md} over {@code _index.md}, {@code .md}
     * over {@code .markdown}. A page above no dispatch, outside a language folder, in date folders, or named for
     * another language than its folder's, is none.
     */
    private static Map<String, Map<String, String>> chosen(
            List<String> sources, List<String> sectionPages, SiteConfig config) {
        List<String> languages = config.languages();
        Map<String, Map<String, String>> chosen = new TreeMap<>();
        Map<String, Integer> ranks = new TreeMap<>();
        for (String path : sectionPages.stream().sorted().toList()) {
            String[] parts = Normalizer.normalize(path, Normalizer.Form.NFC).split("/");
            int first = Permalinks.firstSectionFolder(parts, languages, config.hugoPaths());
            if (first < 0 || !HugoCascades.anyBelow(sources, folder(path))) {
                continue;
            }
            String[] name = parts[parts.length - 1].split("\\.");
            // in Hugo's one content folder, _index.ar.md is Arabic's and _index.md the default language's
            String lang = first == 2 ? parts[1] : name.length == 3 ? name[1] : config.defaultLanguage();
            if (!languages.contains(lang)) {
                continue;
            }
            List<String> folders = List.of(parts).subList(first, parts.length - 1);
            boolean own = name.length == 3 && name[1].equals(lang);
            if (folders.stream().anyMatch(Permalinks::isDateFolder) || name.length == 3 && !own) {
                continue;
            }
            // the section as Permalinks names it, so the title finds its list
            String section = String.join(
                    "/",
                    config.hugoPaths()
                            ? folders.stream().map(HugoPaths::segment).toList()
                            : folders);
            int rank = (own ? 2 : 0) + (name[name.length - 1].equals("md") ? 1 : 0);
            if (ranks.getOrDefault(lang + "/" + section, -1) < rank) {
                ranks.put(lang + "/" + section, rank);
                chosen.computeIfAbsent(lang, l -> new TreeMap<>()).put(section, path);
            }
        }
        return chosen;
    }

    private static String folder(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    /**
     * The page's title and text; empty when it gives neither, or its front-matter cannot be read. The home page's
     * title is not read: the site's title, from arshif.yml, heads it.
     */
    private static Optional<Text> text(String path, byte[] bytes, MarkdownText markdown, boolean home, Diagnostics d) {
        FrontMatterSplit split;
        Optional<YNode> front;
        try {
            SourceText source = SourceText.decode(path, bytes);
            d.addAll(source.findings()); // a control character taken out of the text this page publishes
            split = FrontMatterSplit.of(source.text());
            front = split.parse(path, new Diagnostics()); // its mistakes are the cascade reader's findings
        } catch (ContentException e) {
            d.addAll(e.diagnostics()); // not UTF-8: named (as the cascade reader names it), nothing published
            return Optional.empty();
        } catch (FrontMatterSplit.UnclosedException e) {
            return Optional.empty();
        }
        if (split.text().isPresent()
                && front.filter(YNode.Map.class::isInstance).isEmpty()) {
            return Optional.empty();
        }
        String title = home
                ? null
                : front.map(n -> ((YNode.Map) n).entries().get("title"))
                        .flatMap(t -> title(path, t, d))
                        .orElse(null);
        String html = split.body().isBlank() ? null : html(path, split, markdown, d);
        return title == null && html == null
                ? Optional.empty()
                : Optional.of(new Text(path, title, html, html == null ? null : split.body(), split.bodyLine()));
    }

    /** The title as text; empty (with a warning at it when it is not text) when it gives none. */
    private static Optional<String> title(String path, YNode node, Diagnostics d) {
        if (node instanceof YNode.Scalar s && s.kind() != YNode.ScalarKind.NULL) {
            String title = Normalizer.normalize(TextControls.strip(s.text()), Normalizer.Form.NFC)
                    .strip();
            return title.isEmpty() ? Optional.empty() : Optional.of(title);
        }
        if (!(node instanceof YNode.Scalar)) {
            d.warning(
                    path,
                    node.line(),
                    node.column(),
                    "a section page's title must be text (like title: Economy), but it is " + node.kindName()
                            + ", so the section keeps its name; write the title as text");
        }
        return Optional.empty();
    }

    /** The text below the front-matter as HTML, as a dispatch's Markdown is rendered; null when it renders empty. */
    private static String html(String path, FrontMatterSplit split, MarkdownText markdown, Diagnostics d) {
        HugoShortcodes.Rewritten rewritten = HugoShortcodes.rewrite(split.body());
        rewritten.findings().forEach(f -> d.warning(path, f.line() + split.bodyLine() - 1, f.column(), f.message()));
        MarkdownText.Converted converted = markdown.convert(rewritten.text(), false);
        List<Diagnostic> findings = new ArrayList<>();
        for (MarkdownText.Finding f : converted.findings()) {
            int line = f.line() + split.bodyLine() - 1;
            findings.add(
                    f.error()
                            ? Diagnostic.error(path, line, f.column(), f.message())
                            : f.codePoint() < 0
                                    ? Diagnostic.warning(path, line, f.column(), f.message())
                                    : TextControls.warning(path, line, f.column(), f.codePoint()));
        }
        d.addAll(findings);
        return converted.html().isBlank() ? null : converted.html();
    }
}
