package org.arshif.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arshif.search.analysis.TextAnalyzer;
import org.arshif.search.analysis.Token;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for search text on the Java side. Arshif has no separate Java query parser: queries and indexed text
 * alike go through {@link TextAnalyzer} ({@code normalize}, {@code terms}, {@code tokens}, {@code forEachTerm}),
 * exactly as the build calls it, so that is what is fuzzed, with its invariants. Inputs are UTF-8 text, decoded
 * leniently as a build decodes what it indexes. Inputs: {@code .../fuzz/QueryFuzzTestInputs/query/}.
 */
// Per input: a hang is a finding. 60 s, not 10: a first input took over 10 s on a host at load 17.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueryFuzzTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();

    @FuzzTest(maxDuration = "10m")
    void query(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String normalized = ANALYZER.normalize(text);
        assertEquals(normalized, ANALYZER.normalize(normalized), "normalizing is not idempotent");

        List<String> terms = ANALYZER.terms(text);
        for (String term : terms) {
            assertFalse(term.isEmpty(), "an empty term");
            FuzzChecks.nfc("term", term);
            assertTrue(
                    term.codePoints().allMatch(c -> Character.isLetter(c) || Character.isDigit(c)),
                    () -> "term " + term + " holds a character the tokenizer splits on");
        }

        List<Token> tokens = ANALYZER.tokens(text);
        assertEquals(terms, tokens.stream().map(Token::term).toList(), "tokens() and terms() disagree");
        int lastPosition = -1;
        for (Token t : tokens) {
            assertTrue(
                    0 <= t.start() && t.start() < t.end() && t.end() <= text.length(),
                    () -> "token " + t + " outside the text of length " + text.length());
            assertTrue(t.position() > lastPosition, () -> "positions do not increase at " + t);
            lastPosition = t.position();
        }

        List<Token> streamed = new ArrayList<>();
        ANALYZER.forEachTerm(text, (term, position) -> streamed.add(new Token(term, 0, 0, position)));
        assertEquals(
                tokens.stream().map(t -> t.term() + "@" + t.position()).toList(),
                streamed.stream().map(t -> t.term() + "@" + t.position()).toList(),
                "forEachTerm() and tokens() disagree");
    }
}
