package org.arshif.content;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of each string that recurs across dispatches (tags, languages, agencies, key names), per reader.
 * Not {@link String#intern()}: that table is global and outlives the build.
 */
final class Interner {
    private static final int LONGEST = 200; // longer strings rarely repeat

    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    String intern(String s) {
        if (s == null || s.length() > LONGEST) {
            return s;
        }
        // Most strings are known already: a plain get takes no lock, where putIfAbsent locks the bin every time.
        String known = strings.get(s);
        if (known != null) {
            return known;
        }
        known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }
}
