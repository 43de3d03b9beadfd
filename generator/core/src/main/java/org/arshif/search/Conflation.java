package org.arshif.search;

/**
 * A stem that joins two families of words (issue 13: الرياض, the city, with الرياضة, sport): the index writer finds
 * them in the text, and the build suggests protecting {@code word} ({@code search: protect:} in arshif.yml), which
 * keeps it whole so that it no longer meets the other family.
 *
 * @param term      the shared index term (stem)
 * @param word      the most frequent form of the family to protect (the shorter one: the name, not its
 *                  derivative), normalized
 * @param docs      documents holding a form of that family
 * @param other     the most frequent form of the other family, normalized, without its article
 * @param otherDocs documents holding a form of the other family
 */
public record Conflation(String term, String word, int docs, String other, int otherDocs) {}
