package org.arshif.search.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.arshif.internal.JsonText;
import org.arshif.search.analysis.internal.ArabicLightStemmer;
import org.arshif.search.analysis.internal.LatinFold;
import org.arshif.search.analysis.internal.Porter2Stemmer;
import org.arshif.search.analysis.internal.Proclitics;
import org.arshif.search.analysis.internal.TextNormalizer;
import org.arshif.search.analysis.internal.WordTable;

/**
 * The word lists of an {@link AnalysisData}, normalized, checked and turned into the lookup tables
 * the analyzer consults per token, plus the same lists as JSON for the browser.
 *
 * @param stopwords      normalized stopword → itself
 * @param dictionary     normalized dictionary word (protected word or variant-group word) → its term
 * @param variantStems   stem of a variant spelling → stem of its group's canonical spelling
 * @param protectedWords the normalized protected words
 * @param rootWawStems   light stem of a root-و word (وزاره: وزار) → itself: no conjunction reading
 * @param clientData     the lists for {@code analyzer.js}, see {@link TextAnalyzer#clientData()}
 */
record Lexicon(
        WordTable stopwords,
        WordTable dictionary,
        WordTable variantStems,
        Set<String> protectedWords,
        WordTable rootWawStems,
        String clientData) {

    /** Builds the tables; throws {@link IllegalArgumentException} on lists that conflict. */
    static Lexicon of(AnalysisData data) {
        TreeSet<String> stopAr = normalizedWords(data.stopwordsAr(), "stopword");
        TreeSet<String> stopEn = normalizedWords(data.stopwordsEn(), "stopword");
        Map<String, String> stop = new TreeMap<>();
        for (String n : stopAr) {
            stop.put(n, n);
        }
        for (String n : stopEn) {
            stop.put(n, n);
        }
        TreeSet<String> prot = new TreeSet<>();
        for (String w : data.protectedWords()) {
            String n = oneWord(w, "protected word");
            if (stop.containsKey(n)) {
                throw new IllegalArgumentException("protected word is also a stopword: " + w);
            }
            prot.add(n);
        }
        Map<String, String> variantMap = new TreeMap<>();
        Map<String, String> dict = new TreeMap<>();
        List<String> groups = new ArrayList<>();
        for (String line : data.variants()) {
            groups.add(addVariantGroup(line, stop, prot, variantMap, dict));
        }
        for (String target : variantMap.values()) {
            if (variantMap.containsKey(target)) {
                throw new IllegalArgumentException(
                        "variant chain through " + target + ": a canonical form is also a variant");
            }
        }
        for (String p : prot) {
            dict.putIfAbsent(p, variantMap.getOrDefault(p, p));
        }
        TreeSet<String> rootWaw = normalizedWords(data.rootWaw(), "root-\u0648 word");
        String clientData = "{\"protected\":" + json(prot) + ",\"variants\":" + json(groups) + ",\"stopwordsAr\":"
                + json(stopAr) + ",\"stopwordsEn\":" + json(stopEn) + ",\"rootWaw\":" + json(rootWaw) + "}";
        return new Lexicon(
                new WordTable(stop),
                new WordTable(dict),
                new WordTable(variantMap),
                Collections.unmodifiableSet(prot),
                new WordTable(rootWawStems(rootWaw)),
                clientData);
    }

    /**
     * The light stems of the root-و words (وزاره, وزارات: وزار), each of which must start with و and have no other
     * proclitic: only such a word has a conjunction reading (Proclitics.conjunctionReading).
     */
    private static Map<String, String> rootWawStems(Set<String> words) {
        Map<String, String> stems = new TreeMap<>();
        for (String n : words) {
            char[] b = n.toCharArray();
            if (!Proclitics.conjunctionReading(b, 0, b.length)) {
                throw new IllegalArgumentException("root-\u0648 word must start with \u0648, have 4 letters or more"
                        + " and no other proclitic (write it without ال): " + n);
            }
            String stem = new String(b, 0, ArabicLightStemmer.stripSuffixes(b, 0, b.length));
            stems.put(stem, stem);
        }
        return stems;
    }

    private static TreeSet<String> normalizedWords(List<String> words, String what) {
        TreeSet<String> out = new TreeSet<>();
        for (String w : words) {
            out.add(oneWord(w, what));
        }
        return out;
    }

    /** Adds one variant group to the maps; returns the group normalized, canonical spelling first. */
    private static String addVariantGroup(
            String line,
            Map<String, String> stop,
            Set<String> prot,
            Map<String, String> variantMap,
            Map<String, String> dict) {
        String[] words = line.split("[ \t]+");
        if (words.length < 2) {
            throw new IllegalArgumentException("variant group needs two spellings or more: " + line);
        }
        String canon = baseTerm(oneWord(words[0], "variant"), prot);
        StringBuilder group = new StringBuilder();
        for (String w : words) {
            String n = oneWord(w, "variant");
            if (stop.containsKey(n)) {
                throw new IllegalArgumentException("variant is also a stopword: " + w);
            }
            group.append(group.length() == 0 ? "" : " ").append(n);
            String base = baseTerm(n, prot);
            if (!base.equals(canon)) {
                String prev = variantMap.putIfAbsent(base, canon);
                if (prev != null && !prev.equals(canon)) {
                    throw new IllegalArgumentException("variant " + w + " joins both " + prev + " and " + canon);
                }
            }
            String prev = dict.putIfAbsent(n, canon);
            if (prev != null && !prev.equals(canon)) {
                throw new IllegalArgumentException("word " + w + " is in two variant groups");
            }
        }
        return group.toString();
    }

    /** The stem of a dictionary word before variant mapping: itself if protected. */
    private static String baseTerm(String n, Set<String> prot) {
        if (prot.contains(n)) {
            return n;
        }
        char[] b = n.toCharArray();
        switch (TextAnalyzer.script(n)) {
            case ARABIC:
                // the proclitics of the index's own words (no bare و): a listed وسيلة is not و + سيلة "flood"
                int p = Proclitics.length(b, 0, b.length);
                return new String(b, p, ArabicLightStemmer.stripSuffixes(b, p, b.length - p));
            case LATIN:
                return Porter2Stemmer.stem(n);
            default:
                return n;
        }
    }

    /** {@code w} normalized (and folded, if Latin, as the analyzer reads a Latin word), which must be one token. */
    private static String oneWord(String w, String what) {
        String normalized = TextNormalizer.normalize(w, false).toString();
        String n =
                TextAnalyzer.script(normalized) == TextAnalyzer.Script.LATIN ? LatinFold.fold(normalized) : normalized;
        boolean ok = !n.isEmpty();
        for (int i = 0; ok && i < n.length(); ) {
            int cp = n.codePointAt(i);
            ok = TextNormalizer.isTokenChar(cp);
            i += Character.charCount(cp);
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " is not one word after normalization: \"" + w + "\"");
        }
        return n;
    }

    private static String json(Iterable<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (String s : items) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            JsonText.quote(sb, s, false);
        }
        return sb.append(']').toString();
    }
}
