/**
 * Internals of {@link org.arshif.search.analysis.TextAnalyzer}: the normalizer with offsets, Lucene's
 * Arabic light stemmer, Porter2 and a slice-keyed word table. Public only so the analysis package
 * can use them; not an API, may change without notice.
 */
package org.arshif.search.analysis.internal;
