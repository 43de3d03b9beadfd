package org.arshif.site;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import org.arshif.config.ArabicMonths;
import org.arshif.content.wire.WireCalendar;

/** Dates as readers see them. Keys and URLs stay ISO; only labels are localized. */
public final class DateLabels {
    private static final String[] ENGLISH_MONTHS = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };

    private final ArabicMonths arabicMonths;
    private final boolean arabicIndicDigits;

    public DateLabels(ArabicMonths arabicMonths, boolean arabicIndicDigits) {
        this.arabicMonths = arabicMonths;
        this.arabicIndicDigits = arabicIndicDigits;
    }

    /** {@code 23 أيار 2017} or {@code 23 May 2017}. */
    public String day(OffsetDateTime date, String lang) {
        return digits(date.getDayOfMonth() + " " + monthName(date.getMonthValue(), lang) + " " + date.getYear(), lang);
    }

    /** {@link #day(OffsetDateTime, String)} with a dispatch's own Arabic month names, when it sets them. */
    public String day(OffsetDateTime date, String lang, ArabicMonths months) {
        if (months == null || !"ar".equals(lang)) {
            return day(date, lang);
        }
        return digits(date.getDayOfMonth() + " " + months.name(date.getMonthValue()) + " " + date.getYear(), lang);
    }

    /** {@code 26 شوال 1436 هـ}: the Umm al-Qura date of the day; empty outside that calendar's years. */
    public String hijri(OffsetDateTime date, String lang) {
        return WireCalendar.hijriOf(date.toLocalDate())
                .map(h -> digits(
                        h.get(ChronoField.DAY_OF_MONTH) + " "
                                + WireCalendar.hijriMonthName(h.get(ChronoField.MONTH_OF_YEAR)) + " "
                                + h.get(ChronoField.YEAR)
                                + " هـ",
                        lang))
                .orElse("");
    }

    /** {@code أيار 2017} or {@code May 2017}. */
    public String month(int year, int month, String lang) {
        return digits(monthName(month, lang) + " " + year, lang);
    }

    public String year(int year, String lang) {
        return digits(Integer.toString(year), lang);
    }

    public String number(long n, String lang) {
        return digits(Long.toString(n), lang);
    }

    public String monthName(int month, String lang) {
        return "ar".equals(lang) ? arabicMonths.name(month) : ENGLISH_MONTHS[month - 1];
    }

    /**
     * RFC 3339 with seconds, as Atom and schema.org require ({@code OffsetDateTime.toString()} drops zero
     * seconds: {@code 2017-05-22T00:00+03:00} is not a valid Atom date).
     */
    public static String timestamp(OffsetDateTime t) {
        int offset = t.getOffset().getTotalSeconds();
        if (t.getYear() < 0 || t.getYear() > 9999 || t.getNano() != 0 || offset % 60 != 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t); // signs, fractions, offset seconds
        }
        // The same text without the formatter's machinery, which cost more than the rest of a page's JSON-LD.
        StringBuilder s = new StringBuilder(25);
        twoDigits(twoDigits(s, t.getYear() / 100), t.getYear() % 100).append('-');
        twoDigits(s, t.getMonthValue()).append('-');
        twoDigits(s, t.getDayOfMonth()).append('T');
        twoDigits(s, t.getHour()).append(':');
        twoDigits(s, t.getMinute()).append(':');
        twoDigits(s, t.getSecond());
        return s.append(t.getOffset().getId()).toString();
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private String digits(String s, String lang) {
        if (!arabicIndicDigits || !"ar".equals(lang)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : c);
        }
        return sb.toString();
    }
}
