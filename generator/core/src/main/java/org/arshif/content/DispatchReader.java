package org.arshif.content;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.config.SiteConfig;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.TextControls;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/**
 * Turns one source file into a {@link Dispatch}: front-matter, body, and the rules that fill in what the file
 * does not say (language, date, title, dateline, tags). Immutable and thread-safe; build one per run.
 */
public final class DispatchReader {
    /** Front-matter keys with a meaning; every other key is kept for templates. */
    public static final Set<String> KNOWN_KEYS = knownKeys();

    private static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(Set.of(
                "title",
                "date",
                "lastmod",
                "tags",
                "slug",
                "aliases",
                "translationKey",
                "lang",
                "summary",
                "draft",
                "dateline",
                "source",
                "arabicMonths",
                "image",
                "images",
                "imageAlt",
                "imageCaption"));
        keys.addAll(HugoKeys.KEYS);
        return Set.copyOf(keys);
    }

    static final Pattern LANG_SUFFIX = Pattern.compile("^(.*)\\.([a-z]{2})$");
    private static final int SUMMARY_CHARS = 220;
    /**
     * Tags per dispatch. Each tag is a page and a feed that list the dispatch with all its tags, so output grows
     * with the square of this number: 2,000 tags on one dispatch wrote 344 MB.
     */
    public static final int MAX_TAGS = 50;

    private final SiteConfig config;
    private final TagVocabulary vocabulary;
    private final GitHistory git;
    private final DispatchFields fields;
    private final HugoKeys hugoKeys;
    private final MarkdownText markdown;
    private final AgencyText agencyText;
    private final boolean packBodies;
    private final Permalinks permalinks;
    private final LeadImages images;
    private final Interner strings = new Interner();
    private final DispatchBodies bodies;
    private final Cascades cascades;

    public DispatchReader(SiteConfig config, TagVocabulary vocabulary, GitHistory git) {
        this(
                config,
                vocabulary,
                git,
                new MarkdownText(config.markdownRawHtml(), config.externalNofollow(), config.baseUrl()),
                AgencyText.builder()
                        .agencies(config.agencies())
                        .footerPatterns(config.footerPatterns())
                        .teaserPatterns(config.teaserPatterns())
                        .wire(config.wire())
                        .build(),
                false,
                null,
                Cascades.NONE);
    }

    private DispatchReader(
            SiteConfig config,
            TagVocabulary vocabulary,
            GitHistory git,
            MarkdownText markdown,
            AgencyText agencyText,
            boolean packBodies,
            LeadImages images,
            Cascades cascades) {
        this.images = images;
        this.cascades = cascades;
        this.config = config;
        this.vocabulary = vocabulary;
        this.git = git;
        this.fields = new DispatchFields(config, git);
        this.hugoKeys = new HugoKeys(fields);
        this.markdown = markdown;
        this.agencyText = agencyText;
        this.packBodies = packBodies;
        this.permalinks = new Permalinks(config);
        this.bodies = new DispatchBodies(markdown, agencyText, images);
    }

    /** This reader, keeping bodies deflated ({@link Body.Packed}) or not; see {@link Body}. */
    public DispatchReader packingBodies(boolean pack) {
        return pack == packBodies
                ? this
                : new DispatchReader(config, vocabulary, git, markdown, agencyText, pack, images, cascades);
    }

    /** This reader, resolving images against the site's {@code media} (without, no image has a size or file). */
    public DispatchReader withMedia(Media media) {
        LeadImages lead = new LeadImages(media, config.decodedBasePath());
        return new DispatchReader(config, vocabulary, git, markdown, agencyText, packBodies, lead, cascades);
    }

    /** This reader, giving each dispatch what the section pages above it cascade ({@link HugoCascades#read}). */
    public DispatchReader withCascades(Cascades given) {
        return new DispatchReader(config, vocabulary, git, markdown, agencyText, packBodies, images, given);
    }

    /** What a dispatch's reading depends on in the section pages above it; empty without cascades. */
    public String cascadeStamp(String path) {
        return cascades.stamp(path);
    }

    /** What a dispatch's rendering depends on besides its file (its images); empty without media. */
    public String mediaStamp(String path) {
        return images == null ? "" : images.media().stamp(path);
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
        List<Diagnostic> found =
                TextControls.oncePerFile(TextControls.atWrittenColumns(path, cascades.located(local.sorted()), bytes));
        diagnostics.addAll(found);
        return found.stream().anyMatch(Diagnostic::isError) ? Optional.empty() : result;
    }

    private Optional<Dispatch> readChecked(String path, byte[] bytes, Diagnostics d) {
        Optional<FrontMatterSplit.Read> read = FrontMatterSplit.read(path, bytes, config.maxFileBytes(), d);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        FrontMatterSplit split = read.get().split();
        YFields fm = HugoKeys.withCascades(read.get().fields(), cascades, path, d);
        if (HugoKeys.notAPage(path, fm, d)) {
            return Optional.empty();
        }
        SourceName name = SourceName.of(path);
        Optional<String> fmTitle = TitleText.read(fm);
        DispatchBodies.Parts body = name.format() == SourceFormat.AGENCY_TEXT
                ? bodies.agency(path, split, fmTitle, d)
                : bodies.markdown(path, split, fmTitle, d);
        boolean titleOfWrongType =
                fm.get("title").filter(n -> !(n instanceof YNode.Scalar)).isPresent();
        if (!Titles.isVisible(body.title()) && fm.has("title") && !titleOfWrongType && !body.unreadable()) {
            int[] at = fm.position("title");
            d.error(path, at[0], at[1], Titles.emptyProblem(fm.string("title"), name.format()));
        } else if (!Titles.isVisible(body.title()) && !titleOfWrongType && !body.unreadable()) {
            d.error(path, 1, 1, Titles.missingProblem(name.format()));
        }
        String balanced = Titles.balanced(body.title());
        if (!balanced.equals(body.title())) {
            int[] at = fm.has("title") ? fm.position("title") : new int[] {split.bodyLine(), 1};
            d.warning(path, at[0], at[1], Titles.unbalancedProblem(body.title()));
            body = body.withTitle(balanced);
        }
        String text = body.title() + "\n" + body.plainText();
        String lang = fields.language(path, fm, name.langSuffix(), text, d);
        OffsetDateTime date = fields.date(path, fm, body.datelineDate(), name, d);
        String slug = fields.slug(path, fm, name.stem(), d);
        Tags tags = tags(path, fm, text, body.wire().title().category(), d);
        String section = permalinks.section(path, d);
        LeadImage image = images == null ? null : images.lead(path, fm, d);
        DispatchMeta meta = hugoKeys.read(path, fm, date, d);
        String hugoUrl = meta.url().isEmpty()
                ? Aliases.hugoUrl(path, lang, config.languages().size() > 1)
                : meta.url();
        List<String> aliases = Aliases.read(path, fm, () -> hugoUrl, d);
        OffsetDateTime embargo =
                body.embargo() == null || date == null ? null : body.embargo().at(date.toLocalDate());
        if (!fm.has("publishDate")) {
            meta = meta.embargoed(date, embargo);
            if (body.embargo() != null && date != null) {
                int line = body.embargoLine();
                body.embargo()
                        .problems(date.toLocalDate())
                        .forEach(w -> d.warning(path, line, w.getKey(), w.getValue()));
            }
        }
        // the embargo line is where a finding about the dispatch's publication points when its time is the one held to
        boolean heldByLine = body.embargoLine() > 0 && embargo != null && embargo.equals(meta.publish());
        return assemble(path, fm, name, body, lang, date, slug, aliases, tags, section, meta, heldByLine, image);
    }

    /** Tag keys in order, and the label each was written with. */
    private record Tags(Set<String> keys, Map<String, String> labels) {}

    /** @param category a wire's category prefix ({@code سياسي}), a tag besides the others; or empty */
    private Tags tags(String path, YFields fm, String text, String category, Diagnostics d) {
        Set<String> tags = new TreeSet<>();
        Map<String, String> tagLabels = new HashMap<>();
        Optional<List<String>> rawTags = fm.stringList("tags");
        int[] tagsAt = fm.position("tags");
        if (rawTags.isPresent() && rawTags.get().size() > MAX_TAGS) {
            d.error(
                    path,
                    tagsAt[0],
                    tagsAt[1],
                    "the dispatch has " + rawTags.get().size() + " tags, more than the " + MAX_TAGS
                            + " allowed; keep the tags that say what it is about");
            rawTags = Optional.of(List.of());
        }
        for (String raw : rawTags.orElse(List.of())) {
            String key = vocabulary.resolve(raw);
            String problem = Slugs.tagProblem(raw, key);
            if (problem != null) {
                d.error(path, tagsAt[0], tagsAt[1], problem);
            } else if (tags.add(key)) {
                tagLabels.put(key, raw.strip());
            }
        }
        if (rawTags.isEmpty()) {
            tags.addAll(vocabulary.match(text));
        }
        WireInfo.categoryTag(vocabulary, category).filter(tags::add).ifPresent(key -> tagLabels.put(key, category));
        tagLabels.replaceAll((key, label) -> Titles.balanced(label)); // a label shows in <title>, as a title does
        return new Tags(tags, tagLabels);
    }

    /** The dispatch, once every remaining key is read (so each key's mistakes are found); empty without a date. */
    private Optional<Dispatch> assemble(
            String path,
            YFields fm,
            SourceName name,
            DispatchBodies.Parts body,
            String lang,
            OffsetDateTime date,
            String slug,
            List<String> aliases,
            Tags tags,
            String section,
            DispatchMeta meta,
            boolean heldByLine,
            LeadImage image) {
        Permalinks.Slug written = new Permalinks.Slug(slug, fm.get("slug").isPresent());
        String translationKey = fm.string("translationKey").map(String::strip).orElse(null);
        String group = translationKey != null ? "key:" + translationKey : "path:" + translationPath(path, lang);
        String summary = summary(fm, body, meta);
        String dateline = fm.string("dateline").map(String::strip).orElse(body.dateline());
        String agency = fm.string("source")
                .map(String::strip)
                .orElse(
                        body.wire().dateline() == null
                                ? ""
                                : body.wire().dateline().agency());
        WireInfo wire = WireInfo.of(body.wire(), fm);
        boolean draft = HugoBools.read(fm, "draft").orElse(false);
        OffsetDateTime lastmod = fields.lastmod(path, fm, date);
        if (date == null) {
            return Optional.empty();
        }
        // Languages, tags, agencies, datelines and key names repeat across the archive: keep one copy of each.
        Map<String, String> labels = new HashMap<>();
        tags.labels().forEach((k, v) -> labels.put(strings.intern(k), strings.intern(v)));
        return Optional.of(new Dispatch(
                path,
                strings.intern(lang),
                body.title(),
                date,
                lastmod,
                tags.keys().stream().map(strings::intern).toList(),
                labels,
                slug,
                aliases,
                strings.intern(group),
                summary,
                draft,
                strings.intern(dateline),
                strings.intern(agency),
                Body.of(body.html(), body.plainText(), packBodies),
                params(fm),
                name.format(),
                body.footerFound(),
                positions(fm, body, heldByLine),
                strings.intern(section),
                permalink(path, lang, section, date, written, body.title(), meta),
                meta,
                wire,
                image));
    }

    private String permalink(
            String path,
            String lang,
            String section,
            OffsetDateTime date,
            Permalinks.Slug slug,
            String title,
            DispatchMeta meta) {
        return meta.url().isEmpty() ? permalinks.permalink(path, lang, section, date, slug, title) : meta.url();
    }

    /** Hugo's order: summary, else the text before {@code <!--more-->}, else description, else the lead. */
    private static String summary(YFields fm, DispatchBodies.Parts body, DispatchMeta meta) {
        return fm.string("summary")
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .or(() -> Optional.of(body.summary()).filter(s -> !s.isEmpty()))
                .or(() -> Optional.of(meta.description()).filter(s -> !s.isEmpty()))
                .orElseGet(() -> summarize(body.firstParagraph()));
    }

    /**
     * Where each front-matter key is written, for findings about it later; and {@link Dispatch#EMBARGO_LINE}, where a
     * wire's embargo line that holds the dispatch is, when {@code heldByLine}.
     */
    private Map<String, Dispatch.Position> positions(YFields fm, DispatchBodies.Parts body, boolean heldByLine) {
        Map<String, Dispatch.Position> positions = new HashMap<>();
        if (heldByLine) {
            positions.put(Dispatch.EMBARGO_LINE, Dispatch.Position.of(body.embargoLine(), 1));
        }
        for (String key : fm.node().keys().keySet()) {
            int[] p = fm.position(key);
            // A cascaded key's line is a stand-in, which names the section page and line it is written at.
            positions.put(strings.intern(key), p[0] >= 0 ? Dispatch.Position.of(p[0], p[1]) : cascades.at(p[0], p[1]));
        }
        return positions;
    }

    /** The keys Arshif does not know, as written, for templates. */
    private Map<String, Object> params(YFields fm) {
        Map<String, Object> params = new LinkedHashMap<>();
        fm.node().entries().forEach((k, v) -> {
            if (!KNOWN_KEYS.contains(k)) {
                Object value = v.toJava();
                params.put(strings.intern(k), value instanceof String text ? strings.intern(text) : value);
            }
        });
        return params;
    }

    /** Accepts {@code 2017-05-23}, {@code 2017-05-23 10:00}, {@code 2017-05-23T10:00:00}, with or without offset. */
    public static OffsetDateTime parseDateText(String s, ZoneId zone) {
        return DispatchFields.parseDateText(s, zone);
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
