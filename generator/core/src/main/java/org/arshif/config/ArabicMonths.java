package org.arshif.config;

import java.util.List;

/** The two sets of Arabic month names in use; the agency writes the Levantine (Syriac) set. */
public enum ArabicMonths {
    LEVANTINE(List.of("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
            "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول")),
    EGYPTIAN(List.of("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
            "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"));

    private final List<String> names;

    ArabicMonths(List<String> names) {
        this.names = names;
    }

    /** The name of a month, 1 to 12. */
    public String name(int month) {
        return names.get(month - 1);
    }
}
