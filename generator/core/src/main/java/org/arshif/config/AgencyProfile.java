package org.arshif.config;

import java.util.List;

/**
 * How one wire writes its plain-text dispatches, as data: built-in profiles come from {@code agencies.yml} in the
 * jar, a newsroom's own from {@code agencies:} in {@code arshif.yml}. Every pattern is RE2 syntax
 * ({@link UserPatterns}), so no profile can hang a build.
 *
 * @param name          the profile's name, e.g. {@code spa}; {@code agencyProfiles} choose it per folder
 * @param datelines     patterns for the dateline at the start of the first paragraph; groups {@code city}
 *                      (required), {@code agency}, {@code gday}/{@code gmonth}/{@code gyear} (Gregorian) and
 *                      {@code hday}/{@code hmonth}/{@code hyear} (Hijri, Umm al-Qura)
 * @param ends          patterns for end markers and trailing lines: the first matching line and all after it
 *                      are cut ({@code // انتهى //}, {@code 18:37 ت م NNNN})
 * @param categories    patterns for a category prefix of the title ({@code سياسي /}); group {@code category}
 *                      becomes a tag, the match is removed from the title
 * @param continuations patterns for a continuation marker in the title ({@code / إضافة أولى}); group
 *                      {@code part} says which part, the match is removed from the title
 */
public record AgencyProfile(
        String name, List<String> datelines, List<String> ends, List<String> categories, List<String> continuations) {
    public AgencyProfile {
        datelines = List.copyOf(datelines);
        ends = List.copyOf(ends);
        categories = List.copyOf(categories);
        continuations = List.copyOf(continuations);
    }
}
