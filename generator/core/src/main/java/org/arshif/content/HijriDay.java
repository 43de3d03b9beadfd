package org.arshif.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.arshif.content.wire.WireCalendar;

/** A day of the Hijri (Umm al-Qura) calendar without its year: {@code 5 رمضان}. */
record HijriDay(int month, int day) {
    /** The day in the Hijri year of {@code date}, or the next one's when that is more than half a year before. */
    LocalDate near(LocalDate date) {
        try {
            int year = HijrahDate.from(date).get(ChronoField.YEAR);
            LocalDate in = inYear(year);
            return in.isBefore(date.minusDays(177)) ? inYear(year + 1) : in;
        } catch (DateTimeException e) {
            return date; // outside the calendar's years (1300 to 1600 AH): the dispatch's own day
        }
    }

    private LocalDate inYear(int year) {
        // day 30 of a month of 29 days is the next month's first, as a desk counting days would mean
        return LocalDate.from(HijrahDate.of(year, month, 1).plus(day - 1L, ChronoUnit.DAYS));
    }

    /**
     * What a warning says when the day, held on {@code held} (its {@link #near}), is the 30th of a month that has
     * 29 in that Hijri year ({@code 30 شعبان} in 1438): read as the next month's first, as a desk counting days would mean; empty
     * for a day the month has.
     */
    Optional<String> missing(LocalDate held) {
        HijrahDate first = HijrahDate.from(held).with(ChronoField.DAY_OF_MONTH, 1);
        if (day <= 29 || first.get(ChronoField.MONTH_OF_YEAR) == month) {
            return Optional.empty();
        }
        int year = HijrahDate.from(held.minusDays(1)).get(ChronoField.YEAR);
        String name = WireCalendar.hijriMonthName(month);
        String next = WireCalendar.hijriMonthName(first.get(ChronoField.MONTH_OF_YEAR));
        return Optional.of("the embargo's day, " + day + " " + name + ", is not a day of " + year + " AH, the"
                + " dispatch's Hijri year: " + name + " " + year + " has 29 days (Umm al-Qura), so it is read as"
                + " the day after the 29th, 1 " + next + " " + first.get(ChronoField.YEAR) + " (" + held + ");"
                + " write the day meant (as 1 " + next + " or 29 " + name + "), or give publishDate in"
                + " front-matter");
    }

    /** Its month and day as a Gregorian one, for ordering; 30 Safar is not a Gregorian day. */
    MonthDay ordering() {
        return MonthDay.of(month, Math.min(day, 28));
    }
}
