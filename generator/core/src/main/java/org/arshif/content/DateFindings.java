package org.arshif.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.content.wire.WireCalendar;
import org.arshif.diag.Diagnostics;

/** What a dispatch's date findings say beyond "not a date": why a date is none, and dates that disagree. */
final class DateFindings {
    private static final Pattern AT_INDEX = Pattern.compile("at index (\\d+)$");

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
     * Why {@code s} is no date, in the user's terms: a written date's own problem ({@code 30 February 2017}), or the
     * parser's words without the text it was given (which is {@code s} rewritten, e.g. {@code 30TFebruaryT2017}).
     */
    static String whyNoDate(String s, DateTimeException e) {
        Optional<String> written = WireCalendar.writtenProblem(s);
        if (written.isPresent()) {
            return written.get();
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
}
