package org.arshif.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.arshif.content.Dispatch;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.Severity;
import org.arshif.search.analysis.TextAnalyzer;

/**
 * Tags that differ only in how their Arabic is spelt by hand: a hamza on the alef or not ({@code أخبار}, {@code
 * اخبار}), ta marbuta or ha ({@code مدرسة}, {@code مدرسه}), alef maqsura or ya ({@code مستشفى}, {@code مستشفي}), the
 * hamza's seat ({@code مسؤول}, {@code مسئول}), a hamza's seat without its hamza ({@code مؤتمر}, {@code موتمر}; {@code
 * طائرة}, {@code طايرة}), or a Persian keyboard's letters ({@code ی} and {@code ک}, which look like ي and ك, in {@code
 * کرکوک}), or a hand's slip ({@link #loose}: a letter twice, an open ta for a ta marbuta, a dropped final alef).
 * Desks write both, and each is a tag of its own with its own page, so a reader on one misses the other's
 * dispatches. A warning for each spelling but the one most dispatches use, at the first dispatch (by path) that uses
 * it. Stateless.
 */
public final class TagSpellings {
    private static final Pattern DOUBLED = Pattern.compile("(\\p{IsArabic})\\1+");

    private TagSpellings() {}

    /** Adds the warnings for the published tags of {@code model} to {@code diagnostics}. */
    public static void warn(SiteModel model, Diagnostics diagnostics) {
        for (String lang : model.languages()) {
            Map<String, List<Dispatch>> tags = model.tags(lang);
            for (List<String> group : groups(tags.keySet(), key -> model.tagName(key, lang))) {
                if (group.size() < 2) {
                    continue;
                }
                group.sort(Comparator.comparingInt((String t) -> -tags.get(t).size())
                        .thenComparing(Comparator.naturalOrder()));
                String main = group.get(0);
                String mainName = model.tagName(main, lang);
                for (String other : group.subList(1, group.size())) {
                    List<Dispatch> using = tags.get(other);
                    Dispatch first = using.stream()
                            .min(Comparator.comparing(Dispatch::path))
                            .orElseThrow();
                    diagnostics.add(first.finding(
                            Severity.WARNING,
                            first.position("tags"),
                            "tag '" + other + "' (" + count(using.size()) + ") differs from the tag '" + mainName
                                    + "' ("
                                    + count(tags.get(main).size()) + ") only in how a letter is written (a hamza or"
                                    + " its seat, ta marbuta, alef maqsura, a final alef, a letter twice, or a Persian"
                                    + " ی or ک), yet they are two tags,"
                                    + " each with its own page; write it as '" + mainName + "', or "
                                    + aliasFix(model, lang, main, other)));
                }
            }
        }
    }

    /**
     * The vocabulary's fix: the other spelling as an {@code alias} of the tag, which sends it there without editing
     * every dispatch that writes it.
     */
    private static String aliasFix(SiteModel model, String lang, String main, String other) {
        return model.vocabulary().isKnown(main)
                ? "add it to the tag's other spellings in " + TagVocabulary.FILE + " (" + main + ": alias: [" + other
                        + "])"
                : "keep both as one tag in " + TagVocabulary.FILE + " with the other spelling as an alias ('" + main
                        + "': {" + lang + ": " + model.tagName(main, lang) + ", alias: [" + other + "]})";
    }

    /**
     * The tags (keys) in groups of two or more whose {@code spelling} (their names in one language) search reads as one word ({@link #folded}), or that differ only in a
     * hamza's seat written without its hamza ({@code ؤ} as {@code و}, {@code ئ} as {@code ي}), in the tags' order.
     */
    static List<List<String>> groups(Collection<String> tags, Function<String, String> spelling) {
        Map<String, String> parent = new TreeMap<>();
        Map<String, String> tagByKey = new HashMap<>();
        for (String tag : new TreeSet<>(tags)) {
            parent.put(tag, tag);
            for (String key : keys(spelling.apply(tag))) {
                String seen = tagByKey.putIfAbsent(key, tag);
                if (seen != null) {
                    String a = root(parent, seen);
                    String b = root(parent, tag);
                    if (!a.equals(b)) {
                        parent.put(b, a);
                    }
                }
            }
        }
        Map<String, List<String>> byRoot = new TreeMap<>();
        parent.keySet()
                .forEach(t -> byRoot.computeIfAbsent(root(parent, t), r -> new ArrayList<>())
                        .add(t));
        return byRoot.values().stream().filter(g -> g.size() > 1).toList();
    }

    private static String root(Map<String, String> parent, String tag) {
        String t = tag;
        while (!parent.get(t).equals(t)) {
            t = parent.get(t);
        }
        return t;
    }

    private static List<String> keys(String tag) {
        String unseated = tag.replace('ؤ', 'و').replace('ئ', 'ي');
        return List.of(folded(tag), folded(unseated), loose(folded(unseated)));
    }

    /** Whether two tags' names differ only as {@link #groups} reads them, in a letter's spelling. */
    public static boolean sameWord(String a, String b) {
        return keys(a).stream().anyMatch(keys(b)::contains);
    }

    /**
     * A folded tag without what a hand adds or drops: a letter written twice in a row ({@code مللف}, or a shadda
     * written out), an open ta for the ta marbuta at a word's end ({@code مدرست}, which the fold leaves apart from
     * {@code مدرسه}), and the alef after a word's final waw ({@code اتحدوا}, {@code اتحدو}). Latin tags are left as
     * they are.
     */
    static String loose(String folded) {
        if (!hasArabic(folded)) {
            return folded;
        }
        StringJoiner out = new StringJoiner(" ");
        for (String word : folded.split(" ", -1)) {
            String w = DOUBLED.matcher(word).replaceAll("$1");
            w = w.endsWith("وا") ? w.substring(0, w.length() - 1) : w;
            out.add(w.length() > 2 && w.endsWith("ت") ? w.substring(0, w.length() - 1) + "ه" : w);
        }
        return out.toString();
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
        return hasArabic(tag) ? TextAnalyzer.standard().normalize(tag) : tag;
    }

    private static boolean hasArabic(String s) {
        return s.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }
}
