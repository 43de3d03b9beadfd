package org.arshif.scaffold;

import static org.arshif.diag.Hints.Option.LANG;
import static org.arshif.diag.Hints.Option.TITLE;
import static org.arshif.diag.Hints.Option.TRANSLATE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.Slugs;
import org.arshif.content.TagVocabulary;
import org.arshif.content.Titles;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.Hints;

/**
 * {@code arshif:new}: writes a new dispatch with its front-matter filled in, or the start of a translation of an
 * existing one (same relative path under the other language, same translationKey, date and tags). Never
 * overwrites a file.
 *
 * <pre>{@code
 * Scaffolder.Created c = new Scaffolder(siteRoot, Clock.systemUTC(), terms, Hints.NEUTRAL).create("قمة في موسكو", "ar", null);
 * // c.path() = "content/ar/2026-11-28-قمة-في-موسكو.md"
 * }</pre>
 */
public final class Scaffolder {
    private static final int MAX_SLUG = 80;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Path siteRoot;
    private final Clock clock;
    private final Function<String, List<String>> terms;
    private static final Pattern CONTROLS = Pattern.compile("\\s*(?:\\p{Cc}\\s*)+");
    private final Hints hints;

    /** @param hints how fix hints name options and commands, in the front end's words */
    public Scaffolder(Path siteRoot, Clock clock, Function<String, List<String>> terms, Hints hints) {
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
        this.clock = clock;
        this.terms = terms;
        this.hints = hints;
    }

    /** The file written: its site-root-relative path and its text. */
    public record Created(String path, String text) {}

    /**
     * @param title     the title; optional for a translation (the original's is prefilled, to be replaced)
     * @param lang      the language; optional for a translation (the other language)
     * @param translate a dispatch to translate (site-root-relative or absolute path), or null
     * @throws ContentException for anything the user must fix: a clash with an existing file, an unknown
     *                          language, a title with nothing to make a file name from
     */
    public Created create(String title, String lang, String translate) {
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(siteRoot, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new ContentException(diagnostics.sorted());
        }
        // Control characters (a pasted tab or line break, a stray escape) would only be dropped by the build, with a
        // warning: a title on the command line is one line of text. So would a bidi override left open (a title
        // pasted from a right-to-left editor): it is closed at the title's end, as the build would close it.
        String cleanTitle = title == null
                ? ""
                : Titles.balanced(Normalizer.normalize(
                        CONTROLS.matcher(title).replaceAll(" ").strip(), Normalizer.Form.NFC));
        Created created = translate == null || translate.isBlank()
                ? fresh(cleanTitle, lang, config)
                : translation(readOriginal(translate, config), cleanTitle, lang, config);
        write(created.path(), created.text());
        return created;
    }

    private Created fresh(String cleanTitle, String lang, SiteConfig config) {
        if (cleanTitle.isEmpty()) {
            throw usage("give the dispatch a title: " + hints.newDispatch(TITLE, "\"…\""));
        }
        String language = checkLanguage(lang, config);
        OffsetDateTime now =
                OffsetDateTime.now(clock.withZone(config.timeZone())).truncatedTo(ChronoUnit.MINUTES);
        String slug = slug(cleanTitle);
        String path = ContentLoader.CONTENT_DIR + "/" + language + "/" + now.toLocalDate() + "-" + slug + ".md";
        return new Created(
                path,
                "---\n"
                        + "title: " + quote(cleanTitle) + "\n"
                        + "date: " + DATE.format(now) + "\n"
                        + "tags: []\n"
                        + "dateline: \"\"\n"
                        + "draft: true\n"
                        + "---\n\n"
                        + placeholder(language) + "\n");
    }

    private Created translation(Dispatch original, String cleanTitle, String lang, SiteConfig config) {
        String language = lang == null || lang.isBlank()
                ? config.languages().stream()
                        .filter(l -> !l.equals(original.lang()))
                        .findFirst()
                        .orElseThrow(() -> usage("this site has one language; there is nothing to translate into"))
                : checkLanguage(lang, config);
        if (language.equals(original.lang())) {
            throw usage(original.path() + " is already in " + language + "; choose the other language with "
                    + hints.option(LANG, "…"));
        }
        String path = translationPath(original.path(), language, config);
        for (String ext : List.of(".md", ".txt")) {
            String sibling = path.substring(0, path.length() - 3) + ext;
            if (Files.exists(siteRoot.resolve(sibling))) {
                throw new ContentException(Diagnostic.error(
                        sibling,
                        0,
                        0,
                        "the " + language + " translation of " + original.path() + " already exists; edit it instead"));
            }
        }
        StringBuilder fm = new StringBuilder("---\n");
        fm.append("# ")
                .append(language)
                .append(" translation of ")
                .append(original.path())
                .append(": ")
                .append(original.title().replace('\n', ' '))
                .append('\n');
        fm.append("title: ")
                .append(quote(cleanTitle.isEmpty() ? original.title() : cleanTitle))
                .append('\n');
        fm.append("date: ").append(DATE.format(original.date())).append('\n');
        if (!cleanTitle.isEmpty() && !path.endsWith("/" + slug(cleanTitle) + ".md")) {
            fm.append("slug: ").append(quote(slug(cleanTitle))).append('\n');
        }
        if (original.translationGroup().startsWith("key:")) {
            fm.append("translationKey: ")
                    .append(quote(original.translationGroup().substring(4)))
                    .append('\n');
        }
        fm.append("tags: [");
        for (int i = 0; i < original.tags().size(); i++) {
            fm.append(i == 0 ? "" : ", ").append(quote(original.tags().get(i)));
        }
        fm.append("]\n");
        if (!original.dateline().isEmpty()) {
            fm.append("# dateline in the original: ")
                    .append(original.dateline())
                    .append('\n');
        }
        fm.append("dateline: \"\"\n");
        if (!original.source().isEmpty()) {
            fm.append("source: ").append(quote(original.source())).append('\n');
        }
        fm.append("draft: true\n---\n\n").append(placeholder(language)).append('\n');
        return new Created(path, fm.toString());
    }

