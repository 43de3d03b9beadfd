package org.arshif.content;

import java.time.LocalDate;
import java.util.Optional;
import org.arshif.content.wire.WireCalendar;

/**
 * Dates whose year is a recent Hijri year (1300 to 1500 AH, 1882 to 2077 CE), read as Gregorian. Archives moved
 * from Arabic newsroom systems carry {@code 1446-09-01} for 1 Ramadan 1446; read as Gregorian, the dispatch would
 * be filed in the 15th century without a word. No news dispatch is from those Gregorian years, so the build says
 * what the Hijri reading gives instead.
 */
final class HijriYears {
    static final int FIRST = 1300;
    static final int LAST = 1500;

    private HijriYears() {}

    /**
     * Why the date is suspect and what to write instead, when its year looks Hijri ("... its Gregorian date is
     * 2025-03-01: write that instead"); empty for every other year.
     */
    static Optional<String> advice(LocalDate date) {
        if (date.getYear() < FIRST || date.getYear() > LAST) {
            return Optional.empty();
        }
        String read = "the year " + date.getYear() + " is a Hijri year, and Arshif reads dates as Gregorian";
        return Optional.of(WireCalendar.gregorianOf(date.getYear(), date.getMonthValue(), date.getDayOfMonth())
                .map(g -> read + "; if this is the Hijri date " + date
                        + " (Umm al-Qura calendar), its Gregorian date is " + g + ": write that instead")
                .orElse(read + "; write the Gregorian date instead"));
    }
}
