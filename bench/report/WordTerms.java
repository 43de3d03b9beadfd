import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.arshif.search.analysis.TextAnalyzer;

/**
 * Prints each word of standard input (one a line) with its search term, tab-separated ("-" for a stopword), as the
 * standard analyzer of the jar on the class path makes it. Used to compare two analyzers' joins on a vocabulary:
 *
 * <pre>
 * java -cp JAR bench/report/WordTerms.java &lt; words.txt &gt; terms.tsv
 * </pre>
 */
public class WordTerms {
    public static void main(String[] args) throws Exception {
        TextAnalyzer analyzer = TextAnalyzer.standard();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String w = in.readLine(); w != null; w = in.readLine()) {
            List<String> terms = analyzer.terms(w);
            out.append(w).append('\t').append(terms.isEmpty() ? "-" : String.join(" ", terms)).append('\n');
        }
        System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
