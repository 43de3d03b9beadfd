package org.arshif.content;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The known front-matter key a written key is read as, the same for a read dispatch and for {@code check}'s look at
 * a file the load refused: itself, or, as Hugo reads keys without regard to case, the known key it spells in another
 * case ({@code expirydate} is {@code expiryDate}) when the front-matter does not also write that one. Stateless.
 */
public final class FrontMatterKeys {
    /** Each known key by its lower case, computed once rather than searched for each key of each dispatch. */
    private static final Map<String, String> KNOWN_BY_LOWER_CASE = byLowerCase(DispatchReader.KNOWN_KEYS);

    private FrontMatterKeys() {}

    private static Map<String, String> byLowerCase(Set<String> known) {
        Map<String, String> byLower = new TreeMap<>();
        // sorted, so two known keys of one lower case (none today) would give the same one each run
        known.stream().sorted().forEach(k -> byLower.putIfAbsent(k.toLowerCase(Locale.ROOT), k));
        return Map.copyOf(byLower);
    }

    /**
     * The known key {@code key} is read as, or empty for a key Arshif does not know (kept for templates);
     * {@code written} are the front-matter's keys as written.
     */
    public static Optional<String> readAs(String key, Set<String> written) {
        if (DispatchReader.KNOWN_KEYS.contains(key)) {
            return Optional.of(key);
        }
        String meant = KNOWN_BY_LOWER_CASE.get(key.toLowerCase(Locale.ROOT));
        return meant != null && !written.contains(meant) ? Optional.of(meant) : Optional.empty();
    }
}
