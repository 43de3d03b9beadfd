package org.arshif.search.index.internal;

import java.util.List;
import java.util.SortedMap;
import org.arshif.search.Conflation;

/**
 * What one run wrote: the manifest's file name and JSON text, files and bytes (kept ones included), terms and
 * documents; the stems found to join two families of words; and every file's name and size.
 */
public record IndexSummary(
        String manifestFile,
        String manifestJson,
        int files,
        long bytes,
        int terms,
        int docs,
        List<Conflation> conflations,
        SortedMap<String, Long> fileSizes) {}
