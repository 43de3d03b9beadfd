package org.arshif.content;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.config.SectionSettings;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostics;

/**
 * Where a dispatch goes on the site: its section (the folders between the language folder and the file, date
 * folders left out) and its URL, from the {@code permalinks} pattern that applies to it.
 */
final class Permalinks {
    /** Folders of digits only are dates ({@code 2015/07/}), not sections. */
    private static final Pattern DATE_FOLDER = Pattern.compile("[0-9]+");

    /** Whether a folder is a date's ({@code 2017}, {@code 05}), which names no section. */
    static boolean isDateFolder(String folder) {
        return DATE_FOLDER.matcher(folder).matches();
    }

    private static final Pattern TOKEN = Pattern.compile(":[A-Za-z]+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    private static final Pattern LANG_SUFFIX = Pattern.compile("(.+)\\.([a-z]{2,3})");
    /** First folders that would be pages the site makes itself: {@code /ar/tags/} is the tag index. */
    private static final Set<String> RESERVED = Set.of("tags", "archive", "search", "sections", "page");

    private final SiteConfig config;

    Permalinks(SiteConfig config) {
        this.config = config;
    }

    /** A dispatch's section and URL (a site path). */
    record Place(String section, String permalink) {}

    /**
     * Where a source path's section folders begin: 2 below a language folder of the site ({@code
     * content/en/economy/x.md}); with {@code hugoPaths}, 1 for a Markdown file in Hugo's one content folder, its
     * language in its name or front-matter ({@code content/economy/x.en.md}, as Hugo reads it: without the setting
     * such a file has no section, as before, so no published URL moves); else -1, none.
     */
    static int firstSectionFolder(String[] parts, List<String> languages, boolean hugoPaths) {
        if (parts.length < 3 || !parts[0].equals(ContentLoader.CONTENT_DIR)) {
            return -1;
        }
        if (languages.contains(parts[1])) {
            return 2;
        }
        String file = parts[parts.length - 1];
        return hugoPaths
                        && SourceName.of(file).format() == SourceFormat.MARKDOWN
                        && !(parts[0] + "/" + parts[1] + "/").equals(Media.SHARED_DIR)
                ? 1
                : -1;
    }

    /** The section of a source path: {@code content/ar/economy/2015/x.md} → {@code economy}; {@code ""} for none. */
    String section(String path, Diagnostics d) {
        String nfc = Normalizer.normalize(path, Normalizer.Form.NFC);
        String[] parts = nfc.split("/");
        int first = firstSectionFolder(parts, config.languages(), config.hugoPaths());
        if (first < 0) {
            return "";
        }
        List<String> folders = new ArrayList<>();
        // A page bundle's own folder (index.md and its photos) names the dispatch, not a section.
        int end = Media.isBundleIndex(parts[parts.length - 1]) ? parts.length - 2 : parts.length - 1;
        for (int i = first; i < end; i++) {
            if (!isDateFolder(parts[i])) {
                folders.add(config.hugoPaths() ? HugoPaths.segment(parts[i]) : parts[i]);
            }
        }
        if (folders.isEmpty()) {
            return "";
        }
        String section = String.join("/", folders);
        if (RESERVED.contains(folders.get(0))) {
            d.error(
                    path,
                    1,
                    1,
                    "the folder '" + folders.get(0) + "' is a section, and its page /"
                            + (first == 2 ? parts[1] : config.defaultLanguage()) + "/"
                            + folders.get(0) + "/ would take the place of the site's own " + folders.get(0)
                            + " page; rename the folder (reserved: "
                            + String.join(", ", new TreeSet<>(RESERVED))
                            + ")");
        }
        for (String folder : folders) {
            String problem = Slugs.problem(folder);
            if (problem != null) {
                d.error(
                        path,
                        1,
                        1,
                        "the folder '" + folder + "' names a section, so it is part of URLs, but it " + problem
                                + "; rename the folder");
            } // a folder's capitals are named once a folder, for the whole site (SectionCapitals)
        }
        return section;
    }

    /**
     * The URL of a dispatch, from the pattern for its language and section; by default a slug that is only a number
     * gets its day in a section, so that a source's per-day numbers do not collide within a month, and so does every
     * file in day folders ({@code 2015/07/21/weather.txt}): its URL has the day its folders have.
     */
    String permalink(String path, String lang, String section, OffsetDateTime date, Slug slug, String title) {
        String pattern = config.sections()
                .configured(lang, section)
                .orElse(
                        !section.isEmpty() && NUMBER.matcher(slug.value()).matches() || SourceName.isInDayFolders(path)
                                ? SectionSettings.DEFAULT_NUMBERED_PERMALINK
                                : SectionSettings.DEFAULT_PERMALINK);
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder sb = new StringBuilder(48).append('/').append(lang);
        int from = 0;
        while (m.find()) {
            sb.append(pattern, from, m.start());
            sb.append(token(m.group(), path, section, date, slug, title, config.hugoPaths()));
            from = m.end();
        }
        sb.append(pattern, from, pattern.length());
        // An empty :section or :sections leaves '//': one '/' it is, so files at the top keep today's URLs.
        String url = sb.toString();
        return ugly(path, url.contains("//") ? SLASHES.matcher(url).replaceAll("/") : url);
    }

    /**
     * With {@code uglyUrls}, {@code /en/2017/05/slug/} is {@code /en/2017/05/slug.html}: one file, no folder (a tar
     * header of 512 bytes less per article as GitHub Pages counts a site). A page bundle keeps its folder, where its
     * photos are and from which its body's relative links resolve.
     */
    private String ugly(String path, String url) {
        if (!config.uglyUrls()
                || url.length() < 2
                || !url.endsWith("/")
                || Media.isBundleIndex(path.substring(path.lastIndexOf('/') + 1))) {
            return url;
        }
        return url.substring(0, url.length() - 1) + ".html";
    }

    /**
     * A dispatch's slug, and whether its front-matter wrote it ({@code slug:}) rather than its file name giving it
     * (without a date prefix): Hugo's {@code :slugorfilename} takes the file name as written when it was not.
     */
    record Slug(String value, boolean written) {}

    private static String token(
            String token, String path, String section, OffsetDateTime date, Slug written, String title, boolean hugo) {
        String slug = written.value();
        return switch (token) {
            case ":year" -> zeroPadded(date.getYear(), 4);
            case ":month" -> zeroPadded(date.getMonthValue(), 2);
            case ":day" -> zeroPadded(date.getDayOfMonth(), 2);
            case ":section" -> section.isEmpty() ? "" : section.split("/")[0];
            case ":sections" -> section;
            case ":slug" -> slug;
            case ":filename" -> fileName(path, slug, hugo);
            case ":slugorfilename" -> written.written() ? slug : fileName(path, slug, hugo);
            case ":title" -> titleSlug(title, slug);
            default -> throw new IllegalStateException("unchecked permalink token " + token);
        };
    }

    /** As {@code String.format("%0<width>d", value)}, which took a second of CPU at 10,000 dispatches. */
    static String zeroPadded(int value, int width) {
        String digits = Integer.toString(Math.abs(value));
        String padded = digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
        return value < 0 ? "-" + padded.substring(Math.min(1, padded.length() - digits.length())) : padded;
    }

    /**
     * The file's name without extension and language suffix, a page bundle's its folder's (as Hugo's
     * {@code :filename}), as Hugo writes it in a URL with {@code hugo}; the slug when that cannot be a URL segment.
     */
    private static String fileName(String path, String slug, boolean hugo) {
        int slash = path.lastIndexOf('/');
        if (slash > 0 && Media.isBundleIndex(path.substring(slash + 1))) {
            String folder = path.substring(0, slash);
            String name = Normalizer.normalize(folder.substring(folder.lastIndexOf('/') + 1), Normalizer.Form.NFC);
            name = Slugs.withoutInvisible(name);
            name = hugo ? HugoPaths.segment(name) : name;
            return Slugs.problem(name) == null ? name : slug;
        }
        String name = Normalizer.normalize(path.substring(slash + 1), Normalizer.Form.NFC);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Matcher lm = LANG_SUFFIX.matcher(stem);
        if (lm.matches() && org.arshif.config.Language.byCode(lm.group(2)).isPresent()) {
            stem = lm.group(1);
        }
        stem = Slugs.withoutInvisible(stem);
        stem = hugo ? HugoPaths.segment(stem) : stem;
        return Slugs.problem(stem) == null ? stem : slug;
    }

    /** The title in lower case with '-' between words; the slug when the title gives no usable segment. */
    private static String titleSlug(String title, String slug) {
        String key = Slugs.tagKey(title);
        return !key.isEmpty() && Slugs.problem(key) == null ? key : slug;
    }
}
