package org.arshif.search.index.internal;

import java.util.List;
import org.arshif.search.Conflation;

/**
 * What one run wrote: the manifest's file name and JSON text, files and bytes (kept ones included), terms and
 * documents; and the stems found to join two families of words.
 */
public record IndexSummary(
        String manifestFile,
        String manifestJson,
        int files,
        long bytes,
        int terms,
        int docs,
        List<Conflation> conflations) {}
