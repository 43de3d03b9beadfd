package org.arshif.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.Severity;
import org.arshif.search.analysis.TextAnalyzer;

/**
 * Tags that differ only in how their Arabic is spelt by hand: a hamza on the alef or not ({@code أخبار}, {@code
 * اخبار}), ta marbuta or ha ({@code مدرسة}, {@code مدرسه}), alef maqsura or ya ({@code مستشفى}, {@code مستشفي}), the
 * hamza's seat ({@code مسؤول}, {@code مسئول}), or a Persian keyboard's letters ({@code ی} and {@code ک}, which look like
 * ي and ك, in {@code کرکوک}). Desks write both, and each is a tag of its own with its own page, so a reader on one misses the other's
 * dispatches. A warning for each spelling but the one most dispatches use, at the first dispatch (by path) that uses
 * it. Stateless.
 */
public final class TagSpellings {
    private TagSpellings() {}

    /** Adds the warnings for the published tags of {@code model} to {@code diagnostics}. */
    public static void warn(SiteModel model, Diagnostics diagnostics) {
        for (String lang : model.languages()) {
            Map<String, List<String>> spellings = new TreeMap<>();
            Map<String, List<Dispatch>> tags = model.tags(lang);
            for (String tag : tags.keySet()) {
                spellings.computeIfAbsent(folded(tag), k -> new ArrayList<>()).add(tag);
            }
            for (List<String> group : spellings.values()) {
                if (group.size() < 2) {
                    continue;
                }
                group.sort(Comparator.comparingInt((String t) -> -tags.get(t).size())
                        .thenComparing(Comparator.naturalOrder()));
                String main = group.get(0);
                for (String other : group.subList(1, group.size())) {
                    List<Dispatch> using = tags.get(other);
                    Dispatch first = using.stream()
                            .min(Comparator.comparing(Dispatch::path))
                            .orElseThrow();
                    diagnostics.add(first.finding(
                            Severity.WARNING,
                            first.position("tags"),
                            "tag '" + other + "' (" + count(using.size()) + ") differs from the tag '" + main + "' ("
                                    + count(tags.get(main).size()) + ") only in how a letter is written (a hamza,"
                                    + " ta marbuta, alef maqsura, or a Persian ی or ک), yet they are two tags, each"
                                    + " with its own page; write it as '" + main + "'"));
                }
            }
        }
    }

    private static String count(int n) {
        return n == 1 ? "1 dispatch" : n + " dispatches";
    }

    /**
     * The tag as search reads it ({@link TextAnalyzer#normalize}: hamza forms of alef to alef, ta marbuta to ha,
     * alef maqsura and the Persian ya to ya, the Persian kaf to kaf, a hamza on a seat to the hamza alone): two tags
     * that search finds as one word but that are two pages are the ones worth naming. A tag without Arabic letters
     * is its own key (a site of English tags need not load the analyzer for it).
     */
    static String folded(String tag) {
        return tag.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF)
                ? TextAnalyzer.standard().normalize(tag)
                : tag;
    }
}
