package org.arshif.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.arshif.config.Language;
import org.arshif.config.SiteConfig;
import org.arshif.content.wire.WireCalendar;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.Digits;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/**
 * The rules that turn front-matter keys and the file's place into a dispatch's language, dates, slug and
 * aliases, each mistake reported at the key it comes from. Immutable; one per {@link DispatchReader}.
 */
final class DispatchFields {
    /** A folder name like {@code fa} or {@code pt-br}: it names a language, so it must be one of the site's. */
    private static final Pattern LANGUAGE_FOLDER = Pattern.compile("[a-z]{2}(?:[-_][A-Za-z0-9]{2,8})?");

    /** Languages written by name where {@code lang} takes a code: what an editor types, in either language. */
    private static final Map<String, String> LANGUAGE_NAMES = Map.of(
            "arabic",
            "ar",
            "english",
            "en",
            "العربية",
            "ar",
            "عربي",
            "ar",
            "عربية",
            "ar",
            "الإنجليزية",
            "en",
            "الانجليزية",
            "en",
            "الإنكليزية",
            "en",
            "إنجليزي",
            "en",
            "انجليزي",
            "en");

    private final SiteConfig config;
    private final GitHistory git;

    DispatchFields(SiteConfig config, GitHistory git) {
        this.config = config;
        this.git = git;
    }

    /**
     * A written language tag as the site's: {@code en-US} (a region or script after it, as exporters and Hugo's
     * {@code languageCode} write it) is {@code en} when the site publishes {@code en}; else as written.
     */
    private String siteLanguage(String written) {
        String code = written.strip();
        String primary = code.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return !config.languages().contains(code) && config.languages().contains(primary) ? primary : code;
    }

