package org.arshif.content;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.HijrahDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arshif.content.wire.WireCalendar;
import org.arshif.internal.Digits;

/**
 * The instant a wire's embargo line names, when it names one that reads only one way: a time of day in a zone
 * {@link EmbargoZones} can tell (GMT, UTC, an offset such as {@code +03:00}, {@code EST}, {@code بتوقيت مكة}) and a
 * date, with its year or without ({@code EMBARGOED UNTIL 0001 GMT MAY 5 2017}, {@code Embargoed to 0600 EST May 5},
 * {@code يحظر النشر قبل الساعة 10:00 بتوقيت مكة يوم 5 أيار 2017}, or ISO 8601 with its zone). A date without a
 * year is in the dispatch's own year ({@link Held#at}). A line without a date ({@code EMBARGO: 10:00 GMT}: which
 * day?), in a zone whose name means two ({@code BST}, {@code IST}) or with a time given twice is none: read wrong, it
 * would publish a story before its embargo, so it is left to the editor, who gives {@code publishDate}; {@link
 * Reading#why} says which.
 */
final class EmbargoTime {
    /** The line's opening words, up to what should be its time and date. */
    private static final Pattern LEAD = Pattern.compile(
            "^[-–—*(/! ]*(?:(?i:embargo(?:ed)?|hold for release|not for (?:publication|release|broadcast)(?: or"
                    + " broadcast)?|for release)|(?:يحظر|حظر|ممنوع|محظور|يمنع) (?:ال)?نشر|لا ي?نشر)"
                    + "(?:\\s*[:\\-–—(]\\s*|\\s+(?i:until|till|to|before|for|at|on|after)\\b|\\s+(?:قبل|حتى|إلى|الى)\\b)*"
                    + "\\s*(?:الساعة\\s+|الساعه\\s+)?",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern ISO = Pattern.compile(
            "\\b(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2})?)\\s*(Z|[+-]\\d{2}:\\d{2}|(?i:GMT|UTC))\\b?");
    /** The hour, minutes, and a.m. or p.m. before a zone (groups 1 to 3). */
    private static final String CLOCK =
            "(?<![\\d:.])(\\d{1,2})(?:[:.]?([0-5]\\d))?\\s*(?:([aApP])\\.?\\s?[mM]\\.?)?\\s*";

    /**
     * {@code 0001 GMT}, {@code 10:00 UTC}, {@code 10.00 +03:00}, {@code 12:01 a.m. EDT}, {@code 10 a.m. EST}, {@code
     * 10:00 بتوقيت مكة}, {@code 1000Z}: the hour, minutes, a.m. or p.m., and the zone as written.
     */
    private static final Pattern TIME =
            Pattern.compile(CLOCK + "(" + EmbargoZones.PATTERN + ")", Pattern.UNICODE_CHARACTER_CLASS);

    /** {@link #TIME} in {@code BST}, which {@link EmbargoZones#PATTERN} leaves out for its two meanings. */
    private static final Pattern BRITISH_TIME = Pattern.compile(CLOCK + "(BST)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern THIRTIETH = Pattern.compile("(?<![\\d:.])30(?![\\d:.])");

    private static final Pattern ANOTHER_TIME = Pattern.compile("\\d{1,2}[:.]\\d{2}|\\b\\d{4}\\s*(?i:[A-Z]{2,4})\\b");

    /** Words that may stand between the time and the date: {@code ,}, {@code on}, {@code يوم}. */
    private static final Pattern FILLER = Pattern.compile(
            "^[\\s,،.\\-–—()]*(?:(?i:on|of)\\s+|يوم\\s+|في\\s+)?|[\\s,،.\\-–—()]+$", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern LOCAL = Pattern.compile("(?i:local time)|(?:بال|ب)توقيت (?:ال)?محلي");

    private static final String NOT_ONE_TIME = "names no time of day in a zone it can tell (GMT, UTC, an offset such as"
            + " +03:00, or a zone of the documented table) with a date";

    private static final String NO_DAY =
            "gives a time but no day (a day and month, as 5 May, with a year or in the" + " dispatch's own)";

    private EmbargoTime() {}

    /**
     * An embargo's time, to be placed on the dispatch's date when it has no year of its own.
     *
     * @param year  the year written, or 0
     * @param day   the Gregorian day written; for a Hijri day, its month and day as near as a Gregorian one allows (for
     *              {@link #ORDER} alone)
     * @param zone  a fixed offset, or a place's zone whose offset its date decides
     * @param named the zone's abbreviation as written ({@code EST}), or empty
     * @param hijri a Hijri day written without a year ({@code 5 رمضان}), or null
     * @param dayColumn the column of a Hijri 30th in the line as the file has it, where its warning points; else 1
     */
    record Held(int year, MonthDay day, LocalTime time, ZoneId zone, String named, HijriDay hijri, int dayColumn) {
        static final Comparator<Held> ORDER = Comparator.comparingInt(Held::year)
                .thenComparing(Held::day)
                .thenComparing(h -> h.at(LocalDate.of(Math.max(h.year, 2000), h.day.getMonth(), 1)));

        /**
         * The instant held until, for a dispatch dated {@code date}: without a year, the day in the date's year, or
         * the next year's when that is more than half a year before the date (dated 31 December, held to 1 January);
         * a Hijri day likewise in the date's Hijri year. A standard or summer time's name on a day its place keeps
         * the other ({@code EDT} in January) holds until the later of the two readings ({@link #contradiction}).
         */
        OffsetDateTime at(LocalDate date) {
            LocalDateTime local = LocalDateTime.of(dayNear(date), time);
            return EmbargoZones.later(
                    named, local.atZone(zone).withLaterOffsetAtOverlap().toOffsetDateTime());
        }

        /**
         * The warnings for a dispatch dated {@code date}, each at its column of the line: {@link #contradiction} (or
         * {@code BST}'s two meanings in summer) at 1, and a Hijri day its month lacks at the day.
         */
        List<Map.Entry<Integer, String>> problems(LocalDate date) {
            Optional<String> missing = hijri == null ? Optional.empty() : hijri.missing(dayNear(date));
            return Stream.concat(
                            contradiction(date).or(() -> britishSummer(date)).map(w -> Map.entry(1, w)).stream(),
                            missing.map(w -> Map.entry(dayColumn, w)).stream())
                    .toList();
        }

        /**
         * {@code BST} on a day London keeps British Summer Time: London's +01:00 or Bangladesh's +06:00, five hours
         * apart; held to the later, London's, so that neither reading publishes it early.
         */
        private Optional<String> britishSummer(LocalDate date) {
            if (!named.equals("BST")) {
                return Optional.empty();
            }
            LocalDateTime local = LocalDateTime.of(dayNear(date), time);
            ZoneOffset dhaka = ZoneOffset.of(EmbargoZones.readings(named).get("Bangladesh Standard Time"));
            return Optional.of("the embargo names 'BST', British Summer Time (+01:00), which London keeps on "
                    + local.toLocalDate() + ", or Bangladesh Standard Time (+06:00): it reads as "
                    + local.atOffset(ZoneOffset.ofHours(1)) + " or " + local.atOffset(dhaka) + ", five hours apart,"
                    + " and the dispatch is held until the later, " + at(date) + "; write the time with the offset"
                    + " meant in place of 'BST' (+01:00 for London, +06:00 for Dhaka), or give publishDate in"
                    + " front-matter");
        }

        /**
         * What a warning says when the zone's name contradicts the day ({@code EDT} in January, {@code EST} in July):
         * both readings, the one held to, and what to write; empty when it does not.
         */
        Optional<String> contradiction(LocalDate date) {
            LocalDateTime local = LocalDateTime.of(dayNear(date), time);
            ZoneOffset asWritten = zone.getRules().getOffset(local);
            Optional<ZoneOffset> place = EmbargoZones.otherSeason(named, local, asWritten);
            if (place.isEmpty()) {
                return Optional.empty();
            }
            String city = EmbargoZones.city(EmbargoZones.seasonalPlace(named).orElseThrow());
            if (!EmbargoZones.readings(named).isEmpty()) {
                return Optional.of(twoMeanings(local, asWritten, place.get(), city, date));
            }
            boolean summerName = asWritten.getTotalSeconds() > place.get().getTotalSeconds();
            return Optional.of("the embargo names '" + named + "' (" + asWritten + "), " + city + "'s "
                    + (summerName ? "summer" : "standard") + " time, but on " + local.toLocalDate() + " " + city
                    + " keeps " + (summerName ? "standard" : "summer") + " time (" + place.get() + "): it reads as "
                    + local.atOffset(asWritten) + " or " + local.atOffset(place.get()) + ", and the dispatch is held"
                    + " until the later, " + at(date) + "; write the time in GMT, or with the offset meant in place"
                    + " of '" + named + "' (as " + place.get() + ")");
        }

        /**
         * {@code BST} on a day London keeps GMT: British Summer Time's reading, GMT's (what London's clock said), and
         * Bangladesh's, the later of them held to.
         */
        private String twoMeanings(
                LocalDateTime local, ZoneOffset asWritten, ZoneOffset place, String city, LocalDate date) {
            List<Map.Entry<String, String>> meanings =
                    List.copyOf(EmbargoZones.readings(named).entrySet());
            String summer = meanings.get(0).getKey();
            String otherName = meanings.get(1).getKey();
            ZoneOffset other = ZoneOffset.of(meanings.get(1).getValue());
            String kept = place.equals(ZoneOffset.UTC) ? "GMT" : place.toString();
            return "the embargo names '" + named + "', " + summer + " (" + asWritten + ") or " + otherName + " ("
                    + other + "), but on " + local.toLocalDate() + " " + city + " keeps " + kept + ", not " + summer
                    + ": it reads as " + local.atOffset(asWritten) + " or " + local.atOffset(place) + " (" + city
                    + "'s clock; as " + otherName + ", " + local.atOffset(other) + ", earlier still), and the"
                    + " dispatch is held until the later, " + at(date) + "; write the time in " + kept + ", or with"
                    + " the offset meant in place of '" + named + "' (as " + other + " for " + otherName + ")";
        }

        private LocalDate dayNear(LocalDate date) {
            if (hijri != null) {
                return hijri.near(date);
            }
            if (year != 0) {
                return day.atYear(year);
            }
            int y = date.getYear();
            return day.atYear(y).isBefore(date.minusDays(183)) ? day.atYear(y + 1) : day.atYear(y);
        }

        /** How a notice names it: {@code 2017-05-05T00:01Z}, or {@code 00:01 +03:00 on 5 May of the dispatch's year}. */
        String written() {
            if (year != 0) {
                return at(LocalDate.of(year, day.getMonth(), day.getDayOfMonth()))
                        .toString();
            }
            String at = time + " " + (zone.equals(ZoneOffset.UTC) ? "GMT" : zone) + " on ";
            return hijri != null
                    ? at + hijri.day() + " " + WireCalendar.hijriMonthName(hijri.month())
                            + " of the dispatch's Hijri year (the line gives none)"
                    : at + day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT)
                            + " of the dispatch's year (the line gives none)";
        }
    }

    /** What an embargo line says: the time it holds the dispatch until, or why it holds nothing. */
    record Reading(Optional<Held> held, String why) {
        static Reading none(String why) {
            return new Reading(Optional.empty(), why);
        }
    }

    /** The instant the embargo line {@code line} (stripped) names; empty unless it reads only one way. */
    static Optional<OffsetDateTime> of(String line) {
        return read(line).held().filter(h -> h.year() != 0).map(h -> h.at(LocalDate.of(h.year(), 1, 1)));
    }

    /** What the embargo line {@code line} (stripped) holds the dispatch until, or why nothing. */
    static Reading read(String line) {
        String text = Digits.western(line.strip());
        Matcher lead = LEAD.matcher(text);
        String rest = lead.lookingAt() ? text.substring(lead.end()) : text;
        Matcher iso = ISO.matcher(rest);
        if (iso.find()) {
            try {
                String zone = iso.group(3).length() == 3 ? "Z" : iso.group(3);
                OffsetDateTime t = OffsetDateTime.parse(iso.group(1) + "T" + iso.group(2) + zone);
                return new Reading(
                        Optional.of(
                                new Held(t.getYear(), MonthDay.from(t), t.toLocalTime(), t.getOffset(), "", null, 1)),
                        "");
            } catch (DateTimeParseException e) {
                return Reading.none(NOT_ONE_TIME);
            }
        }
        Matcher time = TIME.matcher(rest);
        if (!time.find()) {
            return british(rest)
                    .map(h -> new Reading(Optional.of(atColumn(h, line, text)), ""))
                    .orElseGet(() -> Reading.none(ambiguity(rest).orElse(NOT_ONE_TIME)));
        }
        Optional<LocalTime> clock = clock(time);
        Optional<ZoneId> zone = EmbargoZones.zone(time.group(4));
        String date = (rest.substring(0, time.start()) + " " + rest.substring(time.end())).strip();
        if (ANOTHER_TIME.matcher(date).find()) {
            return Reading.none("gives a time twice, so it is not clear which holds");
        }
        if (clock.isEmpty() || zone.isEmpty()) {
            return Reading.none(NOT_ONE_TIME);
        }
        date = FILLER.matcher(date).replaceAll("");
        if (date.isEmpty()) {
            return Reading.none(NO_DAY);
        }
        String named = EmbargoZones.seasonalPlace(time.group(4)).isPresent()
                ? time.group(4).strip().toUpperCase(Locale.ROOT)
                : "";
        String day = date;
        return onDay(date, clock.get(), zone.get(), named)
                .map(h -> new Reading(Optional.of(atColumn(h, line, text)), ""))
                .orElseGet(() -> Reading.none(WireCalendar.writtenProblem(capitalized(day))
                        .map(p -> "names a day that is none: " + p + "; write the day meant")
                        .orElse(NOT_ONE_TIME)));
    }

    /** A Hijri 30th's column in {@code line} (as the file has it), where its warning points. */
    private static Held atColumn(Held held, String line, String text) {
        Matcher thirtieth = THIRTIETH.matcher(text);
        if (held.hijri() == null || !thirtieth.find()) {
            return held;
        }
        int indent = line.length() - line.stripLeading().length();
        return new Held(
                held.year(),
                held.day(),
                held.time(),
                held.zone(),
                held.named(),
                held.hijri(),
                indent + thirtieth.start() + 1);
    }

    /**
     * {@code 0001 BST DEC 5}: a time in {@code BST}, British Summer Time (+01:00) or Bangladesh's (+06:00). Held until
     * the latest reading ({@link Held#at}): on a day London keeps GMT, GMT (what London's clock said), with a warning
     * ({@link Held#contradiction}); in summer London's +01:00, five hours after Dhaka's, with a warning naming both;
     * a day without a year is placed on the dispatch's year first, so 25-31 March and October are read by it.
     */
    private static Optional<Held> british(String rest) {
        Matcher time = BRITISH_TIME.matcher(rest);
        if (!time.find()) {
            return Optional.empty();
        }
        Optional<LocalTime> clock = clock(time);
        String date = (rest.substring(0, time.start()) + " " + rest.substring(time.end())).strip();
        if (clock.isEmpty() || ANOTHER_TIME.matcher(date).find()) {
            return Optional.empty();
        }
        date = FILLER.matcher(date).replaceAll("");
        return date.isEmpty() ? Optional.empty() : onDay(date, clock.get(), EmbargoZones.BRITISH_SUMMER, "BST");
    }

    /** The time on the day {@code date} writes, with its year or without, Gregorian or Hijri; empty when none. */
    private static Optional<Held> onDay(String date, LocalTime clock, ZoneId zone, String named) {
        Optional<LocalDate> day = WireCalendar.written(capitalized(date));
        if (day.isPresent()) {
            LocalDate d = day.get();
            return Optional.of(new Held(d.getYear(), MonthDay.from(d), clock, zone, named, null, 1));
        }
        // no year: read on a leap year, so 29 February is a day, and placed on the dispatch's year later
        return WireCalendar.written(capitalized(date) + " 2000")
                .map(d -> new Held(0, MonthDay.from(d), clock, zone, named, null, 1))
                .or(() -> hijriWithoutYear(date).map(h -> new Held(0, h.ordering(), clock, zone, named, h, 1)));
    }

    /**
     * {@code 5 رمضان}, {@code 5 Ramadan}, {@code 5 رمضان هـ}: a Hijri day without its year, read by the wires' Hijri
     * calendar ({@link WireCalendar}) in two years (a month has 29 days in one and 30 in the other).
     */
    private static Optional<HijriDay> hijriWithoutYear(String date) {
        String bare = capitalized(date).replaceFirst("\\s*(?:هـ|ه)\\.?$", "");
        Optional<HijriDay> read = inEitherYear(bare);
        if (read.isPresent() || !THIRTIETH.matcher(bare).find()) {
            return read;
        }
        // the 30th of a month of 29 days in both years: the month read from its 29th, the day kept as written
        return inEitherYear(THIRTIETH.matcher(bare).replaceFirst("29")).map(h -> new HijriDay(h.month(), 30));
    }

    private static Optional<HijriDay> inEitherYear(String bare) {
        return WireCalendar.written(bare + " 1445 هـ")
                .or(() -> WireCalendar.written(bare + " 1446 هـ"))
                .map(HijrahDate::from)
                .map(h -> new HijriDay(h.get(ChronoField.MONTH_OF_YEAR), h.get(ChronoField.DAY_OF_MONTH)));
    }

    /** {@code 0001}, {@code 10:00}, {@code 12:01 a.m.}, {@code 10 p.m.}; empty when out of range. */
    private static Optional<LocalTime> clock(Matcher time) {
        int hour = Integer.parseInt(time.group(1));
        int minute = time.group(2) == null ? 0 : Integer.parseInt(time.group(2));
        String half = time.group(3);
        if (half == null) {
            return time.group(2) == null || hour > 23 ? Optional.empty() : Optional.of(LocalTime.of(hour, minute));
        }
        if (hour < 1 || hour > 12) {
            return Optional.empty();
        }
        boolean pm = half.equalsIgnoreCase("p");
        return Optional.of(LocalTime.of(hour % 12 + (pm ? 12 : 0), minute));
    }

    /** A zone name in {@code text} that means two or more, and what to write instead. */
    private static Optional<String> ambiguity(String text) {
        if (LOCAL.matcher(text).find()) {
            return Optional.of("gives its time in local time, without naming the place; write it in GMT, or with"
                    + " the place's offset (as 10:00 +03:00)");
        }
        Matcher m = EmbargoZones.AMBIGUOUS.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1);
        Map<String, String> readings = EmbargoZones.readings(name);
        String meanings = readings.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(" or "));
        List<String> offsets = List.copyOf(readings.values());
        return Optional.of("names the zone '" + name + "', which may be " + meanings
                + "; write the time in GMT, or with the offset" + " meant in place of '" + name + "' (as "
                + offsets.get(0) + ")");
    }

    /** {@code MAY 5 2017} as {@code May 5 2017}: wires write their embargo lines in capitals. */
    private static String capitalized(String date) {
        StringBuilder out = new StringBuilder(date.length());
        boolean wordStart = true;
        for (int i = 0; i < date.length(); i++) {
            char c = date.charAt(i);
            out.append(c >= 'A' && c <= 'Z' && !wordStart ? (char) (c + 32) : c);
            wordStart = !Character.isLetter(c);
        }
        return out.toString();
    }
}
