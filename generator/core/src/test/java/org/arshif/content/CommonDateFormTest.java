package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read common date form gives what OffsetDateTime.parse gives, and leaves every other text to it. */
class CommonDateFormTest {
    @Test
    void everyCommonFormReadsAsTheParserReadsIt() {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(List.of(
                "2024-02-29T23:59:59+03:00",
                "2023-02-29T10:00:00+03:00",
                "2024-04-31T10:00:00Z",
                "2024-01-01T24:00:00+03:00",
                "2024-01-01T10:60:00Z",
                "2024-01-01T10:00:60Z",
                "2024-13-01T10:00:00Z",
                "2024-00-01T10:00:00Z",
                "0000-01-01T00:00:00Z",
                "2024-01-01T10:00:00-00:00",
                "2024-01-01T10:00:00+18:00",
                "2024-01-01T10:00:00+19:00",
                "2024-01-01T10:00:00+03:60",
                "2024-01-01T10:00:00-03:30",
                "2024-01-01t10:00:00z",
                "2024-01-01T10:00:00+0300",
                "2024-01-01T10:00+03:00",
                "2024-01-01T10:00:00.5+03:00",
                "2024-01-01T10:00:00+03:00:00",
                "٢٠٢٤-01-01T10:00:00Z",
                "+2024-01-01T10:00:00Z",
                "2024-1-01T10:00:00+03:00",
                "2024-01-01T1a:00:00Z"));
        for (int i = 0; i < 20_000; i++) {
            texts.add(String.format(
                    Locale.ROOT,
                    "%04d-%02d-%02dT%02d:%02d:%02d%s",
                    random.nextInt(10_000),
                    random.nextInt(14),
                    random.nextInt(33),
                    random.nextInt(26),
                    random.nextInt(62),
                    random.nextInt(62),
                    random.nextInt(5) == 0
                            ? "Z"
                            : String.format(
                                    Locale.ROOT,
                                    "%s%02d:%02d",
                                    random.nextBoolean() ? "+" : "-",
                                    random.nextInt(20),
                                    random.nextInt(61))));
        }
        int read = 0;
        for (String text : texts) {
            OffsetDateTime parsed;
            try {
                parsed = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                assertNull(DispatchFields.commonForm(text), text);
                continue;
            }
            OffsetDateTime common = DispatchFields.commonForm(text);
            boolean commonShape = text.charAt(10) == 'T'
                    && (text.length() == 20 && text.endsWith("Z") || text.length() == 25 && text.charAt(22) == ':');
            if (commonShape) {
                assertNotNull(common, text);
            }
            if (common != null) {
                assertEquals(parsed, common, text);
                read++;
            }
        }
        assertEquals(true, read > 5_000, "the fast form was exercised: " + read);
    }
}
