package org.arshif.content.wire;

import java.util.Locale;
import java.util.Map;

/** Continuation markers as part numbers: {@code إضافة أولى} is 1, {@code يتبع} (more follows) 0. */
final class Continuations {
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("أولى", 1),
            Map.entry("اولى", 1),
            Map.entry("ثانية", 2),
            Map.entry("ثالثة", 3),
            Map.entry("رابعة", 4),
            Map.entry("خامسة", 5),
            Map.entry("سادسة", 6),
            Map.entry("سابعة", 7),
            Map.entry("ثامنة", 8),
            Map.entry("تاسعة", 9),
            Map.entry("عاشرة", 10),
            Map.entry("أخيرة", TitleParts.LAST),
            Map.entry("اخيرة", TitleParts.LAST),
            Map.entry("first", 1),
            Map.entry("second", 2),
            Map.entry("third", 3),
            Map.entry("fourth", 4),
            Map.entry("fifth", 5),
            Map.entry("last", TitleParts.LAST),
            Map.entry("final", TitleParts.LAST));

    private Continuations() {}

    /** The part a marker names; its last word is an ordinal or a number, else (like يتبع) it marks the lead. */
    static int number(String marker) {
        String[] words = marker.strip().toLowerCase(Locale.ROOT).split("\\s+");
        String last = words[words.length - 1];
        if (last.matches("[0-9]{1,2}")) {
            return Integer.parseInt(last);
        }
        return ORDINALS.getOrDefault(last, 0);
    }
}
