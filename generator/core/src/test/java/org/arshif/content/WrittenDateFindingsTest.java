package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * A date written out that names no real day is an error that says why, in the words of the date as written: not
 * the parser's rewriting of it ({@code Text '30TFebruaryT2017' could not be parsed at index 0}).
 */
class WrittenDateFindingsTest {

    private static String error(String date) {
        Diagnostics d = new Diagnostics();
        Readers.reader()
                .read(
                        "content/ar/x.md",
                        ("---\ntitle: خبر\ndate: \"" + date + "\"\n---\nنص الخبر.\n").getBytes(StandardCharsets.UTF_8),
                        d);
        List<String> errors = d.sorted().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::message)
                .toList();
        assertEquals(1, errors.size(), errors::toString);
        String message = errors.get(0);
        String tail = "); write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+03:00 with a time (a written date such as"
                + " 26 شوال 1436 هـ or 4 May 2017 is read too)";
        assertEquals(tail, message.substring(message.length() - tail.length()), message);
        return message.substring(0, message.length() - tail.length());
    }

    @Test
    void aGregorianDayThatDoesNotExist() {
        assertEquals(
                "'date' \"30 February 2017\" is not a valid date (there is no 30 February 2017: February 2017 has 28 days",
                error("30 February 2017"));
        assertEquals(
                "'date' \"February 30, 2017\" is not a valid date (there is no 30 February 2017: February 2017 has 28 days",
                error("February 30, 2017"));
    }

    @Test
    void aHijriDayOrYearTheUmmAlQuraCalendarLacks() {
        assertEquals(
                "'date' \"1 محرم 1299 هـ\" is not a valid date (not a day of the Umm al-Qura calendar (years 1300 to"
                        + " 1600 AH; Invalid Hijrah date, year: 1299, month: 1",
                error("1 محرم 1299 هـ").replaceFirst("(month: 1).*", "$1"));
        assertEquals(
                "'date' \"31 رمضان 1446 هـ\" is not a valid date (not a day of the Umm al-Qura calendar (years 1300"
                        + " to 1600 AH; Invalid Hijrah day of month: 31)",
                error("31 رمضان 1446 هـ"));
    }

    @Test
    void aMonthNameArshifDoesNotKnowOrAGregorianMonthMarkedHijri() {
        assertEquals(
                "'date' \"4 Febuary 2017\" is not a valid date ('Febuary' is not a month name Arshif knows",
                error("4 Febuary 2017"));
        assertEquals(
                "'date' \"4 أيار 2017 هـ\" is not a valid date ('أيار' is no Hijri month, yet the date has the Hijri"
                        + " mark هـ (a Hijri month is one of محرم … ذو الحجة)",
                error("4 أيار 2017 هـ"));
    }

    @Test
    void textThatIsNoDateAtAllSaysSoWithoutTheParsersRewriting() {
        assertEquals("'date' \"soon\" is not a valid date (not a form of date Arshif reads", error("soon"));
        assertEquals(
                "'date' \"2017-05-01T00:30:00 Asia/Damascus\" is not a valid date (not read past its first 19"
                        + " characters",
                error("2017-05-01T00:30:00 Asia/Damascus"));
    }
}
