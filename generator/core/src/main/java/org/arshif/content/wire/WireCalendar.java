package org.arshif.content.wire;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.config.ArabicMonths;
import org.arshif.internal.Days;
import org.arshif.internal.Digits;

/**
 * The date a dateline gives: Gregorian month names of every Arabic set and in English, Hijri dates in the Umm
 * al-Qura calendar ({@link HijrahDate}, Java's {@code Hijrah-umalqura}, years 1300 to 1600 AH).
 */
public final class WireCalendar {
    private static final List<String> HIJRI_MONTHS = List.of(
            "محرم",
            "صفر",
            "ربيع الاول",
            "ربيع الاخر",
            "جمادي الاولي",
            "جمادي الاخره",
            "رجب",
            "شعبان",
            "رمضان",
            "شوال",
            "ذو القعده",
            "ذو الحجه");
    /** Other spellings, normalized like {@link #key}. */
    private static final Map<String, Integer> HIJRI_VARIANTS = Map.of(
            "المحرم", 1, "ربيع الثاني", 4, "جمادي الثانيه", 6, "جمادي الاخر", 6, "ذي القعده", 11, "ذي الحجه", 12);

    /** The Hijri months as English copy transliterates them, lower case without spaces, hyphens or apostrophes. */
    private static final Map<String, Integer> HIJRI_LATIN = Map.ofEntries(
            Map.entry("muharram", 1),
            Map.entry("safar", 2),
            Map.entry("rabialawwal", 3),
            Map.entry("rabiulawwal", 3),
            Map.entry("rabialthani", 4),
            Map.entry("rabiulthani", 4),
            Map.entry("rabialakhir", 4),
            Map.entry("rabiulakhir", 4),
            Map.entry("jumadaalawwal", 5),
            Map.entry("jumadaalula", 5),
            Map.entry("jumadialawwal", 5),
            Map.entry("jumadaalthani", 6),
            Map.entry("jumadaalakhirah", 6),
            Map.entry("jumadaalakhira", 6),
            Map.entry("jumadialthani", 6),
            Map.entry("jumadialakhir", 6),
            Map.entry("rajab", 7),
            Map.entry("shaban", 8),
            Map.entry("ramadan", 9),
            Map.entry("ramadhan", 9),
            Map.entry("shawwal", 10),
            Map.entry("shawal", 10),
            Map.entry("dhualqadah", 11),
            Map.entry("dhualqidah", 11),
            Map.entry("dhulqadah", 11),
            Map.entry("dhulqidah", 11),
            Map.entry("dhualhijjah", 12),
            Map.entry("dhulhijjah", 12),
            Map.entry("dhualhijja", 12),
            Map.entry("dhulhijja", 12));

    private static final Map<String, Integer> OTHER_GREGORIAN =
            Map.of("ابريل", 4, "اغسطس", 8, "يوليوز", 7, "غشت", 8, "شتنبر", 9, "نونبر", 11, "دجنبر", 12, "اكتوبر", 10);
    private static final List<String> ENGLISH = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    /** {@code 26 شوال 1436 هـ}, {@code 4 أيار 2017 م}, {@code 4 May 2017}: day, month name, year, a calendar mark. */
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(\\d{1,2})\\s+([^\\d,،]+?)[\\s,،]+(\\d{3,4})\\s*(هـ|ه|م|AH|A\\.H)?\\.?");
    /** {@code May 4, 2017}. */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(\\p{IsLatin}+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
    /** {@code 1446-09-01 هـ}: a Hijri date in numbers, which only its mark tells from a Gregorian one. */
    private static final Pattern NUMERIC_HIJRI =
            Pattern.compile("(\\d{3,4})[-/](\\d{1,2})[-/](\\d{1,2})\\s*(هـ|ه|AH|A\\.H)\\.?");
    /** {@code 26/10/1436 هـ}: the same, day first. */
    private static final Pattern NUMERIC_HIJRI_DAY_FIRST =
            Pattern.compile("(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})\\s*(هـ|ه|AH|A\\.H)\\.?");

    /** A weekday before the date ({@code الخميس 4 أيار 2017}, {@code Thursday, 4 May 2017}): it says nothing more. */
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?:(?:ال)?(?:أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس"
                    + "|جمعة|جمعه|سبت)|(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun))\\.?[\\s,،]+");
    /** SPA's {@code 7 شعبان 1438 هـ الموافق 4 أيار 2017 م}: both calendars; the Gregorian one is the date. */
    private static final Pattern CORRESPONDING = Pattern.compile("\\s+(?:الموافق|الموافقة|موافق)\\s+(?:لـ?\\s*)?");
    /** The calendar in words, {@code هجري} or {@code ميلادي}, where the marks {@code هـ} and {@code م} are usual. */
    private static final Pattern CALENDAR_WORD = Pattern.compile("\\s*(?:(هجري[ةه]?)|ميلادي[ةه]?)\\.?$");
    /** The words between a day and its month that desks write: {@code 26 من شهر شوال}, {@code 26th of Shawwal}. */
    private static final Pattern DAY_OF =
            Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:من\\s+)?(?:شهر\\s+)?(?:(?i:of)\\s+)?(?=\\D)");
    /** The words between a month and its year: {@code شوال لعام 1436}, {@code شوال من عام 1436}, {@code سنة}. */
    private static final Pattern YEAR_OF =
            Pattern.compile("\\s+(?:من\\s+|ل)?(?:عام|العام|سنة|السنة|سنه|السنه)\\s+(?=\\d)");

