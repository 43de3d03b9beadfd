package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import org.arshif.config.ArabicMonths;
import org.junit.jupiter.api.Test;

/** Localized date labels; keys and URLs stay ISO elsewhere. */
class DateLabelsTest {
    static final OffsetDateTime DAY = OffsetDateTime.parse("2017-05-23T10:00:00+03:00");

    @Test
    void levantineMonthsOnRequestAndEnglishIsPlain() {
        DateLabels labels = new DateLabels(ArabicMonths.LEVANTINE, false);
        assertEquals("23 أيار 2017", labels.day(DAY, "ar"));
        assertEquals("23 May 2017", labels.day(DAY, "en"));
        assertEquals("كانون الثاني 2018", labels.month(2018, 1, "ar"));
        assertEquals("كانون الأول", labels.monthName(12, "ar"));
        assertEquals("تشرين الأول", labels.monthName(10, "ar"));
    }

    @Test
    void egyptianMonthsAreTheDefault() {
        assertEquals(ArabicMonths.EGYPTIAN, ArabicMonths.DEFAULT);
        assertEquals(
                ArabicMonths.DEFAULT, org.arshif.config.SiteConfig.defaults().arabicMonths());
        DateLabels labels = new DateLabels(ArabicMonths.DEFAULT, false);
        assertEquals("23 مايو 2017", labels.day(DAY, "ar"));
        assertEquals("يناير", labels.monthName(1, "ar"));
        assertEquals("أغسطس", labels.monthName(8, "ar"));
    }

    @Test
    void maghrebiMonthsAndADispatchsOwnSet() {
        assertEquals("23 ماي 2017", new DateLabels(ArabicMonths.MAGHREBI, false).day(DAY, "ar"));
        DateLabels site = new DateLabels(ArabicMonths.EGYPTIAN, false);
        assertEquals("23 أيار 2017", site.day(DAY, "ar", ArabicMonths.LEVANTINE));
        assertEquals("23 مايو 2017", site.day(DAY, "ar", null));
        assertEquals("23 May 2017", site.day(DAY, "en", ArabicMonths.LEVANTINE));
    }

    @Test
    void hijriDatesInUmmAlQura() {
        assertEquals("26 شعبان 1438 هـ", new DateLabels(ArabicMonths.EGYPTIAN, false).hijri(DAY.minusDays(1), "ar"));
        assertEquals("٢٦ شعبان ١٤٣٨ هـ", new DateLabels(ArabicMonths.EGYPTIAN, true).hijri(DAY.minusDays(1), "ar"));
        // Outside the calendar's years (1300 to 1600 AH) there is no Hijri label rather than a wrong one.
        assertEquals("", new DateLabels(ArabicMonths.EGYPTIAN, false).hijri(DAY.withYear(1800), "ar"));
    }

    @Test
    void arabicIndicDigitsOnlyInArabic() {
        DateLabels labels = new DateLabels(ArabicMonths.LEVANTINE, true);
        assertEquals("٢٣ أيار ٢٠١٧", labels.day(DAY, "ar"));
        assertEquals("١٢٠", labels.number(120, "ar"));
        assertEquals("23 May 2017", labels.day(DAY, "en"));
        assertEquals("120", labels.number(120, "en"));
    }

    @Test
    void timestampsAreIsoOffsetDateTimesWithSeconds() {
        java.util.Random random = new java.util.Random(7);
        int[] years = {0, 7, 99, 999, 1438, 2017, 9999, 10000, -1};
        for (int i = 0; i < 20_000; i++) {
            java.time.OffsetDateTime t = java.time.OffsetDateTime.of(
                    years[random.nextInt(years.length)],
                    1 + random.nextInt(12),
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60),
                    random.nextInt(8) == 0 ? random.nextInt(1_000_000_000) : 0,
                    java.time.ZoneOffset.ofTotalSeconds(
                            (random.nextInt(37) - 18) * 3600 / 2 + (random.nextInt(10) == 0 ? random.nextInt(60) : 0)));
            assertEquals(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t), DateLabels.timestamp(t));
        }
        assertEquals(
                "2017-05-22T00:00:00+03:00",
                DateLabels.timestamp(java.time.OffsetDateTime.parse("2017-05-22T00:00+03:00")));
        assertEquals(
                "2017-05-22T09:05:03Z", DateLabels.timestamp(java.time.OffsetDateTime.parse("2017-05-22T09:05:03Z")));
    }
}
