package org.arshif.search.index.internal;

/**
 * What a live server keeps of one language's last index between writes, so that the next write patches it by the
 * documents that changed instead of making it anew: the documents as prepared (by the key of their inputs), every
 * key's postings, the sorted dictionary and the cards. Nothing in it is written after it is made.
 *
 * @param lang       the index's language
 * @param settings   the settings it was made with
 * @param ids        the key ids its postings are indexed by
 * @param docs       its documents
 * @param prepared   its documents by the key of their inputs (none when no keys were given)
 * @param inverted   every key's postings by id, and the documents' field lengths
 * @param dictionary every key with postings, sorted, before surface keys are pruned
 * @param cards      its cards
 */
public record LiveIndex(
        String lang,
        IndexSettings settings,
        TermIds ids,
        Documents docs,
        PreparedDocs prepared,
        InvertedIndex.ById inverted,
        InvertedIndex.Dictionary dictionary,
        CardSlots cards) {

    /** What the next write patches. */
    PatchBase base() {
        return new PatchBase(docs.textKeys(), inverted, dictionary, ids);
    }

    /** Whether an index of {@code lang} made with {@code settings} and {@code ids} may patch this one. */
    boolean fits(String lang, IndexSettings settings, TermIds ids) {
        return this.lang.equals(lang) && this.settings.equals(settings) && this.ids == ids;
    }
}
