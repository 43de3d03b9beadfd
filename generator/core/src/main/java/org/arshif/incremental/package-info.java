/**
 * Incremental builds: the parse cache, page fingerprints and the strategy that reuses what the previous
 * build left, and the no-op stamp that skips a build when nothing changed. Every cache file is checksummed; a
 * damaged one is discarded with one line.
 */
package org.arshif.incremental;
