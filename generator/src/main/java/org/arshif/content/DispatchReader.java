package org.arshif.content;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.config.Language;
import org.arshif.config.SiteConfig;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;
import org.arshif.internal.yaml.YamlReader;

/**
 * Turns one source file into a {@link Dispatch}: front-matter, body, and the rules that fill in what the file
 * does not say (language, date, title, dateline, tags). Immutable and thread-safe; build one per run.
 */
public final class DispatchReader {
    /** Front-matter keys with a meaning; every other key is kept for templates. */
    public static final Set<String> KNOWN_KEYS = Set.of("title", "date", "lastmod", "tags", "slug", "aliases",
            "translationKey", "lang", "summary", "draft", "dateline", "source");

    private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[-_ ]?(.*)$");
    private static final Pattern LANG_SUFFIX = Pattern.compile("^(.*)\\.([a-z]{2})$");
    private static final int SUMMARY_CHARS = 220;

    private final SiteConfig config;
    private final TagVocabulary vocabulary;
    private final GitHistory git;
    private final MarkdownText markdown;
    private final AgencyText agencyText;
    private final boolean packBodies;
    private final Interner strings = new Interner();

    public DispatchReader(SiteConfig config, TagVocabulary vocabulary, GitHistory git) {
        this(config, vocabulary, git, new MarkdownText(config.markdownRawHtml()), AgencyText.builder()
                .agencies(config.agencies()).footerPatterns(config.footerPatterns())
                .teaserPatterns(config.teaserPatterns()).build(), false);
    }