    /** The same words left in a month name that a dateline's pattern took with it ({@code شوال لعام}). */
    private static final Pattern MONTH_WORDS =
            Pattern.compile("^(?:من\\s+)?(?:شهر\\s+)?|\\s+(?:من\\s+|ل)?(?:عام|العام|سنة|السنة|سنه|السنه)$");

    private WireCalendar() {}

    /**
     * A whole date written out as Arabic desks and English copy write it: {@code 26 شوال 1436 هـ} (Hijri, Umm
     * al-Qura), {@code 1446-09-01 هـ}, {@code 4 أيار 2017 م}, {@code 4 May 2017}, {@code May 4, 2017}; digits Western
     * or Arabic-Indic; after a weekday ({@code الخميس}), with the calendar in words ({@code هجري}, {@code ميلادي}),
     * or in both calendars as SPA writes them ({@code … هـ الموافق … م}: the Gregorian date, when it is one). Empty when the text is none of these or not a real day; a month name decides the calendar,
     * and a Gregorian month with the Hijri mark is no date.
     */
    public static Optional<LocalDate> written(String text) {
        return read(text, new ArrayList<>());
    }

    /**
     * For a date written in both calendars ({@code … هـ الموافق … م}) whose two days are more than a day apart, what
     * a warning says; empty otherwise. The Gregorian one is the date, as in a dateline.
     */
    public static Optional<String> calendarsApart(String text) {
        String[] both = CORRESPONDING.split(Digits.western(text.strip()), 2);
        if (both.length < 2) {
            return Optional.empty();
        }
        Optional<LocalDate> hijri = read(both[0], new ArrayList<>());
        Optional<LocalDate> gregorian = read(both[1], new ArrayList<>());
        if (hijri.isEmpty() || gregorian.isEmpty()) {
            return Optional.empty();
        }
        long days = Math.abs(ChronoUnit.DAYS.between(hijri.get(), gregorian.get()));
        return days <= 1
                ? Optional.empty()
                : Optional.of("its Hijri date is " + hijri.get() + " and its Gregorian one " + gregorian.get() + ", "
                        + days + " days apart; the Gregorian one is used: correct the one that is wrong");
    }

    /**
     * Why {@code text}, written out in one of the forms {@link #written} reads, is no day: {@code 30 February 2017},
     * {@code 31 رمضان 1446 هـ}, a Hijri year outside the calendar's; empty when it is a day, or in no such form.
     */
    public static Optional<String> writtenProblem(String text) {
        List<String> problems = new ArrayList<>();
        return read(text, problems).isPresent()
                ? Optional.empty()
                : problems.stream().findFirst();
    }

