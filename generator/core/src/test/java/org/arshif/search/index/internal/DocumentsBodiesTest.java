package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.arshif.search.SearchDocument;
import org.junit.jupiter.api.Test;

/**
 * A cached build's documents decode a body only when it is read: a document whose lead and text key were stored is
 * made without its body ({@link SearchDocument.BodiesOnDemand}), and only the others' bodies are asked for.
 */
class DocumentsBodiesTest {

    /** Three documents; each time a body is asked for, its index is noted (documents are prepared in parallel). */
    private static final class Articles extends AbstractList<SearchDocument> implements SearchDocument.BodiesOnDemand {
        final Set<Integer> bodiesAsked = new ConcurrentSkipListSet<>();

        @Override
        public SearchDocument get(int i) {
            bodiesAsked.add(i);
            return document(i, "Body number " + i + " of the archive.");
        }

        @Override
        public SearchDocument withoutBody(int i) {
            return document(i, null);
        }

        private static SearchDocument document(int i, String body) {
            return new SearchDocument(
                    "/en/2024/01/0" + (i + 1) + "/story-" + i + "/",
                    "Story " + i,
                    "2024-01-0" + (i + 1),
                    "1 January 2024",
                    List.of(),
                    body,
                    "en");
        }

        @Override
        public int size() {
            return 3;
        }
    }

    @Test
    void aDocumentWhoseTextWasStoredIsMadeWithoutItsBody() {
        Articles input = new Articles();
        List<String> keys = List.of("k0", "k1", "k2");
        Map<String, Documents.Prepared> stored = Map.of(
                "k0",
                new Documents.Prepared(null, "stored lead 0", null),
                "k2",
                new Documents.Prepared(null, "stored lead 2", null));

        Documents docs = Documents.prepare("en", input, null, keys, stored, null);

        assertEquals(Set.of(1), input.bodiesAsked, "only the document without a stored text is read");
        assertArrayEquals(
                new String[] {"stored lead 0", "Body number 1 of the archive.", "stored lead 2"}, docs.leads());
        assertEquals("Story 0", docs.docs().get(0).title(), "the rest of the document is this build's");
        assertEquals("Body number 1 of the archive.", docs.body(1));
    }

    @Test
    void withoutStoredTextsEveryBodyIsRead() {
        Articles input = new Articles();
        Documents.prepare("en", input, null, List.of("k0", "k1", "k2"), Map.of(), null);
        assertEquals(Set.of(0, 1, 2), input.bodiesAsked);
    }
}
