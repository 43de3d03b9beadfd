package org.arshif.search.index.internal;

import java.util.Arrays;

/**
 * Turns one document's words into its {@link DocTerms}, with scratch arrays kept from one document to the next
 * (indexed by key id, so no map and no boxing per word). One per thread.
 */
final class DocTermsBuilder {
    private final WordMemo memo;
    /** Per key id, its slot in this document, or -1. */
    private int[] slotOf = new int[0];
    /** Per slot: its key id (with the surface bit, as the memo gives it), title and body counts. */
    private int[] slotKey = new int[256];

    private int[] titleTf = new int[256];
    private int[] bodyTf = new int[256];
    private int slots;
    /** Per occurrence of a key with positions, in text order: its slot and position. */
    private int[] eventSlot = new int[1024];

    private int[] eventPosition = new int[1024];
    private int events;
    /** Words (not stopwords) in the title and in the body; the first body position. */
    private int titleLength;

    private int bodyLength;
    private int bodyBase;

    DocTermsBuilder(WordMemo memo) {
        this.memo = memo;
    }

    DocTerms analyze(TermSource source, String title, String body) {
        slots = 0;
        events = 0;
        titleLength = 0;
        bodyLength = 0;
        bodyBase = 0;
        source.forEachWord(title, (b, off, len, position) -> {
            if (add(b, off, len, position, true)) {
                titleLength++;
                bodyBase = Math.max(bodyBase, position + 2);
            }
        });
        source.forEachWord(body, (b, off, len, position) -> {
            if (add(b, off, len, bodyBase + position, false)) {
                bodyLength++;
            }
        });
        return build();
    }

    /** Adds the keys of one word; false for a stopword (no keys). */
    private boolean add(char[] b, int off, int len, int position, boolean title) {
        int entry = memo.lookup(b, off, len);
        int[] values = memo.values();
        int from = memo.start(entry);
        int to = memo.end(entry);
        for (int v = from; v < to; v++) {
            int value = values[v];
            int slot = slot(value);
            if (title) {
                titleTf[slot]++;
            } else {
                bodyTf[slot]++;
            }
            if (!WordMemo.isSurface(value)) {
                if (events == eventSlot.length) {
                    eventSlot = Arrays.copyOf(eventSlot, events * 2);
                    eventPosition = Arrays.copyOf(eventPosition, events * 2);
                }
                eventSlot[events] = slot;
                eventPosition[events++] = position;
            }
        }
        return to > from;
    }

    private int slot(int value) {
        int id = WordMemo.id(value);
        if (id >= slotOf.length) {
            int old = slotOf.length;
            slotOf = Arrays.copyOf(slotOf, Math.max(id + 1, old * 2));
            Arrays.fill(slotOf, old, slotOf.length, -1);
        }
        int slot = slotOf[id];
        if (slot < 0) {
            if (slots == slotKey.length) {
                slotKey = Arrays.copyOf(slotKey, slots * 2);
                titleTf = Arrays.copyOf(titleTf, slots * 2);
                bodyTf = Arrays.copyOf(bodyTf, slots * 2);
            }
            slot = slots++;
            slotOf[id] = slot;
            slotKey[slot] = value;
            titleTf[slot] = 0;
            bodyTf[slot] = 0;
        }
        return slot;
    }

    /** The document's keys in the order first met, each with its positions (in text order, so ascending). */
    private DocTerms build() {
        int n = slots;
        int[] terms = new int[n];
        int[] start = new int[n + 1];
        for (int s = 0; s < n; s++) {
            terms[s] = WordMemo.id(slotKey[s]);
            start[s + 1] = start[s] + (WordMemo.isSurface(slotKey[s]) ? 0 : titleTf[s] + bodyTf[s]);
            slotOf[terms[s]] = -1;
        }
        int[] positions = new int[events];
        int[] next = Arrays.copyOf(start, n);
        for (int e = 0; e < events; e++) {
            positions[next[eventSlot[e]]++] = eventPosition[e];
        }
        return new DocTerms(
                titleLength, bodyLength, terms, Arrays.copyOf(titleTf, n), Arrays.copyOf(bodyTf, n), start, positions);
    }
}
