package org.arshif.content.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dateline dates: both calendars, every month-name set, and the findings when they are wrong. */
class WireCalendarTest {
    static Dateline dateline(Dateline.DateParts gregorian, Dateline.DateParts hijri) {
        return new Dateline("spa", "الرياض", "واس", gregorian, hijri, 0);
    }

    static Dateline.DateParts d(String day, String month, String year) {
        return new Dateline.DateParts(day, month, year);
    }

    @Test
    void hijriDatesAreUmmAlQura() {
        assertEquals(
                Optional.of(LocalDate.of(2015, 8, 11)),
                WireCalendar.date(dateline(Dateline.DateParts.NONE, d("26", "شوال", "1436")))
                        .date());
        // Spelling variants of the month names and Arabic-Indic digits.
        assertEquals(
                Optional.of(LocalDate.of(2017, 5, 22)),
                WireCalendar.date(dateline(Dateline.DateParts.NONE, d("٢٦", "شعبان", "١٤٣٨")))
                        .date());
        // Umm al-Qura's 10 Dhu al-Hijjah 1436, a day before the sighted Eid al-Adha of 24 September 2015.
        assertEquals(
                Optional.of(LocalDate.of(2015, 9, 23)),
                WireCalendar.date(dateline(Dateline.DateParts.NONE, d("10", "ذي الحجة", "1436")))
                        .date());
        assertEquals(
                Optional.of(LocalDate.of(2015, 4, 20)),
                WireCalendar.date(dateline(Dateline.DateParts.NONE, d("1", "رجب", "1436")))
                        .date());
        assertEquals(
                Optional.of(LocalDate.of(2015, 2, 20)),
                WireCalendar.date(dateline(Dateline.DateParts.NONE, d("1", "جمادى الأولى", "1436")))
                        .date());
        assertEquals(
                Optional.of(LocalDate.of(2015, 4, 18)),
                WireCalendar.date(dateline(Dateline.DateParts.NONE, d("29", "جمادى الآخرة", "1436")))
                        .date());
    }

    @Test
    void gregorianMonthsOfEverySet() {
        assertEquals(8, WireCalendar.gregorianMonth("أغسطس"));
        assertEquals(8, WireCalendar.gregorianMonth("اغسطس"));
        assertEquals(8, WireCalendar.gregorianMonth("آب"));
        assertEquals(8, WireCalendar.gregorianMonth("أوت"));
        assertEquals(8, WireCalendar.gregorianMonth("غشت"));
        assertEquals(1, WireCalendar.gregorianMonth("كانون الثاني"));
        assertEquals(9, WireCalendar.gregorianMonth("Sept"));
        assertEquals(5, WireCalendar.gregorianMonth("May"));
        assertEquals(0, WireCalendar.gregorianMonth("Mayday"));
        assertEquals(0, WireCalendar.gregorianMonth("13"));
    }

    @Test
    void bothCalendarsAgreeingWithinADayIsNoFinding() {
        // Umm al-Qura and a moon sighting may be a day apart.
        WireCalendar.Result r = WireCalendar.date(dateline(d("12", "أغسطس", "2015"), d("26", "شوال", "1436")));
        assertEquals(Optional.of(LocalDate.of(2015, 8, 12)), r.date());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void aHijriDayThatDoesNotExistIsAFindingAndNoDate() {
        // Dhu al-Qadah 1436 has 29 days in Umm al-Qura.
        WireCalendar.Result r = WireCalendar.date(dateline(Dateline.DateParts.NONE, d("30", "ذو القعدة", "1436")));
        assertEquals(Optional.empty(), r.date());
        assertEquals(1, r.problems().size());
        assertEquals(
                true,
                r.problems()
                        .get(0)
                        .startsWith("the dateline's Hijri date '30 ذو القعدة 1436' is not a day of"
                                + " the Umm al-Qura calendar"),
                r.problems().get(0));
    }

    @Test
    void anUnknownMonthIsAFinding() {
        WireCalendar.Result r = WireCalendar.date(dateline(Dateline.DateParts.NONE, d("3", "شهر", "1436")));
        assertEquals(Optional.empty(), r.date());
        assertEquals(
                List.of("the dateline's Hijri month 'شهر' is not one of محرم … ذو الحجة; the Hijri date is not"
                        + " used"),
                r.problems());
    }
}
