package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.List;

/** Writes a tail file {@code l.<h>.json.gz} (long postings lists) and its positions {@code y.<h>.json.gz}. */
record TailWriter(InvertedIndex index, PostingEncoder encoder, IndexSettings settings, IndexFiles files) {

    /** Writes the tail of the given terms; returns the hash both its files are named by. */
    String write(int[] group) {
        Json postings = new Json(settings.tailTarget() + 1024);
        Json positions = new Json(settings.tailTarget() * 2 + 1024);
        List<String> terms = new ArrayList<>();
        for (int t : group) {
            terms.add(index.terms()[t]);
        }
        postings.ch('{').key("t").strings(terms).ch(',').key("p").ch('[');
        positions.ch('{').key("x").ch('[');
        for (int i = 0; i < group.length; i++) {
            if (i > 0) {
                postings.ch(',');
                positions.ch(',');
            }
            postings.ch('"');
            encoder.appendPostings(postings.builder(), group[i]);
            postings.ch('"');
            positions.ch('"');
            encoder.appendPositions(positions.builder(), group[i]);
            positions.ch('"');
        }
        postings.ch(']').ch('}');
        positions.ch(']').ch('}');
        String postingsJson = postings.toString();
        String positionsJson = positions.toString();
        String h = Blob.hash(postingsJson, positionsJson);
        files.putJson("l." + h + ".json.gz", postingsJson, IndexFormat.RARE_LEVEL);
        files.putJson("y." + h + ".json.gz", positionsJson, IndexFormat.POSITIONS_LEVEL);
        return h;
    }
}
