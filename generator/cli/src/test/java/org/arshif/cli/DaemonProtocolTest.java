package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DaemonProtocolTest {
    @Test
    void aStringComesBackAsWritten() throws IOException {
        byte[] bytes = written("بناء الموقع");
        assertEquals("بناء الموقع", DaemonProtocol.readString(new DataInputStream(new ByteArrayInputStream(bytes))));
    }

    @Test
    void aStringCutShortIsAnEndOfStreamNotAShorterString() throws IOException {
        byte[] bytes = written("a build's line");
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
        assertThrows(
                EOFException.class,
                () -> DaemonProtocol.readString(new DataInputStream(new ByteArrayInputStream(cut))));
    }

    private static byte[] written(String s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DaemonProtocol.writeString(new DataOutputStream(bytes), s);
        return bytes.toByteArray();
    }
}
