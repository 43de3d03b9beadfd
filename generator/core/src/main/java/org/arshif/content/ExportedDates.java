package org.arshif.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date forms other systems export into front-matter, beyond ISO 8601, and the forms Hugo's date reader
 * ({@code cast.ToTimeInDefaultLocationE}, Go's layouts) takes: Jekyll's and WordPress exporters'
 * {@code 2017-05-01 10:00:00 +0300} (an offset without its colon, after a space), {@code … UTC}, Go's
 * {@code Time.String()} ({@code 2017-05-01 10:00:00.5 +0300 +03}), RSS's {@code Mon, 01 May 2017 10:00:00 +0300}
 * (RFC 1123), RFC 822 ({@code 04 May 17 10:00 UTC}), RFC 850 ({@code Thursday, 04-May-17 10:00:00 UTC}), and the
 * Unix forms ({@code Thu May  4 10:00:00 2017}, {@code … UTC 2017}, {@code Thu May 04 10:00:00 +0300 2017}). A zone
 * given by name is read only as {@code UTC}, {@code UT}, {@code GMT} or {@code Z}: Hugo reads any other name by the
 * computer it runs on (as UTC when that does not know it), so it is named, with the offset to write instead.
 */
final class ExportedDates {
    private static final Pattern SPACED_OFFSET =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?) ?"
                    + "(?:(Z|UTC|GMT)|([+-])(\\d{2}):?(\\d{2}))(?: (?:[A-Z]{3,5}|[+-]\\d{2}))?");
    private static final String ZONE = "([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})";
    /** RFC 822, 850 and 1123, with or without the weekday: {@code [Thu, ]04 May 17 10:00[:00] UTC}. */
    private static final Pattern DAY_FIRST = Pattern.compile("(?:[A-Z][a-z]{2,8}, )?(\\d{1,2})[ -]([A-Z][a-z]{2})[ -]"
            + "(\\d{2}|\\d{4}) (\\d{2}):(\\d{2})(?::(\\d{2}))? " + ZONE);
    /** ANSIC, UnixDate and RubyDate: {@code Thu May  4 10:00:00 [UTC |+0300 ]2017}. */
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (?:" + ZONE + " )?(\\d{4})");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ROOT);

    private ExportedDates() {}

    /**
     * The instant {@code s} names in one of those forms, or null when it is none of them (or no real day).
     *
     * @param zone the site's time zone, for the one form without any (ANSIC)
     * @throws DateTimeException naming the problem, for a zone given by a name other than UTC or GMT
     */
    static OffsetDateTime parse(String s, ZoneId zone) {
        try {
            Matcher m = SPACED_OFFSET.matcher(s);
            if (m.matches()) {
                LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
                ZoneOffset offset =
                        m.group(3) != null ? ZoneOffset.UTC : ZoneOffset.of(m.group(4) + m.group(5) + ":" + m.group(6));
                return local.atOffset(offset);
            }
            Matcher d = DAY_FIRST.matcher(s);
            if (d.matches()) {
                LocalDate day = LocalDate.of(year(d.group(3)), month(d.group(2)), Integer.parseInt(d.group(1)));
                return at(day, d.group(4), d.group(5), d.group(6)).atOffset(offset(d.group(7), s));
            }
            Matcher u = MONTH_FIRST.matcher(s);
            if (u.matches()) {
                LocalDate day =
                        LocalDate.of(Integer.parseInt(u.group(7)), month(u.group(1)), Integer.parseInt(u.group(2)));
                LocalDateTime local = at(day, u.group(3), u.group(4), u.group(5));
                return u.group(6) == null
                        ? local.atZone(zone).toOffsetDateTime()
                        : local.atOffset(offset(u.group(6), s));
            }
        } catch (DateTimeParseException e) {
            return null; // no month of that name: not this form
        } catch (ZoneNamed e) {
            throw e;
        } catch (DateTimeException e) {
            return null; // out of range: the ISO reading that follows reports it by field
        }
        return null;
    }

    /**
     * A date written as a bare number of nine digits or more, which Hugo reads as seconds since 1970 (UTC), and Arshif
     * too. A shorter one (a year, or eight digits that make a day, {@code 20170504}, which Hugo reads as August 1970)
     * is named, as is a number in quotes, which Hugo does not read at all.
     *
     * @param quoted whether the number is written as text
     * @return the instant, or null when {@code s} is not all digits
     * @throws DateTimeException saying what to write instead
     */
    static OffsetDateTime number(String s, boolean quoted) {
        if (s.isEmpty() || s.length() > 12 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        OffsetDateTime seconds = Instant.ofEpochSecond(Long.parseLong(s)).atOffset(ZoneOffset.UTC);
        if (s.length() == 8) {
            try {
                LocalDate day = LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
                throw new DateTimeException("a number, which Hugo reads as seconds since 1970 (" + seconds
                        + "), not as the day " + day + "; write " + day);
            } catch (DateTimeParseException e) {
                // not a day: read as seconds below
            }
        }
        if (s.length() < 9) {
            throw new DateTimeException("a number, which Hugo reads as seconds since 1970 (" + seconds
                    + "), surely not the date meant; write the date as YYYY-MM-DD");
        }
        if (quoted) {
            throw new DateTimeException("a number in quotes, which Hugo does not read as a date; as seconds since"
                    + " 1970 it is " + seconds + ", so write that, or the number without quotes");
        }
        return seconds;
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        return digits.length() == 4 ? y : y >= 69 ? 1900 + y : 2000 + y; // Go's rule for two-digit years
    }

    private static int month(String name) {
        return MONTH.parse(name).get(ChronoField.MONTH_OF_YEAR);
    }

    private static LocalDateTime at(LocalDate day, String h, String m, String sec) {
        return day.atTime(
                LocalTime.of(Integer.parseInt(h), Integer.parseInt(m), sec == null ? 0 : Integer.parseInt(sec)));
    }

    private static ZoneOffset offset(String zone, String s) {
        if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
            return ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
        }
        if (zone.equals("Z") || zone.equals("UT") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        throw new ZoneNamed(
                zone,
                "its zone is the name '" + zone + "', which Hugo reads by the computer that builds the"
                        + " site (as UTC where that does not know it), so it is not read; write the zone's offset from UTC in"
                        + " its place, as +0300 or -0500");
    }

    /**
     * A date {@link #parse} refused for its zone name, read at the offset the embargo reader's table gives that name
     * when it gives one ({@code EST} −05:00, {@code CEST} +02:00: {@link EmbargoZones}), with the warning that says
     * Hugo reads it otherwise; empty for any other refusal, and for a name of two meanings ({@code IST}) or none.
     *
     * @param key the front-matter key, for the warning
     */
    static Optional<Reread> reread(String key, String s, ZoneId zone, DateTimeException refusal) {
        if (!(refusal instanceof ZoneNamed named)) {
            return Optional.empty();
        }
        return EmbargoZones.zone(named.zone)
                .filter(z -> z instanceof ZoneOffset)
                .map(z -> (ZoneOffset) z)
                .map(offset -> {
                    String plain = offset.equals(ZoneOffset.UTC)
                            ? "+0000"
                            : offset.getId().replace(":", "");
                    OffsetDateTime read = parse(s.replaceFirst("\\b" + Pattern.quote(named.zone) + "\\b", plain), zone);
                    return read == null ? null : inSeason(key, s, named.zone, plain, read);
                });
    }

    /**
     * The date read at its name's offset, and its warning; when the name's place keeps the other season's time that
     * day ({@code EDT} in January), read as the later of the two, as an embargo's is (a date that publishes).
     */
    private static Reread inSeason(String key, String s, String name, String plain, OffsetDateTime read) {
        String said = "'" + key + "' \"" + s + "\" names its zone '" + name + "', read as " + plain + " (" + read
                + "); Hugo reads a zone's name by the site's time zone, and as UTC where that zone does not use the name ("
                + read.toLocalDateTime() + "Z), so the two may differ by hours";
        Optional<ZoneOffset> other = EmbargoZones.otherSeason(name, read.toLocalDateTime(), read.getOffset());
        if (other.isEmpty()) {
            return new Reread(read, said + "; write " + plain + " in place of '" + name + "'");
        }
        OffsetDateTime alternative = read.toLocalDateTime().atOffset(other.get());
        OffsetDateTime later = EmbargoZones.later(name, read);
        String city = EmbargoZones.city(EmbargoZones.seasonalPlace(name).orElseThrow());
        return new Reread(
                later,
                said + "; but on " + read.toLocalDate() + " " + city + " keeps " + other.get() + ", not '" + name
                        + "', so it may mean " + alternative + ", and it is read as the later, " + later
                        + "; write the offset meant (" + plain + " or "
                        + other.get().getId().replace(":", "")
                        + ") in place of '" + name + "'");
    }

    /** A date read at its zone name's offset from the table, and the warning that goes with it. */
    record Reread(OffsetDateTime date, String warning) {}

    /** A date whose zone is a name other than UTC or GMT. */
    private static final class ZoneNamed extends DateTimeException {
        private static final long serialVersionUID = 1L;
        private final String zone;

        ZoneNamed(String zone, String message) {
            super(message);
            this.zone = zone;
        }
    }
}
