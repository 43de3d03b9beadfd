package org.arshif.search.index.internal;

/** The fixed numbers of the index format ({@code SEARCH-FORMAT.md}) and of how its files are compressed. */
final class IndexFormat {
    static final int FORMAT_VERSION = 14;
    /**
     * A posting's impact is its BM25F term-frequency part, {@code w(k1+1)/(w+k1)} in (0, k1+1), quantized to
     * 1..LEVELS; the client multiplies it by the term's idf. In postings it shares one number with the id gap:
     * {@code gap << LEVEL_BITS | (impact - 1)}.
     */
    static final int LEVEL_BITS = 3;

    static final int LEVELS = 1 << LEVEL_BITS;
    /** Characters of a card's lead (before it is cut at a space). */
    static final int LEAD = 140;
    /**
     * Term shards per shard file {@code t.<h>.bin}, one gzip member each (format 6): a query fetches its shards from
     * the bundle by range, an eighth of a file each, and a server that ignores Range serves the file. 8, not 4: warm
     * Arabic 3-word queries at 30,000 documents 13.0 / 18.1 KB → 11.9 / 16.2 (median / p90; issue 13, bench/RESULTS.md
     * w13-warm2), for 3.2 KB more separators inline in every cold query; 16 saves 0.1 KB more at p90 for 3.6 KB more.
     */
    static final int SHARD_MEMBERS = 8;
    /** Term shards whose positions share one file (8 shard files). */
    static final int POSITION_PACK = 8 * SHARD_MEMBERS;
    /**
     * A lexicon member's length is a multiple of this many bytes (format 12, padded in its gzip header), and
     * {@code terms.lexiconSizes} counts these units: one VLQ character a member up to 496 bytes, not two, in the
     * manifest every search page carries inline (16,874 → 15,819 B gzip'd at 10,000 Arabic documents).
     */
    static final int LEXICON_UNIT = 16;
    /** Documents per attribute (tag ids) file. */
    static final int ATTR_SHARD = 32_768;
    /** Precomputed facets keep this many tags (the most frequent in the term's documents). */
    static final int FACET_TAGS = 12;
    /**
     * Gzip levels: 6 for what queries fetch (level 9 saves 0.3% at three times the time), 4 for the big, rarely
     * fetched long lists (2.5% bigger, three times faster than 6).
     */
    static final int LEVEL = 6;

    static final int RARE_LEVEL = 4;
    /** Positions: fetched for phrases only; level 1 is 5% bigger and twice as fast as 4. */
    static final int POSITIONS_LEVEL = 1;

    private IndexFormat() {}
}
