package org.arshif.internal;

import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.util.Locale;

/** Calendar days in readers' words, for findings. */
public final class Days {
    private Days() {}

    /**
     * Why a Gregorian year, month and day name no day: "there is no 30 February 2017: February 2017 has 28 days"
     * (the JDK says "Invalid date 'FEBRUARY 30'", in capitals and without the month's length).
     *
     * <pre>{@code
     * Days.noSuchDay(2017, 2, 29) // "there is no 29 February 2017: February 2017 has 28 days"
     * Days.noSuchDay(2017, 13, 1) // "there is no month 13; months are 1 to 12"
     * }</pre>
     */
    public static String noSuchDay(int year, int month, int day) {
        if (year < Year.MIN_VALUE || year > Year.MAX_VALUE) {
            return "the year " + year + " is out of range";
        }
        if (month < 1 || month > 12) {
            return "there is no month " + month + "; months are 1 to 12";
        }
        String upper = Month.of(month).name();
        String name = upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
        int length = YearMonth.of(year, month).lengthOfMonth();
        return "there is no " + day + " " + name + " " + year + ": " + name + " " + year + " has " + length + " days";
    }
}
