/**
 * Incremental builds: the parse cache, page fingerprints and the strategy that reuses what the previous
 * build left. Every cache file is checksummed; a damaged one is discarded with one line.
 */
package org.arshif.incremental;
