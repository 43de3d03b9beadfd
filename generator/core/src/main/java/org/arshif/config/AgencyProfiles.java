package org.arshif.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.Suggestions;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;
import org.arshif.internal.yaml.YamlReader;

/**
 * Reads agency profiles: the built-in ones ({@code agencies.yml} beside this class) and a site's own
 * ({@code agencies:} in {@code arshif.yml}), each mistake reported at its key or list item.
 */
public final class AgencyProfiles {
    static final String RESOURCE = "agencies.yml";
    private static final Set<String> KEYS = Set.of("datelines", "ends", "categories", "continuations");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final List<AgencyProfile> BUILT_IN = readBuiltIn();

    private AgencyProfiles() {}

    /** The profiles shipped in the jar, in detection order. */
    public static List<AgencyProfile> builtIn() {
        return BUILT_IN;
    }

    private static List<AgencyProfile> readBuiltIn() {
        try (InputStream in = AgencyProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + RESOURCE + " is missing from the jar");
            }
            Diagnostics d = new Diagnostics();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Optional<YNode> root = YamlReader.parse(text, RESOURCE, 0, d);
            List<AgencyProfile> out = root.filter(YNode.Map.class::isInstance)
                    .map(m -> read((YNode.Map) m, RESOURCE, d))
                    .orElse(List.of());
            if (d.hasErrors() || out.isEmpty()) {
                throw new IllegalStateException("the built-in " + RESOURCE + " is invalid: " + d.sorted());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The profiles of a mapping from names to profiles, in the order written; bad ones are left out. */
    static List<AgencyProfile> read(YNode.Map map, String path, Diagnostics d) {
        YFields all = new YFields(map, path, d);
        List<AgencyProfile> out = new ArrayList<>();
        for (Map.Entry<String, YNode> e : map.entries().entrySet()) {
            String name = e.getKey();
            if (!NAME.matcher(name).matches()) {
                all.error(
                        map.keys().get(name),
                        "agency profile name '" + name + "' must be lower-case letters,"
                                + " digits and '-', like 'spa' or 'my-agency'");
                continue;
            }
            if (!(e.getValue() instanceof YNode.Map body)) {
                all.error(
                        e.getValue(),
                        "agency profile '" + name + "' must be a mapping with datelines, ends,"
                                + " categories and continuations, but it is "
                                + e.getValue().kindName());
                continue;
            }
            YFields f = new YFields(body, path, d);
            f.rejectUnknown(KEYS, "agency profile");
            out.add(new AgencyProfile(
                    name,
                    patterns(f, "datelines", "city"),
                    patterns(f, "ends", null),
                    patterns(f, "categories", "category"),
                    patterns(f, "continuations", null)));
        }
        return out;
    }

    /** The usable patterns of a key; each unusable one is reported at its own list item. */
    private static List<String> patterns(YFields f, String key, String requiredGroup) {
        List<String> written = f.stringList(key).orElse(List.of());
        YNode node = f.get(key).orElse(null);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String p = written.get(i);
            String problem = UserPatterns.problem(p);
            if (problem == null && requiredGroup != null && !p.contains("(?P<" + requiredGroup + ">")) {
                problem = "has no group (?P<" + requiredGroup + ">…); add one around the " + requiredGroup;
            }
            if (problem == null) {
                out.add(p);
            } else {
                YNode at = node instanceof YNode.Seq seq && seq.items().size() == written.size()
                        ? seq.items().get(i)
                        : node;
                f.error(at, key + ": '" + p + "' " + problem);
            }
        }
        return out;
    }

    /**
     * The site's profiles, then the built-in ones it does not replace by name.
     */
    static List<AgencyProfile> withBuiltIn(List<AgencyProfile> own) {
        Map<String, AgencyProfile> byName = new LinkedHashMap<>();
        own.forEach(p -> byName.put(p.name(), p));
        BUILT_IN.forEach(p -> byName.putIfAbsent(p.name(), p));
        return List.copyOf(byName.values());
    }

    /**
     * {@code agencyProfiles}: folders under {@code content/} to profile names; a name that is no profile is an
     * error at its value, with the closest name.
     */
    static Map<String, String> folders(YFields f, List<AgencyProfile> profiles) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<YFields> map = f.mapping("agencyProfiles");
        if (map.isEmpty()) {
            return out;
        }
        Set<String> names = new TreeSet<>();
        profiles.forEach(p -> names.add(p.name()));
        for (String folder : map.get().node().entries().keySet()) {
            Optional<String> name = map.get().string(folder).map(String::strip);
            String clean = folder.strip().replaceAll("^/+|/+$", "");
            if (name.isEmpty()) {
                continue;
            }
            if (!names.contains(name.get())) {
                String hint = Suggestions.closest(name.get(), names)
                        .map(n -> "did you mean '" + n + "'?")
                        .orElse("the profiles are " + String.join(", ", names));
                map.get()
                        .error(
                                map.get().get(folder).orElseThrow(),
                                "agencyProfiles: '" + folder + "' names the" + " profile '" + name.get()
                                        + "', which does not exist; " + hint);
            } else if (clean.isEmpty() || clean.contains("..")) {
                map.get()
                        .error(
                                map.get().node().keys().get(folder),
                                "agencyProfiles: '" + folder + "' is not a"
                                        + " folder under content/; write it like ar/spa");
            } else {
                out.put(clean, name.get());
            }
        }
        return out;
    }
}