    private static Optional<LocalDate> read(String text, List<String> problems) {
        String s = YEAR_OF.matcher(DAY_OF.matcher(Digits.western(text.strip())).replaceAll("$1 "))
                .replaceAll(" ");
        Matcher weekday = WEEKDAY.matcher(s);
        if (weekday.lookingAt()) {
            s = s.substring(weekday.end());
        }
        String[] both = CORRESPONDING.split(s, 2);
        if (both.length == 2) {
            Optional<LocalDate> gregorian = read(both[1], problems);
            return gregorian.isPresent() ? gregorian : read(both[0], problems);
        }
        Matcher word = CALENDAR_WORD.matcher(s);
        if (word.find()) {
            s = s.substring(0, word.start()) + (word.group(1) != null ? " هـ" : " م");
        }
        Matcher m = NUMERIC_HIJRI.matcher(s);
        if (m.matches()) {
            return hijriDay(number(m.group(1)), number(m.group(2)), number(m.group(3)), problems);
        }
        m = NUMERIC_HIJRI_DAY_FIRST.matcher(s);
        if (m.matches()) {
            return hijriDay(number(m.group(3)), number(m.group(2)), number(m.group(1)), problems);
        }
        m = DAY_MONTH_YEAR.matcher(s);
        if (m.matches()) {
            int hijriMonth = hijriMonth(m.group(2));
            boolean hijriMark = m.group(4) != null && !m.group(4).equals("م");
            if (hijriMonth > 0 && !"م".equals(m.group(4))) {
                return hijriDay(number(m.group(3)), hijriMonth, number(m.group(1)), problems);
            }
            if (hijriMark) {
                problems.add("'" + m.group(2).strip() + "' is no Hijri month, yet the date has the Hijri mark "
                        + m.group(4) + " (a Hijri month is one of " + HIJRI_MONTHS.get(0) + " … ذو الحجة)");
                return Optional.empty();
            }
            return day(number(m.group(3)), gregorianMonth(m.group(2)), number(m.group(1)), m.group(2), problems);
        }
        m = MONTH_DAY_YEAR.matcher(s);
        return m.matches()
                ? day(number(m.group(3)), gregorianMonth(m.group(1)), number(m.group(2)), m.group(1), problems)
                : Optional.empty();
    }

