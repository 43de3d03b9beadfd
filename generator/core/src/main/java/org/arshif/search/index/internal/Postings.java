package org.arshif.search.index.internal;

/** The postings of one term while the index is built, in document order. */
public final class Postings {
    /** per posting: document id, then title tf in the high 16 bits and body tf in the low 16 (each capped). */
    private final IntList docTf;
    /** per posting: the number of positions, then the positions. */
    public final IntList positions;

    public Postings() {
        this(2, 3);
    }

    private Postings(int docTfCapacity, int positionsCapacity) {
        docTf = new IntList(docTfCapacity);
        positions = new IntList(positionsCapacity);
    }

    /** Postings laid out as this class keeps them (see {@link #docTf()} and {@link #positions}), taken as they are. */
    Postings(IntList docTf, IntList positions) {
        this.docTf = docTf;
        this.positions = positions;
    }

    /** Per posting its document id and its tf, as {@link #doc} and {@link #tf} read them. */
    IntList docTf() {
        return docTf;
    }

    public void add(int doc, int titleTf, int bodyTf, int[] pos) {
        add(doc, titleTf, bodyTf, pos, 0, pos.length);
    }

    /** Adds a posting whose positions are {@code pos[from..to)}. */
    public void add(int doc, int titleTf, int bodyTf, int[] pos, int from, int to) {
        docTf.add(doc);
        docTf.add(tf(titleTf, bodyTf));
        positions.add(to - from);
        positions.addAll(pos, from, to);
    }

    /**
     * Appends postings already laid out as this class keeps them: {@code docTf[from..to)} holds (document id, tf)
     * pairs in document order (ids above this list's), {@code positions[pFrom..pTo)} their counts and positions.
     */
    void append(int[] docTf, int from, int to, int[] positions, int pFrom, int pTo) {
        this.docTf.addAll(docTf, from, to);
        this.positions.addAll(positions, pFrom, pTo);
    }

    /**
     * A copy of these postings with document {@code doc}'s posting removed, and then, when {@code tf} is not 0,
     * {@code (doc, tf, pos[from..to))} in its place (in document order); null when none is left. This list is left
     * as it is: a live server's last index still holds it.
     */
    Postings with(int doc, int tf, int[] pos, int from, int to) {
        int df = df();
        int lo = 0;
        int hi = df;
        while (lo < hi) { // the first posting of a document at or after doc
            int mid = (lo + hi) >>> 1;
            if (doc(mid) < doc) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int at = lo;
        boolean present = at < df && doc(at) == doc;
        int positionAt = 0;
        for (int j = 0; j < at; j++) {
            positionAt += 1 + positions.get(positionAt);
        }
        int positionEnd = present ? positionAt + 1 + positions.get(positionAt) : positionAt;
        if (tf == 0 && df - (present ? 1 : 0) == 0) {
            return null;
        }
        // sized for the result at once: a frequent word's lists hold 10^4-10^5 ints, and growing them by steps
        // copied each up to three times (the most sampled frame of a serve edit)
        Postings out = new Postings(docTf.size() + 2, positions.size() + 1 + (to - from));
        out.docTf.addAll(docTf, 0, 2 * at);
        out.positions.addAll(positions, 0, positionAt);
        if (tf != 0) {
            out.docTf.add(doc);
            out.docTf.add(tf);
            out.positions.add(to - from);
            out.positions.addAll(pos, from, to);
        }
        out.docTf.addAll(docTf, 2 * (present ? at + 1 : at), docTf.size());
        out.positions.addAll(positions, positionEnd, positions.size());
        return out;
    }

    /** Title tf in the high 16 bits, body tf in the low 16 bits, each capped. */
    static int tf(int titleTf, int bodyTf) {
        return (Math.min(titleTf, 0xffff) << 16) | Math.min(bodyTf, 0xffff);
    }

    public int df() {
        return docTf.size() / 2;
    }

    public int doc(int j) {
        return docTf.get(2 * j);
    }

    /** title tf in the high 16 bits, body tf in the low 16 bits. */
    public int tf(int j) {
        return docTf.get(2 * j + 1);
    }
}
