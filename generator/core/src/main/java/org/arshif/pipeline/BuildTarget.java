package org.arshif.pipeline;

import org.arshif.site.OutputTree;

/** A run that builds an output folder: a clean build, or an incremental one. Nothing is in place before commit. */
public interface BuildTarget extends RunStrategy, AutoCloseable {

    /** The staged output. */
    OutputTree out();

    @Override
    default OutputTree sink() {
        return out();
    }

    @Override
    default SearchTiming searchTiming() {
        return SearchTiming.NOW;
    }

    /** Puts the new site in place, then records what a later build may reuse. */
    void commit();

    /** Drops the staged output unless it was committed. */
    @Override
    void close();
}
