/**
 * Internals of {@link org.arshif.search.index.SearchIndexWriter}: one run of the writer, phase by phase
 * ({@link org.arshif.search.index.internal.IndexBuild}), each phase an immutable record handed to the next —
 * documents, inversion, scoring, card and shard layout — then one writer per file kind and the manifest.
 * It never imports its parent package (whose public types it receives as its own {@code IndexSettings},
 * {@code DocAnalysis}, {@code KeptFiles} and {@code IndexSummary}). Public only so the parent can use it; not an
 * API, may change without notice.
 */
package org.arshif.search.index.internal;