    /** The language: {@code lang}, else the folder, else a file-name suffix, else the script. */
    String language(String path, YFields fm, Optional<String> suffix, String text, Diagnostics d) {
        String[] parts = path.split("/");
        if (parts.length > 2
                && !config.languages().contains(parts[1])
                && LANGUAGE_FOLDER.matcher(parts[1]).matches()) {
            String folder = parts[1];
            String fix = Language.byCode(folder).isPresent()
                    ? "add '" + folder + "' to languages in arshif.yml, or move"
                            + " the file to a folder of one of them"
                    : "move the file to a folder of one of them (Arshif" + " publishes "
                            + Language.SUPPORTED.stream().map(Language::code).toList() + ")";
            d.error(
                    path,
                    1,
                    1,
                    "the file is in content/" + folder + "/, a language folder, but '" + folder
                            + "' is not one of this site's languages " + config.languages() + "; " + fix);
            return config.defaultLanguage();
        }
        Optional<String> declared = fm.string("lang").map(this::siteLanguage);
        if (declared.isPresent()) {
            String code = declared.get();
            if (!config.languages().contains(code)) {
                int[] p = fm.position("lang");
                d.error(
                        path,
                        p[0],
                        p[1],
                        "unknown language '" + code + "'; this site publishes " + String.join(", ", config.languages())
                                + Optional.ofNullable(LANGUAGE_NAMES.get(code.toLowerCase(Locale.ROOT)))
                                        .filter(config.languages()::contains)
                                        .map(c -> "; lang takes the language's code: write lang: " + c)
                                        .orElse(" (set 'languages' in arshif.yml)"));
                return config.defaultLanguage();
            }
            return code;
        }
        if (parts.length > 2 && config.languages().contains(parts[1])) {
            if (suffix.isPresent() && !suffix.get().equals(parts[1])) {
                // Hugo's x.ar.md moved under content/en/ with the rest of a site: the folder decides, so say so.
                d.warning(
                        path,
                        1,
                        1,
                        "the file name ends in '." + suffix.get() + "', Hugo's naming for a dispatch in "
                                + suffix.get() + ", but it is in content/" + parts[1] + "/, so it is published in "
                                + parts[1] + "; move it to content/" + suffix.get() + "/ if it is " + suffix.get()
                                + ", else remove '." + suffix.get() + "' from its name");
            }
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

    /**
     * The publication date, or null after an error: {@code date}, else Hugo's {@code publishDate}, else the wire
     * dateline's date, else the file name's, else git's.
     *
     * @param datelineDate the date a wire's dateline gives, or null
     */
    OffsetDateTime date(String path, YFields fm, LocalDate datelineDate, SourceName name, Diagnostics d) {
        // 'date:' with no value says no more than no 'date' key; dropping the dispatch without a word was the bug.
        for (String key : List.of("date", "publishDate")) {
            if (fm.get(key)
                    .filter(n -> !(n instanceof YNode.Scalar s && s.kind() == YNode.ScalarKind.NULL))
                    .isPresent()) {
                OffsetDateTime date = parseDate(fm, key).orElse(null);
                if (date != null && name.datePrefix() != null) {
                    DateFindings.disagreement(path, key, date.toLocalDate(), name, d);
                }
                return date;
            }
        }
        if (datelineDate != null) {
            return datelineDate.atStartOfDay(config.timeZone()).toOffsetDateTime();
        }
        if (name.datePrefix() != null) {
            try {
                OffsetDateTime date = LocalDate.parse(name.datePrefix())
                        .atStartOfDay(config.timeZone())
                        .toOffsetDateTime();
                if (date.getYear() < 1) {
                    d.error(path, 1, 1, name.dateSaidBy() + ", before the year 1; " + name.dateFix());
                    return null;
                }
                HijriYears.advice(date.toLocalDate())
                        .ifPresent(advice -> d.warning(path, 1, 1, name.dateSaidBy() + ": " + advice));
                return date;
            } catch (DateTimeParseException e) {
                d.error(path, 1, 1, name.dateSaidBy() + ", which is not a valid date; " + name.dateFix());
                return null;
            }
        }
        Optional<GitHistory.FileDates> fromGit = git.dates(path);
        if (fromGit.isPresent()) {
            return fromGit.get().created();
        }
        String why = !git.available() ? git.unavailableReason() : "the file is not committed to git yet";
        d.error(
                path,
                1,
                1,
                "no date for this dispatch (" + why + "); add 'date: YYYY-MM-DD' to the front-matter,"
                        + " start the file name with YYYY-MM-DD- (or put it in YYYY/MM/DD/ folders),"
                        + " or commit the file (its first commit gives the date)");
        return null;
    }

    /** Front-matter keys of the last change, Hugo's names included; the first one present counts. */
    static final List<String> LASTMOD_KEYS = List.of("lastmod", "updated", "modified");

    /**
     * The last change: {@code lastmod} (or {@code updated}, {@code modified}), else the last commit that changed
     * the text after the one that added it, else the date; never before the date.
     */
    OffsetDateTime lastmod(String path, YFields fm, OffsetDateTime date) {
        Optional<String> key = LASTMOD_KEYS.stream().filter(fm::has).findFirst();
        OffsetDateTime lastmod = key.isPresent()
                ? parseDate(fm, key.get()).orElse(date)
                : git.dates(path).map(GitHistory.FileDates::modified).orElse(date);
        if (key.isPresent()
                && date != null
                && lastmod != null
                && lastmod.plusDays(1).isBefore(date)) {
            // An export that swapped the two, or a lastmod from another story: Hugo shows it as written.
            fm.warning(
                    fm.get(key.get()).orElseThrow(),
                    "'" + key.get() + "' " + lastmod.toLocalDate() + " is before the dispatch's date "
                            + date.toLocalDate() + ", so it is read as that date and no update is shown; are the two"
                            + " swapped? Give the date of the last change, or delete '" + key.get() + "'");
        }
        return date != null && lastmod != null && lastmod.isBefore(date) ? date : lastmod;
    }

    Optional<OffsetDateTime> parseDate(YFields fm, String key) {
        Optional<String> text = fm.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String s = text.get().strip();
        boolean quoted = fm.get(key)
                .filter(n -> n instanceof YNode.Scalar sc && sc.kind() == YNode.ScalarKind.STRING)
                .isPresent();
        try {
            OffsetDateTime number = ExportedDates.number(Digits.western(s), quoted);
            OffsetDateTime date = number != null ? number : parseDateText(s, config.timeZone());
            if (date.getYear() < 1 || date.getYear() > 9999) {
                // Feeds, the sitemap and the search index write four-digit years.
                fm.error(
                        fm.get(key).orElseThrow(),
                        "'" + key + "' \"" + s + "\" is outside the years 1 to 9999;"
                                + " write a real date as YYYY-MM-DD");
                return Optional.empty();
            }
            YNode at = fm.get(key).orElseThrow();
            HijriYears.advice(date.toLocalDate())
                    .or(() -> DateFindings.farOff(key, date))
                    .ifPresent(advice -> fm.warning(at, "'" + key + "' \"" + s + "\": " + advice));
            return Optional.of(date);
        } catch (DateTimeException e) {
            Optional<ExportedDates.Reread> reread = ExportedDates.reread(key, s, config.timeZone(), e);
            if (reread.isPresent()) {
                fm.warning(fm.get(key).orElseThrow(), reread.get().warning());
                return Optional.of(reread.get().date());
            }
            // a date written out (26 شوال 1436 هـ, 4 May 2017) says its calendar and month by name: no guess
            Optional<LocalDate> written = WireCalendar.written(s);
            if (written.isPresent()) {
                WireCalendar.calendarsApart(s)
                        .ifPresent(apart ->
                                fm.warning(fm.get(key).orElseThrow(), "'" + key + "' \"" + s + "\": " + apart));
                return Optional.of(written.get().atStartOfDay(config.timeZone()).toOffsetDateTime());
            }
            fm.error(
                    fm.get(key).orElseThrow(),
                    "'" + key + "' \"" + s + "\" is not a valid date (" + DateFindings.whyNoDate(s, e)
                            + "); write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+03:00 with a time"
                            + " (a written date such as 26 شوال 1436 هـ or 4 May 2017 is read too)");
            return Optional.empty();
        }
    }

    /**
     * Accepts {@code 2017-05-23} (or {@code 2017/05/23}), {@code 2017-05-23 10:00}, {@code 2017-05-23T10:00:00}, with
     * or without offset, in Western or Arabic-Indic digits; and the forms of {@link ExportedDates}.
     */
    static OffsetDateTime parseDateText(String written, ZoneId zone) {
        String s = Digits.western(written);
        if (s.length() == 10 && s.charAt(4) == '/' && s.charAt(7) == '/') {
            // 2023/05/06, as folders and many Arabic desks write it: year first, so never ambiguous
            s = s.replace('/', '-');
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay(zone).toOffsetDateTime();
        }
        String iso = s.replace(' ', 'T');
        OffsetDateTime common = commonForm(iso);
        if (common != null) {
            return common;
        }
        OffsetDateTime exported = ExportedDates.parse(s, zone);
        if (exported != null) {
            return exported;
        }
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .atZone(zone)
                    .toOffsetDateTime();
        }
    }

    /**
     * A date of the one form nearly every dispatch has, {@code 2024-05-01T10:30:00+03:00} (or {@code Z}), read by
     * hand: {@code OffsetDateTime.parse} took a second of CPU at 10,000 dispatches. Null for any other form and for
     * values out of range, which the parser then reads, or reports, as before.
     */
    static OffsetDateTime commonForm(String s) {
        boolean zulu = s.length() == 20 && s.charAt(19) == 'Z';
        if (!zulu && (s.length() != 25 || s.charAt(19) != '+' && s.charAt(19) != '-' || s.charAt(22) != ':')) {
            return null;
        }
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int[] at = {0, 5, 8, 11, 14, 17, 20, 23};
        int[] widths = {4, 2, 2, 2, 2, 2, 2, 2};
        int[] v = new int[at.length];
        for (int f = 0; f < (zulu ? 6 : 8); f++) {
            for (int i = at[f]; i < at[f] + widths[f]; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                v[f] = v[f] * 10 + (c - '0');
            }
        }
        try {
            int sign = s.charAt(19) == '-' ? -1 : 1;
            ZoneOffset offset = zulu ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(sign * v[6], sign * v[7]);
            return OffsetDateTime.of(v[0], v[1], v[2], v[3], v[4], v[5], 0, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The slug: {@code slug}, else the file name's stem; invisible characters are left out with a warning. */
    String slug(String path, YFields fm, String stem, Diagnostics d) {
        boolean declared = fm.string("slug").isPresent();
        String written = fm.string("slug").map(String::strip).orElse(stem);
        int[] p = declared ? fm.position("slug") : new int[] {1, 1};
        String slug = Slugs.withoutInvisible(written);
        if (!slug.equals(written)) {
            int cp = written.codePoints().filter(Slugs::isInvisible).findFirst().orElseThrow();
            d.warning(
                    path,
                    p[0],
                    p[1],
                    "slug '" + written + "' holds the invisible character "
                            + String.format(Locale.ROOT, "U+%04X (%s)", cp, Character.getName(cp)) + ", left out of the"
                            + " URL; remove it from " + (declared ? "'slug'" : "the file name"));
        }
        String typed = Slugs.typedArabic(slug);
        if (!typed.equals(slug)) {
            // kept as it is: renaming it would move a published page
            d.warning(
                    path,
                    p[0],
                    p[1],
                    "slug '" + slug + "' is written in Arabic presentation forms (text copied out of a PDF), so its URL"
                            + " is not the one the same word typed gives, '" + typed + "'; rename "
                            + (declared ? "'slug'" : "the file") + " with the letters typed");
        }
        // hugoPaths: the URL Hugo made, so the warnings that name Hugo's URL have nothing left to say
        String asWritten = slug; // a finding names what the editor wrote
        slug = config.hugoPaths() ? HugoPaths.segment(slug) : slug;
        String problem = Slugs.problem(slug);
        boolean capitals =
                SourceName.of(path).format() == SourceFormat.MARKDOWN && !slug.equals(slug.toLowerCase(Locale.ROOT));
        if (problem == null && capitals) {
            // one warning with the one fix, when a space is in it too
            d.warning(path, p[0], p[1], Slugs.capitals(slug, declared ? "'slug'" : "the file's name"));
        } else if (problem == null && slug.contains(" ")) {
            d.warning(path, p[0], p[1], Slugs.spaced("slug '" + slug + "'", slug, declared ? "'slug'" : "the file"));
        }
        if (problem != null) {
            d.error(
                    path,
                    p[0],
                    p[1],
                    (declared
                                    ? "slug '" + asWritten + "' " + problem
                                            + "; a slug is one URL segment, like 'putin-rouhani-call'"
                                    // the editor wrote no slug: the fix is the file's name, or a slug of their own
                                    : "slug '" + asWritten + "', made from the file's name, " + problem
                                            + "; rename the file, or set 'slug:' in its front-matter (a slug is one"
                                            + " URL segment, like 'putin-rouhani-call')")
                            + percentEscaped(asWritten));
        }
        return slug;
    }

    /** For a slug written percent-escaped ({@code caf%C3%A9}): what Hugo made of it, and the letters to write. */
    private static String percentEscaped(String slug) {
        String letters = Slugs.percentDecoded(slug);
        if (letters == null) {
            return "";
        }
        String folder = slug.toLowerCase(Locale.ROOT);
        return "; Hugo wrote it as the folder '" + folder + "' itself, so its own links to …/" + folder + "/ reached"
                + " no page on a host; write the letters it stands for: slug: " + letters;
    }
}
