package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Reads back what a DataOutputStream wrote, from a slice of a larger buffer, and says so when it is short. */
class BufferInputTest {
    @Test
    void readsWhatADataOutputStreamWroteFromASlice() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(0xAB); // before the slice
            out.writeInt(-7);
            out.writeLong(1L << 40);
            out.writeDouble(0.25);
            out.writeUTF("خبر عاجل");
            out.writeShort(0xFFFE);
            out.write(new byte[] {1, 2, 3});
        }
        ByteBuffer whole = ByteBuffer.wrap(bytes.toByteArray());
        ByteBuffer slice = whole.slice(1, whole.capacity() - 1);
        BufferInput in = new BufferInput(slice);
        assertEquals(-7, in.readInt());
        assertEquals(1L << 40, in.readLong());
        assertEquals(0.25, in.readDouble());
        assertEquals("خبر عاجل", in.readUTF());
        assertEquals(0xFFFE, in.readUnsignedShort());
        byte[] three = new byte[3];
        in.readFully(three);
        assertEquals(3, three[2]);
        assertEquals(0, slice.position(), "the caller's buffer does not move");
        assertThrows(EOFException.class, in::readInt, "nothing left");
    }

    @Test
    void aShortEntryIsAnEofNotAnotherException() throws IOException {
        BufferInput in = new BufferInput(ByteBuffer.wrap(new byte[] {0, 0, 0, 9, 1}));
        assertEquals(9, in.readInt());
        assertThrows(EOFException.class, () -> in.readFully(new byte[9]));
        assertThrows(EOFException.class, in::readLong);
    }
}
