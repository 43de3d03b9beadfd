package org.arshif.search.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY STAND-IN for the real analyzer (org.arshif.search.analysis.TextAnalyzer, written in parallel):
 * NFKC, a few Arabic letter folds, root-locale lower case, the shared tokenizer rule and a tiny stopword list.
 * Its JS twin is generator/src/test/js/stand-in-analyzer.js. Remove both once the fixture is built with the real one.
 */
final class StandInAnalyzer implements IndexAnalyzer {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+");
    static final Set<String> STOP = Set.of("the", "of", "and", "a", "in", "to", "في", "من", "على", "الى", "إلى");

    static String normalize(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        n = n.replaceAll("[\u064B-\u065F\u0640]", "");
        n = n.replaceAll("[أإآ]", "ا").replace('ى', 'ي').replace('ة', 'ه');
        return n.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int pos = 0;
        while (m.find()) {
            String term = normalize(m.group());
            if (!term.isEmpty() && !STOP.contains(term)) {
                out.add(new Token(term, m.start(), m.end(), pos));
            }
            pos++;
        }
        return out;
    }

    @Override
    public String clientDataJson() {
        return "{\"standIn\":true}";
    }
}
