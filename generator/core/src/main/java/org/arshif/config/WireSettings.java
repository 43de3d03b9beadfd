package org.arshif.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agency profiles and where they apply.
 *
 * @param profiles  the site's own profiles in the order written, then the built-in ones (a site's profile of
 *                  the same name replaces the built-in one); detection tries them in this order
 * @param folders   folder under {@code content/} (like {@code ar/spa}) to the profile its dispatches use
 * @param showHijri show the Hijri (Umm al-Qura) date beside the Gregorian one on Arabic pages
 */
public record WireSettings(List<AgencyProfile> profiles, Map<String, String> folders, boolean showHijri) {
    public WireSettings {
        profiles = List.copyOf(profiles);
        folders = Collections.unmodifiableMap(new TreeMap<>(folders));
    }

    public static WireSettings defaults() {
        return new WireSettings(AgencyProfiles.builtIn(), Map.of(), false);
    }
}
