package org.arshif.search.analysis;

/**
 * One indexed token: its term and where it stands in the text it came from.
 *
 * <p>{@code start} and {@code end} are UTF-16 indices into the <em>original</em> text (the same
 * indices a JavaScript string uses), so a snippet can highlight exactly what the writer typed, even
 * when the reader searched another spelling. The range covers the marks and tatweel that sit on the
 * token's letters.
 *
 * <pre>{@code
 * Token t = TextAnalyzer.standard().tokens("في الميدانيـة").get(0);
 * // Token[term=ميدان, start=3, end=13, position=1]: "في" was a stopword at position 0
 * }</pre>
 *
 * @param term     the term as indexed
 * @param start    index of the token's first char in the original text
 * @param end      index just past its last char (and the marks after it)
 * @param position the token's ordinal among all tokens of the text, stopwords included, so phrase
 *                 matching can respect the gap a stopword leaves
 */
public record Token(String term, int start, int end, int position) {}
