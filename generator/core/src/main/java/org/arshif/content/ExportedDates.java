package org.arshif.content;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date forms other systems export into front-matter, beyond ISO 8601: Jekyll's and WordPress exporters'
 * {@code 2017-05-01 10:00:00 +0300} (an offset without its colon, after a space), {@code … UTC}, and RSS's
 * {@code Mon, 01 May 2017 10:00:00 +0300} (RFC 1123). Hugo reads them all; an archive moved from those systems
 * holds thousands.
 */
final class ExportedDates {
    private static final Pattern SPACED_OFFSET =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?) ?"
                    + "(?:(Z|UTC|GMT)|([+-])(\\d{2}):?(\\d{2}))");
    private static final Pattern RFC_1123 = Pattern.compile("(?:[A-Z][a-z]{2}, )?\\d{1,2} [A-Z][a-z]{2} \\d{4} .*");

    private ExportedDates() {}

    /** The instant {@code s} names in one of those forms, or null when it is none of them (or no real day). */
    static OffsetDateTime parse(String s) {
        try {
            Matcher m = SPACED_OFFSET.matcher(s);
            if (m.matches()) {
                LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
                ZoneOffset offset =
                        m.group(3) != null ? ZoneOffset.UTC : ZoneOffset.of(m.group(4) + m.group(5) + ":" + m.group(6));
                return local.atOffset(offset);
            }
            if (RFC_1123.matcher(s).matches()) {
                return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
            }
        } catch (DateTimeException e) {
            return null; // out of range: the ISO reading that follows reports it by field
        }
        return null;
    }
}
