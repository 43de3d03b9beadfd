package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DaemonProtocolTest {
    /** The token the process registers is what clients send first: 64 hex digits, new for each process. */
    @Test
    void eachProcessGetsItsOwnTokenOfTheProtocolsLength() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String token = DaemonRegistry.newToken();
            assertEquals(DaemonProtocol.TOKEN_LENGTH, token.length());
            assertTrue(token.matches("[0-9a-f]+"), token);
            tokens.add(token);
        }
        assertEquals(20, tokens.size());
    }

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

    @Test
    void theHeartbeatStopsWithTheBuildsLastFrame() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DaemonProtocol.Frames frames = new DaemonProtocol.Frames(new DataOutputStream(bytes));
        assertTrue(frames.beat());
        frames.exit(new DaemonProtocol.Exit(0, 1, 2, 3));
        assertFalse(frames.beat(), "nothing after the outcome: the client has closed its side");
        byte[] sent = bytes.toByteArray();
        assertEquals(1 + 1 + 4 + 4 + 8 + 8, sent.length);
        assertEquals(DaemonProtocol.HEARTBEAT, sent[0]);
        assertEquals(DaemonProtocol.EXIT, sent[1]);
    }

    private static byte[] written(String s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DaemonProtocol.writeString(new DataOutputStream(bytes), s);
        return bytes.toByteArray();
    }
}
