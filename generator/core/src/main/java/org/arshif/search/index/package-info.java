/**
 * The search index writer and the analysis cache; the format is {@code generator/SEARCH-FORMAT.md}. Its
 * {@code internal} package holds the phases (inversion, scoring, shard layout, one writer per file kind).
 */
package org.arshif.search.index;
