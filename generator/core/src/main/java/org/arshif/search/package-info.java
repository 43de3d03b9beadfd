/**
 * The search index: what a document is ({@link org.arshif.search.SearchDocument}); analysis in
 * {@code search.analysis}, the writer in {@code search.index}.
 */
package org.arshif.search;
