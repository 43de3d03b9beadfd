package org.arshif.content;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.content.wire.WireCalendar;
import org.arshif.internal.Digits;

/**
 * The instant a wire's embargo line names, when it names one that reads only one way: a time of day in GMT or UTC
 * and a whole date with its year ({@code EMBARGOED UNTIL 0001 GMT MAY 5 2017}, {@code Not for publication before
 * 10:00 GMT, 5 May 2017}, {@code يحظر النشر قبل الساعة 10:00 بتوقيت غرينتش يوم 5 أيار 2017}, or ISO 8601 with its
 * zone). A line without a date or a year ({@code EMBARGO: 10:00 GMT}: which day?), in a local zone ({@code EST},
 * {@code بتوقيت مكة}) or with a time given twice is none: read wrong, it would publish a story before its embargo, so
 * it is left to the editor, who gives {@code publishDate}.
 */
final class EmbargoTime {
    /** The line's opening words, up to what should be its time and date. */
    private static final Pattern LEAD = Pattern.compile(
            "^[-–—*(/! ]*(?:(?i:embargo(?:ed)?|hold for release|not for (?:publication|release|broadcast)(?: or"
                    + " broadcast)?|for release)|(?:يحظر|حظر|ممنوع|محظور|يمنع) (?:ال)?نشر|لا ي?نشر)"
                    + "(?:\\s*[:\\-–—(]\\s*|\\s+(?i:until|till|to|before|for|at|on|after)\\b|\\s+(?:قبل|حتى|إلى|الى)\\b)*"
                    + "\\s*(?:الساعة\\s+|الساعه\\s+)?",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern ISO = Pattern.compile(
            "\\b(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2})?)\\s*(Z|[+-]\\d{2}:\\d{2}|(?i:GMT|UTC))\\b?");
    /** {@code 0001 GMT}, {@code 10:00 GMT}, {@code 10.00 UTC}, {@code 10:00 بتوقيت غرينتش}, {@code 1000Z}. */
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:.])([01]?\\d|2[0-3])[:.]?([0-5]\\d)\\s*(?:(?i:GMT|UTC|Z)\\b|(?:ت\\s?غ|بتوقيت\\s+(?:غرينتش|غرينيتش|جرينتش|جرينيتش)"
                    + "|(?:غرينتش|جرينتش)))",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern ANOTHER_TIME = Pattern.compile("\\d{1,2}[:.]\\d{2}|\\b\\d{4}\\s*(?i:[A-Z]{2,4})\\b");

    /** Words that may stand between the time and the date: {@code ,}, {@code on}, {@code يوم}. */
    private static final Pattern FILLER = Pattern.compile(
            "^[\\s,،.\\-–—()]*(?:(?i:on|of)\\s+|يوم\\s+|في\\s+)?|[\\s,،.\\-–—()]+$", Pattern.UNICODE_CHARACTER_CLASS);

    private EmbargoTime() {}

    /** The instant the embargo line {@code line} (stripped) names; empty unless it reads only one way. */
    static Optional<OffsetDateTime> of(String line) {
        String text = Digits.western(line.strip());
        Matcher lead = LEAD.matcher(text);
        String rest = lead.lookingAt() ? text.substring(lead.end()) : text;
        Matcher iso = ISO.matcher(rest);
        if (iso.find()) {
            try {
                String zone =
                        iso.group(3).equalsIgnoreCase("GMT") || iso.group(3).equalsIgnoreCase("UTC")
                                ? "Z"
                                : iso.group(3);
                return Optional.of(OffsetDateTime.parse(iso.group(1) + "T" + iso.group(2) + zone));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher time = TIME.matcher(rest);
        if (!time.find()) {
            return Optional.empty();
        }
        String date = (rest.substring(0, time.start()) + " " + rest.substring(time.end())).strip();
        if (ANOTHER_TIME.matcher(date).find()) {
            return Optional.empty();
        }
        date = FILLER.matcher(date).replaceAll("");
        Optional<LocalDate> day = date.isEmpty() ? Optional.empty() : WireCalendar.written(capitalized(date));
        return day.map(d -> OffsetDateTime.of(
                d, LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2))), ZoneOffset.UTC));
    }

    /** {@code MAY 5 2017} as {@code May 5 2017}: wires write their embargo lines in capitals. */
    private static String capitalized(String date) {
        StringBuilder out = new StringBuilder(date.length());
        boolean wordStart = true;
        for (int i = 0; i < date.length(); i++) {
            char c = date.charAt(i);
            out.append(c >= 'A' && c <= 'Z' && !wordStart ? (char) (c + 32) : c);
            wordStart = !Character.isLetter(c);
        }
        return out.toString();
    }
}
