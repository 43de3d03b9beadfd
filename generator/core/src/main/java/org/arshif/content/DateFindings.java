package org.arshif.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.content.wire.WireCalendar;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.Days;

/** What a dispatch's date findings say beyond "not a date": why a date is none, and dates that disagree. */
final class DateFindings {
    private static final Pattern AT_INDEX = Pattern.compile("at index (\\d+)$");
    /** The ISO form, loosely: a sign, any number of digits per field, and any offset, so each can be judged. */
    private static final Pattern ISO_LIKE =
            Pattern.compile("([+-]?)(\\d+)-(\\d+)-(\\d+)(?:[T ](\\d+):(\\d+)(?::(\\d+)(?:\\.\\d+)?)?"
                    + "(Z|[+-](\\d+)(?::?(\\d+))?)?)?");

    private DateFindings() {}

    /**
     * A front-matter date more than a day away from the file name's or the folders' (which time zones alone can move
     * by one): the front-matter wins, as documented, and dates the URL, but one of the two is likely a mistake.
     */
    static void disagreement(String path, String key, LocalDate date, SourceName name, Diagnostics d) {
        LocalDate named;
        try {
            named = LocalDate.parse(name.datePrefix());
        } catch (DateTimeParseException e) {
            return; // not a day: said when the name's date is the one used
        }
        long days = Math.abs(ChronoUnit.DAYS.between(named, date));
        if (days > 1) {
            d.warning(
                    path,
                    1,
                    1,
                    name.dateSaidBy() + ", but '" + key + "' is " + date + ", " + days + " days apart; '" + key
                            + "' is used, and dates the URL: correct the one that is wrong");
        }
    }

    /**
     * What is odd about a dispatch's {@code date} or {@code publishDate} before 1900 or after 2100 (no news archive's,
     * and a build leaves a dispatch dated 2107 out without a word): Hugo's zero date, which exports write for a page
     * that had none, or a typo; empty for any other date and key.
     */
    static Optional<String> farOff(String key, OffsetDateTime date) {
        int year = date.getYear();
        if (!key.equals("date") && !key.equals("publishDate") || year >= 1900 && year <= 2100) {
            return Optional.empty();
        }
        if (year > 2100) {
            return Optional.of("a day after 2100, so the dispatch is scheduled, and every build leaves it out until"
                    + " then (a typo?); write the dispatch's date");
        }
        return Optional.of(
                date.toLocalDate().equals(LocalDate.of(1, 1, 1))
                        ? "Hugo's zero date, which exports write for a page that had no date: it is published as the"
                                + " archive's oldest dispatch, of the year 1; write the dispatch's date, or delete '"
                                + key + "' to date it by its file name or git"
                        : "a day before 1900, older than any news dispatch (a typo?); write the dispatch's date, or"
                                + " keep it if the archive goes back so far");
    }

    /**
     * Why {@code s} is no date, in the user's terms: a written date's own problem ({@code 30 February 2017}), or the
     * parser's words without the text it was given (which is {@code s} rewritten, e.g. {@code 30TFebruaryT2017}).
     */
    static String whyNoDate(String s, DateTimeException e) {
        Optional<String> written = WireCalendar.writtenProblem(s);
        if (written.isPresent()) {
            return written.get();
        }
        if (s.strip().matches("\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?")) {
            // TOML's local time (date = 10:00:00): Hugo 0.111 read it as no date, 0001-01-01, without a word
            return "a time of day without its day (TOML's local time), which Hugo reads as no date at all,"
                    + " 0001-01-01; give the day too, as 2017-05-04T" + s.strip()
                    + (s.strip().length() == 5 ? ":00" : "")
                    + "Z";
        }
        Optional<String> iso = isoProblem(s.strip());
        if (iso.isPresent()) {
            return iso.get();
        }
        String detail = String.valueOf(e.getMessage()).replaceFirst("^Text '[^']*' could not be parsed: ", "");
        if (detail.startsWith("Text '")) {
            Matcher at = AT_INDEX.matcher(detail);
            return at.find() && Integer.parseInt(at.group(1)) > 0
                    ? "not read past its first " + at.group(1) + " characters"
                    : "not a form of date Arshif reads";
        }
        return detail;
    }

    /** What is wrong with a date written almost as YYYY-MM-DDTHH:MM:SS+03:00: the field out of range, by name. */
    private static Optional<String> isoProblem(String s) {
        Matcher m = ISO_LIKE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1).equals("-")) {
            return Optional.of("a year before year 1; Arshif reads the years 1 to 9999");
        }
        String year = m.group(2).replaceFirst("^0+(?=\\d{4})", "");
        if (year.length() > 4) {
            return Optional.of("the year " + year + " has more than four digits; Arshif reads the years 1 to 9999");
        }
        if (m.group(2).length() < 4 || m.group(3).length() != 2 || m.group(4).length() != 2) {
            return Optional.of("the year needs four digits, the month and day two each, as 2017-05-01");
        }
        if (m.group(5) != null && (over(m.group(5), 23) || over(m.group(6), 59) || over(m.group(7), 59))) {
            return Optional.of("the time of day is out of range: hours 00 to 23, minutes and seconds 00 to 59");
        }
        if (m.group(9) != null && (over(m.group(9), 18) || over(m.group(10), 59))) {
            return Optional.of("the offset from UTC is out of range: at most 18 hours either way, as +03:00");
        }
        try {
            // with a time, the parser stops at the day without saying why (2017-02-29T10:00:00Z)
            LocalDate.of(Integer.parseInt(year), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            return Optional.of(
                    Days.noSuchDay(Integer.parseInt(year), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
        return Optional.empty();
    }

    private static boolean over(String digits, int max) {
        return digits != null && (digits.length() > 2 || Integer.parseInt(digits) > max);
    }
}
