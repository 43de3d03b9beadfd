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
        docTf.add((Math.min(titleTf, 0xffff) << 16) | Math.min(bodyTf, 0xffff));
        positions.add(to - from, pos, from, to);
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
