package org.arshif.content;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zones a wire's embargo line may name and Arshif reads, a fixed table (README, "Wire formats"): GMT and UTC;
 * an offset ({@code +03:00}, {@code +0300}, {@code GMT+3}); the abbreviations that mean one offset only ({@code EST}
 * −05:00, {@code EDT} −04:00, {@code CET} +01:00, {@code EEST} +03:00, {@code MSK} +03:00, …); and a place's time in
 * Arabic ({@code بتوقيت مكة} is Asia/Riyadh, {@code بتوقيت دمشق} Asia/Damascus, …), whose offset on the day the
 * time zone database gives (summer time included). An abbreviation that means two zones ({@code IST}: India or
 * Irish Standard Time) is not read: {@link #readings} names its meanings; {@code BST} (British Summer Time or
 * Bangladesh Standard Time) is read all the same, as the later of its readings ({@link #BRITISH_SUMMER}).
 */
final class EmbargoZones {
    private static final Map<String, ZoneOffset> ABBREVIATIONS = new TreeMap<>(Map.ofEntries(
            Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("UT", ZoneOffset.UTC),
            Map.entry("Z", ZoneOffset.UTC),
            Map.entry("WET", ZoneOffset.UTC),
            Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("EST", ZoneOffset.ofHours(-5)),
            Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("MST", ZoneOffset.ofHours(-7)),
            Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("HKT", ZoneOffset.ofHours(8)),
            Map.entry("SGT", ZoneOffset.ofHours(8)),
            Map.entry("JST", ZoneOffset.ofHours(9)),
            Map.entry("AEST", ZoneOffset.ofHours(10)),
            Map.entry("AEDT", ZoneOffset.ofHours(11))));

    /** Places whose time an Arabic line names ({@code بتوقيت مكة المكرمة}); عمان (Amman or Oman) is not one. */
    private static final Map<String, String> PLACES = new TreeMap<>(Map.ofEntries(
            Map.entry("غرينتش", "Z"),
            Map.entry("غرينيتش", "Z"),
            Map.entry("جرينتش", "Z"),
            Map.entry("جرينيتش", "Z"),
            Map.entry("مكة المكرمة", "Asia/Riyadh"),
            Map.entry("مكة", "Asia/Riyadh"),
            Map.entry("الرياض", "Asia/Riyadh"),
            Map.entry("السعودية", "Asia/Riyadh"),
            Map.entry("الدوحة", "Asia/Qatar"),
            Map.entry("الكويت", "Asia/Kuwait"),
            Map.entry("المنامة", "Asia/Bahrain"),
            Map.entry("البحرين", "Asia/Bahrain"),
            Map.entry("أبوظبي", "Asia/Dubai"),
            Map.entry("أبو ظبي", "Asia/Dubai"),
            Map.entry("دبي", "Asia/Dubai"),
            Map.entry("الإمارات", "Asia/Dubai"),
            Map.entry("مسقط", "Asia/Muscat"),
            Map.entry("بغداد", "Asia/Baghdad"),
            Map.entry("دمشق", "Asia/Damascus"),
            Map.entry("بيروت", "Asia/Beirut"),
            Map.entry("القاهرة", "Africa/Cairo"),
            Map.entry("الخرطوم", "Africa/Khartoum"),
            Map.entry("تونس", "Africa/Tunis"),
            Map.entry("الجزائر", "Africa/Algiers"),
            Map.entry("الرباط", "Africa/Casablanca")));

    /**
     * The place whose clock each abbreviation of a standard or a summer time names, where summer time is kept: written
     * on a day that place is on the other ({@code EDT} in January, {@code EST} in July), the name contradicts the
     * date. A standard time's name is one places without summer time use all year ({@code EST} in Panama, {@code MST}
     * in Arizona, {@code AEST} in Queensland, {@code CET} in Tunis), so it is named but kept; the safe reading is the
     * later instant.
     */
    private static final Map<String, String> SEASONAL = new TreeMap<>(Map.ofEntries(
            Map.entry("BST", "Europe/London"),
            Map.entry("WET", "Europe/Lisbon"),
            Map.entry("WEST", "Europe/Lisbon"),
            Map.entry("CET", "Europe/Paris"),
            Map.entry("CEST", "Europe/Paris"),
            Map.entry("EET", "Europe/Athens"),
            Map.entry("EEST", "Europe/Athens"),
            Map.entry("EST", "America/New_York"),
            Map.entry("EDT", "America/New_York"),
            Map.entry("MST", "America/Denver"),
            Map.entry("MDT", "America/Denver"),
            Map.entry("PDT", "America/Los_Angeles"),
            Map.entry("AEST", "Australia/Sydney"),
            Map.entry("AEDT", "Australia/Sydney")));

    /**
     * British Summer Time's offset, at which {@code BST} is read: its other reading, Bangladesh's +06:00, is always the
     * earlier, and on a day London keeps GMT, GMT is later still ({@link #later}), so the later holds safely.
     */
    static final ZoneOffset BRITISH_SUMMER = ZoneOffset.ofHours(1);

    /** What each abbreviation of two meanings may mean, with its offset. */
    private static final Map<String, Map<String, String>> TWO_WAYS = new TreeMap<>(Map.of(
            "BST", ordered("British Summer Time", "+01:00", "Bangladesh Standard Time", "+06:00"),
            "IST", ordered("India Standard Time", "+05:30", "Irish Standard Time", "+01:00"),
            "CST", ordered("US Central Standard Time", "-06:00", "China Standard Time", "+08:00"),
            "CDT", ordered("US Central Daylight Time", "-05:00", "Cuba Daylight Time", "-04:00"),
            "AST", ordered("Arabia Standard Time", "+03:00", "Atlantic Standard Time", "-04:00"),
            "PST", ordered("Pacific Standard Time", "-08:00", "Philippine Standard Time", "+08:00"),
            "GST", ordered("Gulf Standard Time", "+04:00", "South Georgia Time", "-02:00")));

    private static final String OFFSET = "(?:(?i:GMT|UTC)\\s?)?[+\\-−](?:0?\\d|1[0-4])(?::?[0-5]\\d)?(?!\\d)";

    /** A zone as a line writes it, longest names first. */
    static final String PATTERN = OFFSET + "|(?i:GMT|UTC)\\b|Z\\b|(?:" + String.join("|", ABBREVIATIONS.keySet())
            + ")\\b|ت\\s?\\.?\\s?غ\\b|(?:بتوقيت|بتوقيتِ|حسب توقيت|توقيت)\\s+(?:"
            + String.join(
                    "|",
                    PLACES.keySet().stream()
                            .sorted((a, b) -> b.length() - a.length())
                            .toList()) + ")"
            + "|(?:غرينتش|جرينتش)";

    static final Pattern AMBIGUOUS = Pattern.compile("\\b(" + String.join("|", TWO_WAYS.keySet()) + ")\\b");

    private static final Pattern OFFSET_ONLY =
            Pattern.compile("(?:(?i:GMT|UTC)\\s?)?([+\\-−])(\\d{1,2})(?::?(\\d{2}))?");

    private EmbargoZones() {}

    /** The zone {@code written} (a match of {@link #PATTERN}) names. */
    static Optional<ZoneId> zone(String written) {
        String s = written.strip();
        Matcher offset = OFFSET_ONLY.matcher(s);
        if (offset.matches()) {
            int sign = offset.group(1).equals("+") ? 1 : -1;
            int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(offset.group(2)), sign * minutes));
        }
        ZoneOffset abbreviated = ABBREVIATIONS.get(s.toUpperCase(Locale.ROOT));
        if (abbreviated != null) {
            return Optional.of(abbreviated);
        }
        if (s.matches("ت\\s?\\.?\\s?غ")) {
            return Optional.of(ZoneOffset.UTC); // توقيت غرينتش, abbreviated
        }
        String place = s.replaceFirst("^(?:بتوقيتِ?|حسب توقيت|توقيت)\\s+", "").replaceAll("\\s+", " ");
        return Optional.ofNullable(PLACES.get(place)).map(ZoneId::of);
    }

    /**
     * The place whose clock {@code name} (as written, any case) is, when it is a standard or summer time's abbreviation
     * of {@link #SEASONAL}; empty for any other name.
     */
    static Optional<ZoneId> seasonalPlace(String name) {
        return Optional.ofNullable(SEASONAL.get(name.strip().toUpperCase(Locale.ROOT)))
                .map(ZoneId::of);
    }

    /** How a notice names a place of the tz database: its city ({@code New York} for {@code America/New_York}). */
    static String city(ZoneId place) {
        return place.getId().substring(place.getId().lastIndexOf('/') + 1).replace('_', ' ');
    }

    /**
     * The offset the place whose clock {@code name} names keeps at {@code local}, when that differs from {@code
     * asWritten} ({@code EDT} in January: New York keeps −05:00, not −04:00); empty when it agrees or the name is
     * not a seasonal one.
     */
    static Optional<ZoneOffset> otherSeason(String name, LocalDateTime local, ZoneOffset asWritten) {
        return seasonalPlace(name).map(p -> p.getRules().getOffset(local)).filter(o -> !o.equals(asWritten));
    }

    /**
     * {@code written}, or the same local time at the offset {@code name}'s place keeps that day when that is the
     * later instant ({@code EDT} in January: −05:00, not an hour early): a time that holds a dispatch back is read the
     * safe way. {@code written} itself for any other name.
     */
    static OffsetDateTime later(String name, OffsetDateTime written) {
        LocalDateTime local = written.toLocalDateTime();
        return otherSeason(name, local, written.getOffset())
                .filter(o -> o.getTotalSeconds() < written.getOffset().getTotalSeconds())
                .map(local::atOffset)
                .orElse(written);
    }

    /** What the abbreviation {@code name} may mean, each with its offset, in order. */
    static Map<String, String> readings(String name) {
        return TWO_WAYS.getOrDefault(name, Map.of());
    }

    private static Map<String, String> ordered(String a, String aOffset, String b, String bOffset) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(a, aOffset);
        m.put(b, bOffset);
        return m;
    }
}