    private static Optional<LocalDate> day(int year, int month, int day, String monthName, List<String> problems) {
        if (month == 0) {
            problems.add("'" + monthName.strip() + "' is not a month name Arshif knows");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            problems.add(Days.noSuchDay(year, month, day));
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> hijriDay(int year, int month, int day, List<String> problems) {
        try {
            return Optional.of(LocalDate.from(HijrahDate.of(year, month, day)));
        } catch (DateTimeException e) {
            problems.add("not a day of the Umm al-Qura calendar (years 1300 to 1600 AH; " + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** A Hijri month's number from its name in any usual spelling; 0 when it is none. */
    private static int hijriMonth(String written) {
        String w = MONTH_WORDS.matcher(written.strip()).replaceAll("");
        if (w.matches("[0-9٠-٩]{1,2}")) {
            int n = number(w);
            return n >= 1 && n <= 12 ? n : 0;
        }
        String name = key(w);
        int month = HIJRI_MONTHS.indexOf(name) + 1;
        if (month > 0) {
            return month;
        }
        Integer variant = HIJRI_VARIANTS.get(name);
        return variant != null
                ? variant
                : HIJRI_LATIN.getOrDefault(w.toLowerCase(Locale.ROOT).replaceAll("[\\s'’ʿʾ`.-]", ""), 0);
    }

    /**
     * The dateline's date and what is wrong with it.
     *
     * @param date     the Gregorian date when written, else the Hijri one; empty when neither gives a whole date
     * @param problems warnings, one sentence each
     */
    public record Result(Optional<LocalDate> date, List<String> problems) {}

    public static Result date(Dateline dateline) {
        List<String> problems = new ArrayList<>();
        Dateline.DateParts g = dateline.gregorian();
        Optional<LocalDate> gregorian =
                g.isPresent() && !g.year().isEmpty() ? gregorian(g, problems) : Optional.empty();
        Dateline.DateParts h = dateline.hijri();
        Optional<LocalDate> hijri = h.isPresent() ? hijri(h, problems) : Optional.empty();
        if (gregorian.isPresent()
                && hijri.isPresent()
                && Math.abs(ChronoUnit.DAYS.between(gregorian.get(), hijri.get())) > 1) {
            problems.add("the dateline's Hijri date '" + h + "' is " + hijri.get() + " in the Umm al-Qura calendar,"
                    + " but its Gregorian date '" + g + "' is " + gregorian.get() + ", "
                    + Math.abs(ChronoUnit.DAYS.between(gregorian.get(), hijri.get())) + " days apart; the Gregorian"
                    + " date is used: correct the one that is wrong, or give 'date:' in front-matter");
        }
        return new Result(gregorian.or(() -> hijri), List.copyOf(problems));
    }

    private static Optional<LocalDate> gregorian(Dateline.DateParts g, List<String> problems) {
        int month = gregorianMonth(g.month());
        if (month == 0) {
            problems.add("the dateline's month '" + g.month() + "' is not a month name Arshif knows; the dateline"
                    + " gives no date (give 'date:' in front-matter)");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(number(g.year()), month, number(g.day())));
        } catch (DateTimeException e) {
            problems.add("the dateline's date '" + g + "' is not a real date ("
                    + Days.noSuchDay(number(g.year()), month, number(g.day())) + "); it is not used");
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> hijri(Dateline.DateParts h, List<String> problems) {
        int month = hijriMonth(h.month());
        if (month == 0) {
            problems.add("the dateline's Hijri month '" + h.month() + "' is not one of " + HIJRI_MONTHS.get(0)
                    + " … ذو الحجة; the Hijri date is not used");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.from(HijrahDate.of(number(h.year()), month, number(h.day()))));
        } catch (DateTimeException e) {
            problems.add("the dateline's Hijri date '" + h + "' is not a day of the Umm al-Qura calendar"
                    + " (years 1300 to 1600 AH; " + e.getMessage() + "); it is not used");
            return Optional.empty();
        }
    }

    /** A month name of any Arabic set or in English (full or abbreviated), or a number; 0 when none. */
    static int gregorianMonth(String written) {
        String w = MONTH_WORDS.matcher(written.strip()).replaceAll("");
        if (w.matches("[0-9٠-٩]{1,2}")) {
            int n = number(w);
            return n >= 1 && n <= 12 ? n : 0;
        }
        String k = key(w);
        for (ArabicMonths set : ArabicMonths.values()) {
            for (int m = 1; m <= 12; m++) {
                if (key(set.name(m)).equals(k)) {
                    return m;
                }
            }
        }
        if (OTHER_GREGORIAN.containsKey(k)) {
            return OTHER_GREGORIAN.get(k);
        }
        String latin = w.toLowerCase(Locale.ROOT);
        for (int m = 1; latin.length() >= 3 && m <= 12; m++) {
            if (ENGLISH.get(m - 1).startsWith(latin) || m == 9 && latin.equals("sept")) {
                return m;
            }
        }
        return 0;
    }

    /** The Gregorian day of a Hijri (Umm al-Qura) date, or empty when it is not a day of that calendar. */
    public static Optional<LocalDate> gregorianOf(int hijriYear, int month, int day) {
        try {
            return Optional.of(LocalDate.from(HijrahDate.of(hijriYear, month, day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The Hijri date of a Gregorian day, or empty outside the Umm al-Qura calendar's years. */
    public static Optional<HijrahDate> hijriOf(LocalDate date) {
        try {
            return Optional.of(HijrahDate.from(date));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The name of a Hijri month, 1 to 12, as written in Arabic. */
    public static String hijriMonthName(int month) {
        return List.of(
                        "محرم",
                        "صفر",
                        "ربيع الأول",
                        "ربيع الآخر",
                        "جمادى الأولى",
                        "جمادى الآخرة",
                        "رجب",
                        "شعبان",
                        "رمضان",
                        "شوال",
                        "ذو القعدة",
                        "ذو الحجة")
                .get(month - 1);
    }

    /** Spelling-insensitive: hamza forms, alef maqsura, ta marbuta, tatweel and single spaces. */
    private static String key(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.strip().replaceAll("\\s+", " ").toCharArray()) {
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> sb.append('ا');
                case 'ى' -> sb.append('ي');
                case 'ة' -> sb.append('ه');
                case 'ـ' -> {}
                default -> {
                    if (c < '\u064B' || c > '\u0652') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int number(String digits) {
        return Integer.parseInt(Digits.western(digits));
    }
}
