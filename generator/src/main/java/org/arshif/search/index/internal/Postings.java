package org.arshif.search.index.internal;

/** The postings of one term while the index is built, in document order. */
public final class Postings {
    public final IntList docs = new IntList(2);
    /** title tf in the high 16 bits, body tf in the low 16 bits (each capped at 65535). */
    public final IntList tf = new IntList(2);
    /** per posting: the number of positions, then the positions. */
    public final IntList positions = new IntList(4);

    public void add(int doc, int titleTf, int bodyTf, int[] pos) {
        docs.add(doc);
        tf.add((Math.min(titleTf, 0xffff) << 16) | Math.min(bodyTf, 0xffff));
        positions.add(pos.length);
        for (int p : pos) {
            positions.add(p);
        }
    }

    public int df() {
        return docs.size();
    }
}
