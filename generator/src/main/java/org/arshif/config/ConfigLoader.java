package org.arshif.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.regex.PatternSyntaxException;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;
import org.arshif.internal.yaml.YamlReader;

/** Reads {@code arshif.yml}; every key is optional, and every mistake is reported with its position. */
public final class ConfigLoader {
    public static final String FILE_NAME = "arshif.yml";

    private static final Set<String> KEYS = Set.of("baseUrl", "defaultLanguage", "languages", "title", "pageSize",
            "arabicMonths", "arabicIndicDigits", "timeZone", "agencies", "footerPatterns", "teaserPatterns",
            "relatedCount", "maxFileSize", "markdownRawHtml");

    private ConfigLoader() {
    }

    /** Loads the site root's {@code arshif.yml}, or the defaults when there is none. */
    public static SiteConfig load(Path siteRoot, Diagnostics diagnostics) {
        Path file = siteRoot.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return SiteConfig.defaults();
        }
        try {
            return parse(SourceText.decode(FILE_NAME, Files.readAllBytes(file)), diagnostics);
        } catch (ContentException e) {
            diagnostics.addAll(e.diagnostics());
            return SiteConfig.defaults();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static SiteConfig parse(SourceText source, Diagnostics diagnostics) {
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
        List<String> languages = f.stringList("languages").map(l -> validLanguages(l, f)).orElse(d.languages());
        String defaultLanguage = f.string("defaultLanguage").orElse(d.defaultLanguage());
        if (!languages.contains(defaultLanguage)) {
            f.error(f.get("defaultLanguage").orElse(map), "defaultLanguage '" + defaultLanguage
                    + "' is not one of the languages " + languages);
            defaultLanguage = languages.get(0);
        }
        Map<String, String> titles = new LinkedHashMap<>(d.titles());
        f.mapping("title").ifPresent(t -> {
            for (String lang : t.node().entries().keySet()) {
                t.string(lang).ifPresent(v -> titles.put(lang, v));
            }
        });
        int pageSize = f.integer("pageSize", 1, 1000).orElse(d.pageSize());
        ArabicMonths months = f.string("arabicMonths").flatMap(m -> monthSet(m, f)).orElse(d.arabicMonths());
        boolean digits = f.bool("arabicIndicDigits").orElse(d.arabicIndicDigits());
        ZoneId zone = f.string("timeZone").flatMap(z -> zone(z, f)).orElse(d.timeZone());
        List<String> agencies = f.stringList("agencies").orElse(d.agencies());
        List<String> footers = f.stringList("footerPatterns").map(p -> validPatterns("footerPatterns", p, f))
                .orElse(d.footerPatterns());
        List<String> teasers = f.stringList("teaserPatterns").map(p -> validPatterns("teaserPatterns", p, f))
                .orElse(d.teaserPatterns());
        int related = f.integer("relatedCount", 0, 100).orElse(d.relatedCount());
        long maxBytes = f.integer("maxFileSize", 1024, Integer.MAX_VALUE).map(Integer::longValue)
                .orElse(d.maxFileBytes());
        boolean rawHtml = f.bool("markdownRawHtml").orElse(d.markdownRawHtml());
        return new SiteConfig(baseUrl, defaultLanguage, languages, titles, pageSize, months, digits, zone,
                agencies, footers, teasers, related, maxBytes, rawHtml);
    }

    private static String validBaseUrl(String url, YFields f) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException();
            }
            return url.endsWith("/") ? url : url + "/";
        } catch (IllegalArgumentException e) {
            f.error(f.get("baseUrl").orElseThrow(), "baseUrl '" + url
                    + "' is not an absolute URL; write it like https://news.example.org/archive/");
            return "";
        }
    }

    private static List<String> validLanguages(List<String> codes, YFields f) {
        List<String> out = new ArrayList<>();
        for (String code : codes) {
            if (Language.byCode(code).isPresent()) {
                out.add(code);
            } else {
                f.error(f.get("languages").orElseThrow(), "unknown language '" + code + "'; supported: "
                        + Language.SUPPORTED.stream().map(Language::code).toList());
            }
        }
        return out.isEmpty() ? SiteConfig.defaults().languages() : List.copyOf(out);
    }

    private static Optional<ArabicMonths> monthSet(String name, YFields f) {
        try {
            return Optional.of(ArabicMonths.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            f.error(f.get("arabicMonths").orElseThrow(), "arabicMonths must be 'levantine' (كانون الثاني…)"
                    + " or 'egyptian' (يناير…), not '" + name + "'");
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String id, YFields f) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            f.error(f.get("timeZone").orElseThrow(), "unknown time zone '" + id
                    + "'; use a region id such as Asia/Damascus or UTC");
            return Optional.empty();
        }
    }

    private static List<String> validPatterns(String key, List<String> patterns, YFields f) {
        for (String p : patterns) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                f.error(f.get(key).orElseThrow(), key + ": '" + p + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        return patterns;
    }

}
