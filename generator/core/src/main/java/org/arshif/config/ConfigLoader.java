package org.arshif.config;

import java.net.IDN;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.InputFiles;
import org.arshif.internal.SourceText;
import org.arshif.internal.TextControls;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;
import org.arshif.internal.yaml.YamlReader;

/** Reads {@code arshif.yml}; every key is optional, and every mistake is reported with its position. */
public final class ConfigLoader {
    public static final String FILE_NAME = "arshif.yml";

    private static final Set<String> KEYS = Set.of(
            "baseUrl",
            "defaultLanguage",
            "languages",
            "title",
            "pageSize",
            "arabicMonths",
            "arabicIndicDigits",
            "timeZone",
            "agencies",
            "footerPatterns",
            "teaserPatterns",
            "relatedCount",
            "maxFileSize",
            "markdownRawHtml",
            "permalinks",
            "sections",
            "sources",
            "externalLinks",
            "agencyProfiles",
            "showHijri",
            "search",
            "siteSizeLimit",
            "compact",
            "uglyUrls",
            SiteConfig.HUGO_PATHS);

    private ConfigLoader() {}

    /** Loads the site root's {@code arshif.yml}, or the defaults when there is none. */
    public static SiteConfig load(Path siteRoot, Diagnostics diagnostics) {
        Path file = siteRoot.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return SiteConfig.defaults();
        }
        // Only a folder has its own words: a link, pipe or device is InputFiles's to name, and never read.
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            diagnostics.error(
                    FILE_NAME,
                    0,
                    0,
                    FILE_NAME + " is a folder, so the configuration cannot be read;"
                            + " the configuration is a file: remove or rename the folder");
            return SiteConfig.defaults();
        }
        Diagnostics local = new Diagnostics();
        SiteConfig config = SiteConfig.defaults();
        // Read like every input: a link out of the site or an unreadable file is a finding, not its contents.
        Optional<byte[]> bytes = InputFiles.within(siteRoot).read(file, FILE_NAME, local);
        try {
            if (bytes.isPresent()) {
                config = parse(SourceText.decode(FILE_NAME, bytes.get()), local);
            }
        } catch (ContentException e) {
            local.addAll(e.diagnostics());
        }
        List<Diagnostic> found = bytes.isPresent()
                ? TextControls.atWrittenColumns(FILE_NAME, local.sorted(), bytes.get())
                : local.sorted();
        diagnostics.addAll(TextControls.oncePerFile(found));
        return config;
    }

    /**
     * The configuration with the base URL given on the command line or to Maven, when it is valid; otherwise an
     * error and the configuration as it was.
     */
    public static SiteConfig withBaseUrlOverride(SiteConfig config, String override, Diagnostics diagnostics) {
        if (override == null) {
            return config;
        }
        String problem = baseUrlProblem(override);
        if (problem != null) {
            diagnostics.error(
                    "", 0, 0, "the base URL '" + override + "' given with --base-url or -Darshif.baseUrl " + problem);
            return config;
        }
        return config.withBaseUrl(asciiUrl(override.endsWith("/") ? override : override + "/"));
    }

    public static SiteConfig parse(SourceText source, Diagnostics diagnostics) {
        diagnostics.addAll(source.findings());
        SiteConfig d = SiteConfig.defaults();
        Optional<YNode> root = YamlReader.parse(source.text(), source.path(), 0, diagnostics);
        if (root.isEmpty()) {
            return d;
        }
        if (!(root.get() instanceof YNode.Map map)) {
            diagnostics.error(source.path(), 1, 1, "the configuration must be a mapping of keys to values");
            return d;
        }
        YFields f = new YFields(map, source.path(), diagnostics);
        f.rejectUnknown(KEYS, "configuration");

        String baseUrl = f.string("baseUrl").map(u -> validBaseUrl(u, f)).orElse(d.baseUrl());
        List<String> languages =
                f.stringList("languages").map(l -> validLanguages(l, f)).orElse(d.languages());
        String defaultLanguage = defaultLanguage(f, map, languages, d);
        Map<String, String> titles = titles(f, d, languages);
        int pageSize = f.integer("pageSize", 1, 1000).orElse(d.pageSize());
        ArabicMonths months =
                f.string("arabicMonths").flatMap(m -> monthSet(m, f)).orElse(d.arabicMonths());
        boolean digits = f.bool("arabicIndicDigits").orElse(d.arabicIndicDigits());
        ZoneId zone = f.string("timeZone").flatMap(z -> zone(z, f)).orElse(d.timeZone());
        List<String> agencies =
                ownProfiles(f) ? d.agencies() : f.stringList("agencies").orElse(d.agencies());
        WireSettings wire = wire(f, d, source.path(), diagnostics);
        List<String> footers = patterns(f, "footerPatterns", d.footerPatterns());
        List<String> teasers = patterns(f, "teaserPatterns", d.teaserPatterns());
        int related = f.integer("relatedCount", 0, 100).orElse(d.relatedCount());
        long maxBytes = f.integer("maxFileSize", 1024, Integer.MAX_VALUE)
                .map(Integer::longValue)
                .orElse(d.maxFileBytes());
        boolean rawHtml = f.bool("markdownRawHtml").orElse(d.markdownRawHtml());
        boolean nofollow =
                f.mapping("externalLinks").flatMap(ConfigLoader::nofollow).orElse(d.externalNofollow());
        return new SiteConfig(
                baseUrl,
                defaultLanguage,
                languages,
                titles,
                pageSize,
                months,
                digits,
                zone,
                agencies,
                footers,
                teasers,
                related,
                maxBytes,
                rawHtml,
                SectionSettingsReader.read(f, languages),
                nofollow,
                wire,
                SearchSettings.read(f),
                f.integer("siteSizeLimit", 0, 1 << 24).orElse(d.siteSizeLimitMb()),
                f.bool("compact").orElse(d.compact()),
                f.bool("uglyUrls").orElse(d.uglyUrls()),
                f.bool(SiteConfig.HUGO_PATHS).orElse(d.hugoPaths()));
    }

    /** {@code externalLinks: {nofollow: true}}; the mapping leaves room for more link settings. */
    private static Optional<Boolean> nofollow(YFields links) {
        links.rejectUnknown(Set.of("nofollow"), "externalLinks");
        return links.bool("nofollow");
    }

    private static String defaultLanguage(YFields f, YNode.Map map, List<String> languages, SiteConfig d) {
        Optional<String> chosen = f.string("defaultLanguage");
        if (chosen.isEmpty() && !languages.contains(d.defaultLanguage())) {
            // languages: [en] alone makes an English site; the default 'ar' was never the user's choice
            return languages.get(0);
        }
        String defaultLanguage = chosen.orElse(d.defaultLanguage());
        if (!languages.contains(defaultLanguage)) {
            f.error(
                    f.get("defaultLanguage").orElse(map),
                    "defaultLanguage '" + defaultLanguage + "' is not one of the languages " + languages);
            return languages.get(0);
        }
        return defaultLanguage;
    }

    private static Map<String, String> titles(YFields f, SiteConfig d, List<String> languages) {
        Map<String, String> titles = new LinkedHashMap<>(d.titles());
        // Hugo's config, and most people's first line, gives one title: it is every language's.
        if (f.get("title").orElse(null) instanceof YNode.Scalar one
                && one.kind() == YNode.ScalarKind.STRING
                && !one.text().isBlank()) {
            titles.replaceAll((lang, title) -> one.text().strip());
            return titles;
        }
        f.mapping("title").ifPresent(t -> {
            for (String lang : t.node().entries().keySet()) {
                t.string(lang).ifPresent(v -> titles.put(lang, v));
                if (!languages.contains(lang)) {
                    // 'fr' kept for later is fine; 'EN', or 'en' behind an invisible mark, left the title unset.
                    t.warning(t.node().keys().get(lang), TitleKeys.notALanguage(lang, languages));
                }
            }
        });
        return titles;
    }

    /** 'agencies' is a list of names (the CITY-AGENCY dateline), or a mapping of the site's own profiles. */
    private static boolean ownProfiles(YFields f) {
        return f.get("agencies").filter(YNode.Map.class::isInstance).isPresent();
    }

    private static WireSettings wire(YFields f, SiteConfig d, String path, Diagnostics diagnostics) {
        List<AgencyProfile> profiles = AgencyProfiles.withBuiltIn(
                ownProfiles(f)
                        ? AgencyProfiles.read((YNode.Map) f.get("agencies").orElseThrow(), path, diagnostics)
                        : List.of());
        return new WireSettings(
                profiles,
                AgencyProfiles.folders(f, profiles),
                f.bool("showHijri").orElse(d.wire().showHijri()));
    }

    private static List<String> patterns(YFields f, String key, List<String> defaults) {
        return f.stringList(key).map(p -> validPatterns(key, p, f)).orElse(defaults);
    }

    private static String validBaseUrl(String url, YFields f) {
        String problem = baseUrlProblem(url);
        if (problem != null) {
            f.error(f.get("baseUrl").orElseThrow(), "baseUrl '" + url + "' " + problem);
            return "";
        }
        return asciiUrl(url.endsWith("/") ? url : url + "/");
    }

    /**
     * The URL as browsers send it and feeds and sitemaps must carry it: its host in IDNA ({@link #asciiHost}) and
     * every other character outside ASCII percent-encoded as UTF-8, so {@code https://example.org/أرشيف/} is
     * {@code https://example.org/%D8%A3%D8%B1%D8%B4%D9%8A%D9%81/} in every page, feed and sitemap alike (the
     * dispatches' own paths are encoded the same way) and links compare with it decoded.
     */
    static String asciiUrl(String url) {
        byte[] bytes = asciiHost(Normalizer.normalize(url, Normalizer.Form.NFC)).getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 32);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 0x80) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return UPPER_ESCAPES.matcher(sb).replaceAll(m -> m.group().toUpperCase(Locale.ROOT));
    }

    /** A %-escape with a lower-case hex digit: RFC 3986 makes upper case the normal form. */
    private static final Pattern UPPER_ESCAPES = Pattern.compile("%(?:[0-9a-f][0-9a-fA-F]|[0-9A-F][a-f])");

    private static final String HEX = "0123456789ABCDEF";

    /**
     * The URL with its host in ASCII, as browsers send it and feeds and sitemaps must carry it: an Arabic domain
     * ({@code https://أخبار.example/}) in its IDNA form ({@code https://xn--igbicxr.example/}). The path is kept as
     * written. A URL whose host is ASCII already, or that no IDNA form fits, is returned as it is.
     */
    static String asciiHost(String url) {
        URI uri = URI.create(url); // checked by baseUrlProblem before
        String authority = uri.getRawAuthority();
        if (authority == null || authority.chars().allMatch(c -> c < 0x80)) {
            return url;
        }
        int portAt = authority.lastIndexOf(':');
        boolean port = portAt > 0 && authority.substring(portAt + 1).chars().allMatch(Character::isDigit);
        String host = port ? authority.substring(0, portAt) : authority;
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            int at = url.indexOf(authority);
            return url.substring(0, at)
                    + ascii
                    + authority.substring(host.length())
                    + url.substring(at + authority.length());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /**
     * Why a base URL cannot be used, or null. It lands in canonical links, feeds and the sitemap, so only an
     * absolute http(s) URL with a host will do: {@code javascript://…} would be a script link on every page.
     */
    static String baseUrlProblem(String url) {
        String fix = "; write it like https://news.example.org/archive/";
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + ")" + fix;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "is not an absolute http:// or https:// URL" + fix;
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            return "has no host name" + fix;
        }
        if (uri.getRawUserInfo() != null) {
            return "holds a user name or password, which would be published on every page" + fix;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "has a '?' query or a '#' fragment, which cannot prefix links" + fix;
        }
        return null;
    }

    private static List<String> validLanguages(List<String> codes, YFields f) {
        List<String> out = new ArrayList<>();
        if (codes.isEmpty()) {
            f.error(
                    f.get("languages").orElseThrow(),
                    "'languages' is empty; list the site's languages, like languages: [ar, en], or remove the key");
        }
        YNode list = f.get("languages").orElseThrow();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            // at the item itself, where the list is one (languages: [ar, fr] names fr's column)
            YNode at = list instanceof YNode.Seq seq && i < seq.items().size()
                    ? seq.items().get(i)
                    : list;
            String lower = code.toLowerCase(Locale.ROOT);
            if (out.contains(code)) {
                f.error(at, "'languages' lists '" + code + "' twice; list each language once");
            } else if (Language.byCode(code).isPresent()) {
                out.add(code);
            } else if (!lower.equals(code) && Language.byCode(lower).isPresent()) {
                f.error(at, "unknown language '" + code + "'; language codes are lower case: write " + lower);
            } else {
                f.error(
                        at,
                        "unknown language '" + code + "'; Arshif publishes "
                                + String.join(
                                        " and ",
                                        Language.SUPPORTED.stream()
                                                .map(Language::code)
                                                .toList()));
            }
        }
        return out.isEmpty() ? SiteConfig.defaults().languages() : List.copyOf(out);
    }

    private static Optional<ArabicMonths> monthSet(String name, YFields f) {
        try {
            return Optional.of(ArabicMonths.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            f.error(f.get("arabicMonths").orElseThrow(), ArabicMonths.CHOICE + ", not '" + name + "'");
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String id, YFields f) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            f.error(
                    f.get("timeZone").orElseThrow(),
                    "unknown time zone '" + id + "'; use a region id such as Asia/Damascus or UTC");
            return Optional.empty();
        }
    }

    /** The usable patterns; each unusable one is reported at its own list item. */
    private static List<String> validPatterns(String key, List<String> patterns, YFields f) {
        YNode node = f.get(key).orElseThrow();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String problem = UserPatterns.problem(patterns.get(i));
            if (problem == null) {
                out.add(patterns.get(i));
            } else {
                YNode at = node instanceof YNode.Seq seq && seq.items().size() == patterns.size()
                        ? seq.items().get(i)
                        : node;
                f.error(at, key + ": '" + patterns.get(i) + "' " + problem);
            }
        }
        return List.copyOf(out);
    }
}
