package org.arshif.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sets of Arabic month names in use. The default is {@link #EGYPTIAN} (يناير … ديسمبر): it is what Egypt, Saudi
 * Arabia and the Gulf, Sudan, Libya and Yemen write, and Unicode CLDR's Arabic; SANA and the Levant write
 * {@link #LEVANTINE}, Algeria and Tunisia {@link #MAGHREBI}.
 */
public enum ArabicMonths {
    /** Syria, Lebanon, Jordan, Palestine, Iraq: the Syriac names. */
    LEVANTINE(List.of(
            "كانون الثاني",
            "شباط",
            "آذار",
            "نيسان",
            "أيار",
            "حزيران",
            "تموز",
            "آب",
            "أيلول",
            "تشرين الأول",
            "تشرين الثاني",
            "كانون الأول")),
    /** Egypt, Saudi Arabia and the Gulf (and CLDR's {@code ar}): from the Latin names. */
    EGYPTIAN(List.of(
            "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
            "ديسمبر")),
    /** Algeria and Tunisia: from the French names. */
    MAGHREBI(List.of(
            "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"));

    public static final ArabicMonths DEFAULT = EGYPTIAN;
    /** What a setting of the month names may be, for findings. */
    public static final String CHOICE = "arabicMonths must be 'egyptian' (يناير…, the default), 'levantine'"
            + " (كانون الثاني…) or 'maghrebi' (جانفي…)";

    private final List<String> names;

    ArabicMonths(List<String> names) {
        this.names = names;
    }

    /** The name of a month, 1 to 12. */
    public String name(int month) {
        return names.get(month - 1);
    }

    /** The set a setting names ({@code levantine}, in any case), if any. */
    public static Optional<ArabicMonths> named(String setting) {
        for (ArabicMonths m : values()) {
            if (m.name().equals(setting.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
