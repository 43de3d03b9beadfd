package org.arshif.content.wire;

/**
 * A wire title taken apart.
 *
 * @param title    the title without category prefix and continuation marker
 * @param category the category prefix ({@code سياسي}), or empty
 * @param part     the continuation: {@code -1} none, {@code 0} the lead of a story that continues ({@code يتبع}),
 *                 {@code 1} the first addition ({@code إضافة أولى}), and so on; {@link #LAST} for {@code إضافة أخيرة}
 */
public record TitleParts(String title, String category, int part) {
    public static final int NONE = -1;
    public static final int LAST = 99;
}
