package org.arshif.search.index.internal;

import org.arshif.internal.Fingerprint.Hash128;

/**
 * What {@link PostingsPatch} patches: the last index's postings and dictionary, and per document id the key of
 * the text they were made of. A live server keeps one in memory ({@link LiveIndex#base}); a cached build reads
 * the one its last build stored ({@link StoredPostings}). Nothing in it is written after it is made.
 *
 * @param textKeys   per document id, the key of its text ({@link DocAnalysis#textKey})
 * @param inverted   every key's postings by id (of {@code ids}), and the documents' field lengths
 * @param dictionary every key with postings, sorted, before surface keys are pruned
 * @param ids        the key ids {@code inverted} is indexed by
 */
record PatchBase(Hash128[] textKeys, InvertedIndex.ById inverted, InvertedIndex.Dictionary dictionary, TermIds ids) {}
