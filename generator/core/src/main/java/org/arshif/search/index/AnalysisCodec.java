package org.arshif.search.index;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.arshif.search.index.internal.DocTerms;

/**
 * The bytes of {@link AnalysisCache}'s file and entries: varints, and one document's analysis as field lengths,
 * then per key its id (as a gap from the last), field frequencies and positions (as gaps).
 */
final class AnalysisCodec {
    private AnalysisCodec() {}

    /** Appends the encoding of {@code d}. */
    static void write(Out out, DocTerms d) {
        out.varint(d.titleLength());
        out.varint(d.bodyLength());
        out.varint(d.size());
        long[] byId = new long[d.size()]; // ascending ids take fewer bytes as gaps
        for (int i = 0; i < d.size(); i++) {
            byId[i] = (long) d.terms()[i] << 32 | i;
        }
        Arrays.sort(byId);
        int prevId = 0;
        for (long packed : byId) {
            int i = (int) packed;
            int id = d.terms()[i];
            out.varint(id - prevId); // ids ascend
            prevId = id;
            out.varint(d.titleTf()[i]);
            out.varint(d.bodyTf()[i]);
            int from = d.positionStart()[i];
            int to = d.positionStart()[i + 1];
            out.varint(to - from);
            int prev = 0;
            for (int p = from; p < to; p++) {
                out.varint(d.positions()[p] - prev); // positions ascend within a field; the body follows the title
                prev = d.positions()[p];
            }
        }
    }

    /** The analysis encoded in {@code bytes[from..from+length)}. */
    static DocTerms read(byte[] bytes, int from, int length) {
        In in = new In(bytes);
        in.at = from;
        int titleLength = in.varint();
        int bodyLength = in.varint();
        int m = in.varint();
        int[] terms = new int[m];
        int[] titleTf = new int[m];
        int[] bodyTf = new int[m];
        int[] positionStart = new int[m + 1];
        int[] positions = new int[16];
        int id = 0;
        int n = 0;
        for (int i = 0; i < m; i++) {
            id += in.varint();
            terms[i] = id;
            titleTf[i] = in.varint();
            bodyTf[i] = in.varint();
            int count = in.varint();
            if (n + count > positions.length) {
                positions = Arrays.copyOf(positions, Math.max(positions.length * 2, n + count));
            }
            int prev = 0;
            for (int j = 0; j < count; j++) {
                prev += in.varint();
                positions[n++] = prev;
            }
            positionStart[i + 1] = n;
        }
        if (in.at != from + length) {
            throw new IllegalStateException("a damaged entry in the search analysis cache");
        }
        return new DocTerms(
                titleLength, bodyLength, terms, titleTf, bodyTf, positionStart, Arrays.copyOf(positions, n));
    }

    /** A growing buffer of varints, fixed-width longs and strings. */
    static final class Out {
        private byte[] buf;
        private int n;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void drainTo(DataOutputStream to) throws IOException {
            to.write(buf, 0, n);
            n = 0;
        }

        private void ensure(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        void varint(int v) {
            ensure(5);
            while ((v & ~0x7f) != 0) {
                buf[n++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        void fixed(long v) {
            ensure(8);
            for (int i = 56; i >= 0; i -= 8) {
                buf[n++] = (byte) (v >>> i);
            }
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, n);
        }

        /** The array the bytes are in (its first {@link #size} bytes); not copied. */
        byte[] array() {
            return buf;
        }

        int size() {
            return n;
        }
    }

    /** Reads what {@link Out} wrote, from {@link #at}. */
    static final class In {
        private final byte[] buf;
        int at;

        In(byte[] buf) {
            this.buf = buf;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buf[at++];
                v |= (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        long fixed() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (buf[at++] & 0xff);
            }
            return v;
        }

        String string() {
            int len = varint();
            String s = new String(buf, at, len, StandardCharsets.UTF_8);
            at += len;
            return s;
        }
    }
}
