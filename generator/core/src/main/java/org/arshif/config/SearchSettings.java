package org.arshif.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/**
 * The {@code search:} settings of {@code arshif.yml}.
 *
 * <pre>{@code
 * search:
 *   protect: [الرياض, الوطن]    # words kept whole: never stemmed, so الرياض no longer meets الرياضة
 *   readableClient: true         # serve the client's modules as written, comments and all
 * }</pre>
 *
 * @param protect        words the search analyzer keeps whole, besides its own list (in the order written); the
 *                       build suggests them when it finds a stem that joins two families of words
 * @param readableClient serve the search client's modules as written, with their comments, to read and debug them
 *                       in a browser; by default they are served without comments and indentation, half the bytes
 */
public record SearchSettings(List<String> protect, boolean readableClient) {
    /** One word: letters, marks and digits (a tatweel too), as the analyzer tokenizes. */
    private static final Pattern ONE_WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}\\x{0640}]+");

    public SearchSettings {
        protect = List.copyOf(protect);
    }

    public static SearchSettings defaults() {
        return new SearchSettings(List.of(), false);
    }

    /** Reads {@code search:}; a mistake is a finding at its line and column, and the setting is left out. */
    static SearchSettings read(YFields config) {
        return config.mapping("search")
                .map(search -> {
                    search.rejectUnknown(Set.of("protect", "readableClient"), "search");
                    return new SearchSettings(
                            search.stringList("protect")
                                    .map(words -> oneWords(words, search))
                                    .orElse(List.of()),
                            search.bool("readableClient").orElse(false));
                })
                .orElse(defaults());
    }

    private static List<String> oneWords(List<String> words, YFields search) {
        YNode node = search.get("protect").orElseThrow();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).strip();
            if (ONE_WORD.matcher(w).matches()) {
                out.add(w);
            } else {
                YNode at = node instanceof YNode.Seq seq && seq.items().size() == words.size()
                        ? seq.items().get(i)
                        : node;
                search.error(
                        at,
                        "search: protect: '" + words.get(i) + "' is not one word; list each word on its own,"
                                + " like protect: [الرياض, الوطن]");
            }
        }
        return List.copyOf(out);
    }
}
