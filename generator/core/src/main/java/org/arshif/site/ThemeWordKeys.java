package org.arshif.site;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.Suggestions;
import org.arshif.internal.yaml.YNode;

/**
 * A key of the site's {@code templates/i18n.yml} that is a near miss of one of the theme's words ({@code serach}
 * for {@code search}) changes nothing: the pages keep the theme's word, and the editor does not learn why. It gets
 * a warning with the key it likely meant, unless one of the site's templates names it (then it is a word of the
 * site's own templates, read as {@code page.t.serach}). A language whose name differs from the theme's only in case
 * ({@code AR} for {@code ar}) likewise.
 */
final class ThemeWordKeys {
    private static final String LABEL = "templates/" + Theme.I18N_FILE;

    private ThemeWordKeys() {}

    /**
     * Checks the languages and keys of the site's {@code i18n.yml} ({@code site}) against the built-in theme's
     * languages and words ({@code themeKeys}, of every language).
     */
    static void check(
            YNode.Map site,
            Set<String> themeLanguages,
            Set<String> themeKeys,
            Path siteTemplates,
            Diagnostics diagnostics) {
        String templates = null; // the site's templates, read once and only for a near miss
        for (Map.Entry<String, YNode> language : site.entries().entrySet()) {
            String lang = language.getKey();
            if (!themeLanguages.contains(lang)) {
                themeLanguages.stream()
                        .sorted()
                        .filter(l -> l.equalsIgnoreCase(lang))
                        .findFirst()
                        .ifPresent(meant -> warn(
                                diagnostics,
                                site.keys().get(lang),
                                "'" + lang + "' is not a language of the theme's words, so its pages keep the theme's '"
                                        + meant + "' words; language codes are lower case: write " + meant + ":"));
            }
            if (!(language.getValue() instanceof YNode.Map words)) {
                continue; // reported where the words are merged
            }
            for (String key : words.entries().keySet()) {
                Optional<String> meant =
                        themeKeys.contains(key) ? Optional.empty() : Suggestions.closest(key, themeKeys);
                if (meant.isEmpty()) {
                    continue;
                }
                templates = templates == null ? templateTexts(siteTemplates) : templates;
                if (!named(templates, key)) {
                    warn(
                            diagnostics,
                            words.keys().get(key),
                            "'" + key + "' is not one of the theme's words, so the pages keep the theme's; did you"
                                    + " mean '" + meant.get() + "'? Rename the key (if your own templates read it as"
                                    + " page.t." + key + ", this warning goes away)");
                }
            }
        }
    }

    private static void warn(Diagnostics diagnostics, YNode.Scalar at, String message) {
        diagnostics.warning(LABEL, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message);
    }

    /** Whether a template's text names {@code key} as a whole word. */
    private static boolean named(String texts, String key) {
        return Pattern.compile("(?<![\\w])" + Pattern.quote(key) + "(?![\\w])")
                .matcher(texts)
                .find();
    }

    /** The text of every template at the top of the site's templates folder, in name order. */
    private static String templateTexts(Path siteTemplates) {
        Map<String, Path> own = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(siteTemplates, "*.ftl*")) {
            entries.forEach(entry -> own.put(entry.getFileName().toString(), entry));
        } catch (IOException e) {
            return ""; // the loader reports a folder it cannot read, when a page needs it
        }
        StringBuilder out = new StringBuilder();
        own.values().stream()
                .filter(Files::isRegularFile)
                .forEach(f -> out.append(ThemeOverrides.read(f)).append('\n'));
        return out.toString();
    }
}