    private DispatchReader(SiteConfig config, TagVocabulary vocabulary, GitHistory git, MarkdownText markdown,
                           AgencyText agencyText, boolean packBodies) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.git = git;
        this.markdown = markdown;
        this.agencyText = agencyText;
        this.packBodies = packBodies;
    }

    /** This reader, keeping bodies deflated ({@link Body.Packed}) or not; see {@link Body}. */
    public DispatchReader packingBodies(boolean pack) {
        return pack == packBodies ? this : new DispatchReader(config, vocabulary, git, markdown, agencyText, pack);
    }

    /**
     * Reads one file. Problems go to {@code diagnostics}; the result is empty when the file has errors.
     *
     * @param path  the file relative to the site root, {@code /}-separated, starting with {@code content/}
     * @param bytes the file's bytes
     */
    public Optional<Dispatch> read(String path, byte[] bytes, Diagnostics diagnostics) {
        Diagnostics local = new Diagnostics();
        Optional<Dispatch> result = Optional.empty();
        try {
            result = readChecked(path, bytes, local);
        } catch (ContentException e) {
            local.addAll(e.diagnostics());
        }
        List<Diagnostic> found = local.sorted();
        diagnostics.addAll(found);
        return found.stream().anyMatch(Diagnostic::isError) ? Optional.empty() : result;
    }

    private Optional<Dispatch> readChecked(String path, byte[] bytes, Diagnostics d) {
        if (bytes.length > config.maxFileBytes()) {
            d.error(path, 1, 1, String.format(java.util.Locale.ROOT, "the file is %.1f MB, over the %.1f MB limit for one dispatch;"
                    + " split it, or raise maxFileSize in arshif.yml", bytes.length / 1048576.0,
                    config.maxFileBytes() / 1048576.0));
            return Optional.empty();
        }
        SourceText source = SourceText.decode(path, bytes);
        if (source.text().isBlank()) {
            d.error(path, 1, 1, "the file is empty; write a dispatch in it or delete it");
            return Optional.empty();
        }
        FrontMatterSplit split;
        try {
            split = FrontMatterSplit.of(source.text());
        } catch (FrontMatterSplit.UnclosedException e) {
            d.error(path, 1, 1, e.getMessage());
            return Optional.empty();
        }
        YFields fm = YFields.empty(path, d);
        if (split.yaml().isPresent()) {
            Optional<YNode> node = YamlReader.parse(split.yaml().get(), path, 1, d);
            if (node.isEmpty() && d.hasErrors()) {
                // Malformed front-matter: what it meant to say is unknown, so nothing else is checked.
                return Optional.empty();
            }
            if (node.isPresent() && node.get() instanceof YNode.Map map) {
                fm = new YFields(map, path, d);
            } else if (node.isPresent()) {
                d.error(path, 2, 1, "front-matter must be a mapping of keys to values, like 'title: ...'");
                return Optional.empty();
            }
        }
        Map<String, Dispatch.Position> positions = new HashMap<>();
        for (String key : fm.node().keys().keySet()) {
            int[] p = fm.position(key);
            positions.put(strings.intern(key), Dispatch.Position.of(p[0], p[1]));
        }

        // File names become slugs and translation links: NFC like the text (macOS writes names in NFD).
        String fileName = Normalizer.normalize(path.substring(path.lastIndexOf('/') + 1), Normalizer.Form.NFC);
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
        SourceFormat format = extension.equals("txt") ? SourceFormat.AGENCY_TEXT : SourceFormat.MARKDOWN;

        Optional<String> fmTitle = fm.string("title").map(String::strip).filter(t -> !t.isEmpty());
        String title;
        String dateline;
        String bodyHtml;
        String plainText;
        String firstParagraph;
        boolean footerFound = false;
        if (format == SourceFormat.AGENCY_TEXT) {
            AgencyText.Parsed parsed = agencyText.parse(split.body(), fmTitle);
            title = parsed.title();
            dateline = parsed.dateline();
            bodyHtml = AgencyText.toHtml(parsed.paragraphs());
            plainText = parsed.plainText();
            firstParagraph = parsed.paragraphs().isEmpty() ? "" : parsed.paragraphs().get(0);
            footerFound = parsed.footerFound();
            if (parsed.paragraphs().isEmpty()) {
                d.error(path, split.bodyLine(), 1, "the dispatch has a title but no paragraphs");
            }
        } else {
            MarkdownText.Converted converted = markdown.convert(split.body(), fmTitle.isEmpty());
            title = fmTitle.or(converted::title).orElse("");
            dateline = "";
            bodyHtml = converted.html();
            plainText = converted.plainText();
            firstParagraph = converted.firstParagraph();
        }
        boolean titleOfWrongType = fm.get("title").filter(n -> !(n instanceof YNode.Scalar)).isPresent();
        if (title.isEmpty() && !titleOfWrongType) {
            d.error(path, 1, 1, format == SourceFormat.MARKDOWN
                    ? "no title: add 'title: ...' to the front-matter or start the text with '# Title'"
                    : "no title: the first line of a plain-text dispatch is its title");
        }
        dateline = fm.string("dateline").map(String::strip).orElse(dateline);

        String stem = fileName.substring(0, fileName.length() - extension.length() - 1);
        Optional<String> langSuffix = Optional.empty();
        Matcher lm = LANG_SUFFIX.matcher(stem);
        if (lm.matches() && Language.byCode(lm.group(2)).isPresent()) {
            langSuffix = Optional.of(lm.group(2));
            stem = lm.group(1);
        }
        String datePrefix = null;
        Matcher dm = DATE_PREFIX.matcher(stem);
        if (dm.matches()) {
            datePrefix = dm.group(1);
            if (!dm.group(2).isEmpty()) {
                stem = dm.group(2);
            }
        }

        String lang = resolveLanguage(path, fm, langSuffix, title + "\n" + plainText, d);

        OffsetDateTime date = resolveDate(path, fm, datePrefix, d);
        OffsetDateTime lastmod = fm.get("lastmod").isPresent() ? parseDate(fm, "lastmod").orElse(date)
                : git.dates(path).map(GitHistory.FileDates::modified).orElse(date);
        if (date != null && lastmod != null && lastmod.isBefore(date)) {
            lastmod = date;
        }

        String slug = fm.string("slug").map(String::strip).orElse(stem);
        String slugProblem = Slugs.problem(slug);
        if (slugProblem != null) {
            Dispatch.Position p = positions.getOrDefault("slug", Dispatch.Position.START);
            d.error(path, p.line(), p.column(), "slug '" + slug + "' " + slugProblem
                    + "; a slug is one URL segment, like 'putin-rouhani-call'");
        }

        List<String> aliases = new ArrayList<>();
        List<String> aliasList = fm.stringList("aliases").orElse(List.of());
        for (int i = 0; i < aliasList.size(); i++) {
            String alias = aliasList.get(i);
            String problem = aliasProblem(alias);
            if (problem != null) {
                // Point at the list item when the aliases are a list, else at the key.
                Dispatch.Position p = positions.get("aliases");
                if (fm.get("aliases").orElse(null) instanceof YNode.Seq seq && seq.items().size() == aliasList.size()) {
                    p = new Dispatch.Position(seq.items().get(i).line(), seq.items().get(i).column());
                }
                d.error(path, p.line(), p.column(), "alias '" + alias + "' " + problem);
            } else {
                aliases.add(normalizeAlias(alias));
            }
        }

        Set<String> tags = new TreeSet<>();
        Map<String, String> tagLabels = new HashMap<>();
        Optional<List<String>> rawTags = fm.stringList("tags");
        for (String raw : rawTags.orElse(List.of())) {
            String key = vocabulary.resolve(raw);
            if (key.isEmpty()) {
                int[] p = fm.position("tags");
                d.error(path, p[0], p[1], "tag '" + raw + "' has no letters or digits to make a URL from");
            } else if (tags.add(key)) {
                tagLabels.put(key, raw.strip());
            }
        }
        if (rawTags.isEmpty()) {
            tags.addAll(vocabulary.match(title + "\n" + plainText));
        }

        String translationKey = fm.string("translationKey").map(String::strip).orElse(null);
        String group = translationKey != null ? "key:" + translationKey : "path:" + translationPath(path, lang);

        String summary = fm.string("summary").map(String::strip).orElseGet(() -> summarize(firstParagraph));
        boolean draft = fm.bool("draft").orElse(false);
        String agency = fm.string("source").map(String::strip).orElse("");

        Map<String, Object> params = new LinkedHashMap<>();
        fm.node().entries().forEach((k, v) -> {
            if (!KNOWN_KEYS.contains(k)) {
                params.put(k, v.toJava());
            }
        });
        if (date == null) {
            return Optional.empty();
        }
        // Languages, tags, agencies, datelines and key names repeat across the archive: keep one copy of each.
        Map<String, String> labels = new HashMap<>();
        tagLabels.forEach((k, v) -> labels.put(strings.intern(k), strings.intern(v)));
        Map<String, Object> sharedParams = new LinkedHashMap<>();
        params.forEach((k, v) -> sharedParams.put(strings.intern(k), v instanceof String text ? strings.intern(text) : v));
        return Optional.of(new Dispatch(path, strings.intern(lang), title, date, lastmod,
                tags.stream().map(strings::intern).toList(), labels, slug, aliases, strings.intern(group), summary, draft,
                strings.intern(dateline), strings.intern(agency), Body.of(bodyHtml, plainText, packBodies), sharedParams,
                format, footerFound, positions));
    }

    private String resolveLanguage(String path, YFields fm, Optional<String> suffix, String text, Diagnostics d) {
        Optional<String> declared = fm.string("lang").map(String::strip);
        if (declared.isPresent()) {
            String code = declared.get();
            if (!config.languages().contains(code)) {
                int[] p = fm.position("lang");
                d.error(path, p[0], p[1], "unknown language '" + code + "'; this site publishes "
                        + String.join(", ", config.languages()) + " (set 'languages' in arshif.yml)");
                return config.defaultLanguage();
            }
            return code;
        }
        String[] parts = path.split("/");
        if (parts.length > 2 && config.languages().contains(parts[1])) {
            return parts[1];
        }
        if (suffix.isPresent() && config.languages().contains(suffix.get())) {
            return suffix.get();
        }
        String byScript = Scripts.isMostlyArabic(text) ? "ar" : "en";
        if (config.languages().contains(byScript)) {
            return byScript;
        }
        return config.defaultLanguage();
    }

    private OffsetDateTime resolveDate(String path, YFields fm, String datePrefix, Diagnostics d) {
        // 'date:' with no value says no more than no 'date' key; dropping the dispatch without a word was the bug.
        if (fm.get("date").filter(n -> !(n instanceof YNode.Scalar s && s.kind() == YNode.ScalarKind.NULL))
                .isPresent()) {
            return parseDate(fm, "date").orElse(null);
        }
        if (datePrefix != null) {
            try {
                return LocalDate.parse(datePrefix).atStartOfDay(config.timeZone()).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                d.error(path, 1, 1, "the file name starts with '" + datePrefix + "', which is not a valid date;"
                        + " rename it with a real YYYY-MM-DD date");
                return null;
            }
        }
        Optional<GitHistory.FileDates> fromGit = git.dates(path);
        if (fromGit.isPresent()) {
            return fromGit.get().created();
        }
        String why = !git.available() ? git.unavailableReason() : "the file is not committed to git yet";
        d.error(path, 1, 1, "no date for this dispatch (" + why + "); add 'date: YYYY-MM-DD' to the front-matter,"
                + " start the file name with YYYY-MM-DD-, or commit the file (its first commit gives the date)");
        return null;
    }

    private Optional<OffsetDateTime> parseDate(YFields fm, String key) {
        Optional<String> text = fm.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String s = text.get().strip();
        try {
            return Optional.of(parseDateText(s, config.timeZone()));
        } catch (DateTimeException e) {
            fm.error(fm.get(key).orElseThrow(), "'" + key + "' \"" + s + "\" is not a valid date ("
                    + e.getMessage().replaceFirst("^Text '[^']*' could not be parsed: ", "")
                    + "); write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+03:00 with a time");
            return Optional.empty();
        }
    }

    /** Accepts {@code 2017-05-23}, {@code 2017-05-23 10:00}, {@code 2017-05-23T10:00:00}, with or without offset. */
    public static OffsetDateTime parseDateText(String s, ZoneId zone) {
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay(zone).toOffsetDateTime();
        }
        String iso = s.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toOffsetDateTime();
        }
    }

    private static String aliasProblem(String alias) {
        String a = alias.strip();
        if (a.isEmpty()) {
            return "is empty";
        }
        if (a.contains("://") || a.startsWith("//")) {
            return "is a full URL; an alias is a path on this site, like /old/path/";
        }
        if (a.contains("\\") || a.contains("?") || a.contains("#")) {
            return "contains '\\', '?' or '#'; an alias is a plain path like /old/path/";
        }
        for (String segment : a.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return "would leave the site folder ('..' or '.' segments); write it from the site root, like /old/path/";
            }
        }
        return null;
    }

    private static String normalizeAlias(String alias) {
        String a = alias.strip();
        if (!a.startsWith("/")) {
            a = "/" + a;
        }
        if (!a.endsWith("/") && !a.endsWith(".html")) {
            a = a + "/";
        }
        return a.replaceAll("/{2,}", "/");
    }

    /** The path that links translations: under content/ar/ and content/en/ the same relative path, sans suffix. */
    private String translationPath(String path, String lang) {
        String nfc = Normalizer.normalize(path, Normalizer.Form.NFC);
        String rel = nfc.startsWith("content/") ? nfc.substring("content/".length()) : nfc;
        int slash = rel.indexOf('/');
        if (slash > 0 && config.languages().contains(rel.substring(0, slash))) {
            rel = rel.substring(slash + 1);
        }
        int dot = rel.lastIndexOf('.');
        String noExt = dot > 0 ? rel.substring(0, dot) : rel;
        Matcher m = LANG_SUFFIX.matcher(noExt);
        if (m.matches() && config.languages().contains(m.group(2))) {
            noExt = m.group(1);
        }
        return noExt;
    }

    static String summarize(String paragraph) {
        String p = paragraph.replace('\n', ' ').strip();
        if (p.length() <= SUMMARY_CHARS) {
            return p;
        }
        int cut = p.lastIndexOf(' ', SUMMARY_CHARS);
        return p.substring(0, cut > SUMMARY_CHARS / 2 ? cut : SUMMARY_CHARS).strip() + "…";
    }
}
