package org.arshif.search.index.internal;

/** What one run wrote: the manifest's file name, files and bytes (kept ones included), terms and documents. */
public record IndexSummary(String manifestFile, int files, long bytes, int terms, int docs) {}
