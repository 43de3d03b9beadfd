package org.arshif.search.index.internal;

/** The postings of one term while the index is built, in document order. */
public final class Postings {
    /** per posting: document id, then title tf in the high 16 bits and body tf in the low 16 (each capped). */
    private final IntList docTf = new IntList(2);
    /** per posting: the number of positions, then the positions. */
    public final IntList positions = new IntList(3);

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
