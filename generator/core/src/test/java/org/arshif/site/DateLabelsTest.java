package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import org.arshif.config.ArabicMonths;
import org.junit.jupiter.api.Test;

/** Localized date labels; keys and URLs stay ISO elsewhere. */
class DateLabelsTest {
    static final OffsetDateTime DAY = OffsetDateTime.parse("2017-05-23T10:00:00+03:00");

    @Test
    void levantineMonthsAreTheDefaultSetAndEnglishIsPlain() {
        DateLabels labels = new DateLabels(ArabicMonths.LEVANTINE, false);
        assertEquals("23 أيار 2017", labels.day(DAY, "ar"));
        assertEquals("23 May 2017", labels.day(DAY, "en"));
        assertEquals("كانون الثاني 2018", labels.month(2018, 1, "ar"));
        assertEquals("كانون الأول", labels.monthName(12, "ar"));
        assertEquals("تشرين الأول", labels.monthName(10, "ar"));
    }

    @Test
    void egyptianMonthsOnRequest() {
        DateLabels labels = new DateLabels(ArabicMonths.EGYPTIAN, false);
        assertEquals("23 مايو 2017", labels.day(DAY, "ar"));
        assertEquals("يناير", labels.monthName(1, "ar"));
    }

    @Test
    void arabicIndicDigitsOnlyInArabic() {
        DateLabels labels = new DateLabels(ArabicMonths.LEVANTINE, true);
        assertEquals("٢٣ أيار ٢٠١٧", labels.day(DAY, "ar"));
        assertEquals("١٢٠", labels.number(120, "ar"));
        assertEquals("23 May 2017", labels.day(DAY, "en"));
        assertEquals("120", labels.number(120, "en"));
    }
}
