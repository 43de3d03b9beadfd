package org.arshif.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/** Reads {@code permalinks}, {@code sections} and {@code sources} from {@code arshif.yml}, reporting each mistake. */
final class SectionSettingsReader {
    private static final Pattern TOKEN = Pattern.compile(":[A-Za-z]+");
    // Literal text in a pattern: letters, digits, marks and the few punctuation marks safe in a URL path.
    private static final Pattern LITERAL = Pattern.compile("[\\p{L}\\p{M}\\p{N}/._~-]*");

    private SectionSettingsReader() {}

    static SectionSettings read(YFields f, List<String> languages) {
        Map<String, String> permalinks = new TreeMap<>();
        f.mapping("permalinks")
                .ifPresent(p -> p.node()
                        .entries()
                        .forEach((target, node) ->
                                pattern(p, target, node).ifPresent(v -> permalinks.put(target.strip(), v))));
        return SectionSettings.of(permalinks, labels(f, "sections", languages), labels(f, "sources", languages))
                .withPlaces(places(f));
    }

    /** Where each key of the three tables stands, as {@code table/key} (SectionSettings#places). */
    private static Map<String, SectionSettings.KeyPlace> places(YFields f) {
        Map<String, SectionSettings.KeyPlace> places = new TreeMap<>();
        for (String table : List.of("permalinks", "sections", "sources")) {
            f.mapping(table)
                    .ifPresent(t -> t.node()
                            .keys()
                            .forEach((key, node) -> places.put(
                                    table + "/" + key.strip(),
                                    new SectionSettings.KeyPlace(node.line(), node.column()))));
        }
        return places;
    }

    private static Optional<String> pattern(YFields p, String target, YNode node) {
        Optional<String> written = p.string(target);
        if (written.isEmpty()) {
            return written;
        }
        String pattern = written.get().strip();
        String example = "; for example " + target + ": /:sections/:year/:month/:day/:slug/";
        if (!pattern.startsWith("/") || !pattern.endsWith("/")) {
            p.error(node, "permalink '" + pattern + "' must start and end with '/'" + example);
            return Optional.empty();
        }
        boolean ok = true;
        boolean names = false;
        Matcher m = TOKEN.matcher(pattern);
        int literalFrom = 0;
        while (m.find()) {
            ok &= literal(p, node, pattern, pattern.substring(literalFrom, m.start()));
            literalFrom = m.end();
            String token = m.group();
            if (!SectionSettings.TOKENS.contains(token)) {
                // The column of the token itself when the value is written plainly on one line.
                p.error(
                        new YNode.Scalar(token, YNode.ScalarKind.STRING, node.line(), node.column() + m.start()),
                        "unknown permalink token '" + token + "' in '" + pattern + "'; valid tokens: "
                                + String.join(", ", SectionSettings.TOKENS));
                ok = false;
            }
            names |= token.equals(":slug")
                    || token.equals(":filename")
                    || token.equals(":slugorfilename")
                    || token.equals(":title");
        }
        ok &= literal(p, node, pattern, pattern.substring(literalFrom));
        if (ok && !names) {
            p.error(
                    node,
                    "permalink '" + pattern
                            + "' has none of :slug, :filename, :slugorfilename or :title, so all dispatches it"
                            + " applies to in one month would share one URL" + example);
            ok = false;
        }
        return ok ? Optional.of(pattern) : Optional.empty();
    }

    private static boolean literal(YFields p, YNode node, String pattern, String text) {
        // A folder name may not end with '.' (Windows drops it): '/./', '/../' and '/x./' are out.
        if (LITERAL.matcher(text).matches() && !text.contains("//") && !text.contains("./")) {
            return true;
        }
        p.error(
                node,
                "permalink '" + pattern + "' holds '" + text + "'; between tokens only letters, digits and"
                        + " '-', '_', '.', '~' may stand, in folders separated by single '/'");
        return false;
    }

    /** {@code key: {ar: name, en: name}}; a language the site does not publish is reported. */
    private static Map<String, Map<String, String>> labels(YFields f, String key, List<String> languages) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        f.mapping(key)
                .ifPresent(table -> table.node().entries().forEach((name, node) -> {
                    Map<String, String> names = new TreeMap<>();
                    table.mapping(name)
                            .ifPresent(byLang -> byLang.node().entries().forEach((lang, value) -> {
                                if (!languages.contains(lang)) {
                                    byLang.error(
                                            byLang.node().keys().get(lang),
                                            "'" + lang + "' is not one of this site's languages "
                                                    + languages + "; write the names of '" + name + "' as " + key
                                                    + ": {" + name
                                                    + ": {ar: …, en: …}}");
                                } else {
                                    byLang.string(lang)
                                            .map(String::strip)
                                            .filter(s -> !s.isEmpty())
                                            .ifPresent(v -> names.put(
                                                    lang,
                                                    java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFC)));
                                }
                            }));
                    out.put(name.strip(), names);
                }));
        return out;
    }
}
