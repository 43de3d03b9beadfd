package org.arshif.content.wire;

/**
 * A dateline found at the start of a dispatch, as written: empty strings for the parts it lacks.
 *
 * @param profile  the agency profile whose pattern matched
 * @param city     place of filing
 * @param agency   the agency as written ({@code واس}, {@code Reuters}), or empty
 * @param gregorian the Gregorian date's day, month and year, or empty strings
 * @param hijri     the Hijri date's day, month and year, or empty strings
 * @param length    characters of the paragraph the dateline takes, separator included
 */
public record Dateline(String profile, String city, String agency, DateParts gregorian, DateParts hijri, int length) {

    /** A date as the dateline writes it: the month may be a name or a number. */
    public record DateParts(String day, String month, String year) {
        public static final DateParts NONE = new DateParts("", "", "");

        public boolean isPresent() {
            return !day.isEmpty() && !month.isEmpty();
        }

        @Override
        public String toString() {
            return (day + " " + month + " " + year).strip();
        }
    }
}
