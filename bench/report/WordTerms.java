import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.arshif.search.analysis.SurfaceKey;
import org.arshif.search.analysis.TextAnalyzer;

/**
 * Prints each word of standard input (one a line) with its search term, tab-separated ("-" for a stopword), as the
 * standard analyzer of the jar on the class path makes it. Used to compare two analyzers' joins on a vocabulary:
 *
 * <pre>
 * java -cp JAR bench/report/WordTerms.java &lt; words.txt &gt; terms.tsv
 * java -cp JAR bench/report/WordTerms.java --readings &lt; words.txt &gt; readings.tsv
 * </pre>
 *
 * With {@code --readings}, two columns: the terms a query of the word matches (its term and, for a word written
 * with a mark, its second readings) and the terms the index holds for it (also the conjunction reading of a و-word),
 * space-separated; for {@code bench/report/reading-joins.py}. The query's second readings are the index terms of
 * the word as written that its normalized spelling lacks.
 */
public class WordTerms {
    public static void main(String[] args) throws Exception {
        boolean readings = args.length > 0 && args[0].equals("--readings");
        TextAnalyzer analyzer = TextAnalyzer.standard();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String w = in.readLine(); w != null; w = in.readLine()) {
            List<String> terms = analyzer.terms(w);
            out.append(w).append('\t').append(terms.isEmpty() ? "-" : String.join(" ", terms));
            if (readings) {
                Set<String> index = indexTerms(analyzer, w);
                Set<String> query = new LinkedHashSet<>(terms);
                Set<String> marked = new LinkedHashSet<>(index);
                marked.removeAll(indexTerms(analyzer, analyzer.normalize(w)));
                query.addAll(marked);
                out.setLength(out.length() - (terms.isEmpty() ? 1 : String.join(" ", terms).length()));
                out.append(query.isEmpty() ? "-" : String.join(" ", query)).append('\t');
                out.append(index.isEmpty() ? "-" : String.join(" ", index));
            }
            out.append('\n');
        }
        System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }

    private static Set<String> indexTerms(TextAnalyzer analyzer, String w) {
        Set<String> out = new LinkedHashSet<>();
        analyzer.forEachIndexTerm(w, (t, p) -> {
            if (!SurfaceKey.is(t)) {
                out.add(t);
            }
        });
        return out;
    }
}
