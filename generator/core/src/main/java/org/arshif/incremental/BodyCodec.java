package org.arshif.incremental;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.arshif.content.Body;

/** A dispatch's body in a parse-cache entry, for {@link DispatchCodec}. */
final class BodyCodec {
    private static final byte TEXT_BODY = 1;
    private static final byte PACKED_BODY = 2;

    private BodyCodec() {}

    /**
     * A text body (or one read back from the cache) as its HTML's and plain text's UTF-8 bytes, read back as a
     * {@link Body.Cached}: sliced from the entry when read in place, so the bodies stay in the mapped pack.
     */
    static void write(DataOutput out, Body body) throws IOException, RecordCodec.Unsupported {
        if (body instanceof Body.Packed packed) {
            out.writeByte(PACKED_BODY);
            out.writeInt(packed.packed().length);
            out.write(packed.packed());
            return;
        }
        out.writeByte(TEXT_BODY);
        if (body instanceof Body.Cached cached) {
            for (ByteBuffer utf8 : new ByteBuffer[] {cached.htmlUtf8(), cached.plainUtf8()}) {
                byte[] bytes = Body.Cached.bytes(utf8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        } else if (body instanceof Body.Text text) {
            RecordCodec.writeString(out, text.html());
            RecordCodec.writeString(out, text.plainText());
        } else {
            throw new RecordCodec.Unsupported("a dispatch without a body");
        }
    }

    static Body read(DataInput in) throws IOException {
        byte kind = in.readByte();
        if (kind == PACKED_BODY) {
            return new Body.Packed(bytes(in, in.readInt()));
        }
        if (kind != TEXT_BODY) {
            throw new IOException("a body of kind " + kind);
        }
        return new Body.Cached(utf8(in), utf8(in));
    }

    private static ByteBuffer utf8(DataInput in) throws IOException {
        int length = in.readInt();
        if (in instanceof BufferInput buffer) {
            return buffer.slice(length);
        }
        return ByteBuffer.wrap(bytes(in, length));
    }

    private static byte[] bytes(DataInput in, int length) throws IOException {
        if (length < 0 || (in instanceof BufferInput buffer && length > buffer.remaining())) {
            throw new EOFException("a body of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
