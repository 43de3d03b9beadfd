package org.arshif.content;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SectionSettings;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.Suggestions;

/**
 * Keys of {@code arshif.yml}'s {@code sections}, {@code sources} and {@code permalinks} that no dispatch matches: a
 * mistyped folder name there ({@code politcs} for {@code politics/}) was ignored without a word, and readers saw the
 * folder's own name, or the default URL, instead of the one configured. One warning a key, at the key, with the
 * closest name the dispatches have. Checked against every dispatch read, drafts too. Stateless.
 */
public final class UnmatchedSectionKeys {
    private UnmatchedSectionKeys() {}

    /** The warnings for the keys of {@code config} that none of {@code dispatches} matches, in the file's order. */
    public static List<Diagnostic> of(SiteConfig config, List<Dispatch> dispatches) {
        SortedSet<String> sections = new TreeSet<>(); // section paths and their folders' names
        SortedSet<String> targets = new TreeSet<>(config.languages()); // what a permalinks key may name
        SortedSet<String> sources = new TreeSet<>();
        for (Dispatch d : dispatches) {
            for (String s = d.section(); !s.isEmpty(); s = SectionSettings.parent(s)) {
                sections.add(s);
                sections.add(SectionSettings.folder(s));
                targets.add(s);
                targets.add(d.lang() + "/" + s);
            }
            if (!d.source().isEmpty()) {
                sources.add(d.source());
            }
        }
        SectionSettings settings = config.sections();
        List<Diagnostic> out = new ArrayList<>();
        unmatched(
                settings,
                "sections",
                settings.sections(),
                sections,
                out,
                "names no section folder, so readers see the folder's own name; a key is a folder's name or its path"
                        + " under the language folder, as economy or economy/gulf");
        unmatched(
                settings,
                "sources",
                settings.sources(),
                sources,
                out,
                "is the 'source:' of no dispatch, so readers see the value as written; a key is a source: value as the"
                        + " dispatches write it");
        unmatched(
                settings,
                "permalinks",
                settings.permalinks(),
                targets,
                out,
                "names no section folder or language, so its pattern applies to no dispatch; a key is a section's path"
                        + " (economy/gulf), a language (ar) or both (ar/economy)");
        out.sort(Diagnostic.ORDER);
        return out;
    }

    private static void unmatched(
            SectionSettings settings,
            String table,
            SortedMap<String, ?> keys,
            SortedSet<String> known,
            List<Diagnostic> out,
            String why) {
        for (String key : keys.keySet()) {
            if (known.contains(key)) {
                continue;
            }
            SectionSettings.KeyPlace place =
                    settings.places().getOrDefault(table + "/" + key, new SectionSettings.KeyPlace(1, 1));
            String hint = Suggestions.closest(key, known)
                    .map(k -> "; did you mean '" + k + "'?")
                    .orElse("");
            out.add(Diagnostic.warning(
                    ConfigLoader.FILE_NAME, place.line(), place.column(), table + ": '" + key + "' " + why + hint));
        }
    }
}