    private Dispatch readOriginal(String translate, SiteConfig config) {
        Path given = Path.of(translate);
        Path file = (given.isAbsolute() ? given : siteRoot.resolve(given))
                .toAbsolutePath()
                .normalize();
        if (!file.startsWith(siteRoot) || !Files.isRegularFile(file)) {
            throw usage(hints.option(TRANSLATE, translate) + " is not a file of this site (give a path like"
                    + " content/ar/2017-05-22-putin-rouhani-erdogan.md)");
        }
        String rel = siteRoot.relativize(file).toString().replace('\\', '/');
        if (!rel.startsWith(ContentLoader.CONTENT_DIR + "/") || !ContentLoader.isDispatchFile(rel)) {
            throw usage(rel + " is not a dispatch (a .md or .txt file under content/)");
        }
        Diagnostics diagnostics = new Diagnostics();
        TagVocabulary vocabulary = TagVocabulary.load(siteRoot, terms, diagnostics);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Optional<Dispatch> read =
                new DispatchReader(config, vocabulary, GitHistory.read(siteRoot)).read(rel, bytes, diagnostics);
        if (read.isEmpty()) {
            throw new ContentException(diagnostics.sorted());
        }
        return read.get();
    }

    /** content/ar/x/y.txt → content/en/x/y.md; content/y.ar.md → content/en/y.md. Same translation path either way. */
    static String translationPath(String original, String lang, SiteConfig config) {
        String rel = original.substring(ContentLoader.CONTENT_DIR.length() + 1);
        int slash = rel.indexOf('/');
        if (slash > 0 && config.languages().contains(rel.substring(0, slash))) {
            rel = rel.substring(slash + 1);
        }
        String stem = rel.substring(0, rel.lastIndexOf('.'));
        int dot = stem.lastIndexOf('.');
        if (dot > stem.lastIndexOf('/') && config.languages().contains(stem.substring(dot + 1))) {
            stem = stem.substring(0, dot);
        }
        return ContentLoader.CONTENT_DIR + "/" + lang + "/" + stem + ".md";
    }

    private void write(String path, String text) {
        Path target = siteRoot.resolve(path);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(
                    target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new ContentException(Diagnostic.error(
                    path,
                    0,
                    0,
                    "already exists, and a new dispatch never"
                            + " overwrites a file; give the new dispatch another title, or edit this one"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private String checkLanguage(String lang, SiteConfig config) {
        if (lang == null || lang.isBlank()) {
            throw usage("give the language: " + hints.option(LANG, String.join("|", config.languages())));
        }
        String code = lang.strip().toLowerCase(Locale.ROOT);
        if (!config.languages().contains(code)) {
            throw usage(
                    "unknown language '" + lang + "'; this site publishes " + String.join(", ", config.languages()));
        }
        return code;
    }

    /**
     * A file name and URL segment from a title: lower case, Arabic letters kept without tashkeel or tatweel,
     * every run of other characters one '-', at most 80 characters, cut at a '-'.
     */
    public static String slug(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        // Tashkeel and tatweel are dropped: spelling variants must not make different URLs.
        String slug = Slugs.hyphenate(
                s, cp -> cp == 0x0640 || cp >= 0x064B && cp <= 0x065F || cp == 0x0670, Character::isLetterOrDigit);
        if (slug.isEmpty()) {
            throw usage("the title '" + title + "' has no letters or digits to make a file name from");
        }
        if (slug.codePointCount(0, slug.length()) > MAX_SLUG) {
            slug = slug.substring(0, slug.offsetByCodePoints(0, MAX_SLUG));
            int cut = slug.lastIndexOf('-');
            if (cut > MAX_SLUG / 2) {
                slug = slug.substring(0, cut);
            }
        }
        // A title such as "Con" or "Aux": Windows cannot make a file or folder of that name, so the build refuses it.
        return Slugs.segmentProblem(slug) == null ? slug : slug + "-1";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String placeholder(String lang) {
        return "ar".equals(lang)
                ? "اكتب نص الخبر هنا. يبقى الخبر مسودة إلى أن تحذف السطر draft: true من رأس الملف."
                : "Write the dispatch here. It stays a draft until you remove 'draft: true' above.";
    }

    private static ContentException usage(String message) {
        return new ContentException(Diagnostic.error("", 0, 0, message));
    }
}
