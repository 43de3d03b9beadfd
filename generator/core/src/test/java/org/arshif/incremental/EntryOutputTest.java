package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reused entry encoder writes exactly what a {@link DataOutputStream} writes, text included, refuses what UTF-8
 * cannot keep, and encodes text without an array per string.
 */
class EntryOutputTest {
    /** ASCII, two-byte (Latin, Arabic), three-byte (CJK, Arabic presentation forms) and surrogate-pair text. */
    private static final List<String> TEXTS = List.of(
            "",
            "plain ASCII",
            "café naïve",
            "قالت الوكالة إن الاجتماع انتهى",
            "中文 ﷺ ﻻ",
            "emoji \uD83D\uDE00 and \uD83C\uDDF8\uD83C\uDDE6 flags",
            "mixed: Reuters رويترز 日本 \uD83D\uDCF0 end");

    private final RecordCodec codec = new RecordCodec();

    record Inner(String name, Integer boxed) {}

    record Sample(String title, List<String> tags, Map<String, Object> extra, Inner inner, double score) {}

    private static Sample sample(String text) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("key " + text, text);
        extra.put("n", 42L);
        return new Sample(text, List.of(text, "b"), extra, new Inner(text, 7), 1.5);
    }

    private byte[] viaStream(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(out, value);
        }
        return bytes.toByteArray();
    }

    private byte[] viaEntry(EntryOutput out, Object value) throws Exception {
        out.reset();
        codec.write(out, value);
        return Arrays.copyOf(out.array(), out.size());
    }

    @Test
    void writesTheSameBytesAsADataOutputStream() throws Exception {
        EntryOutput out = new EntryOutput();
        for (String text : TEXTS) {
            Sample value = sample(text);
            assertArrayEquals(viaStream(value), viaEntry(out, value), text);
        }
    }

    @Test
    void aReusedBufferGivesTheSameBytesAsAFreshOne() throws Exception {
        EntryOutput reused = new EntryOutput();
        viaEntry(reused, sample("x".repeat(EntryOutput.KEEP_BYTES))); // grows past what is kept
        for (String text : TEXTS) {
            assertArrayEquals(viaEntry(new EntryOutput(), sample(text)), viaEntry(reused, sample(text)), text);
        }
    }

    @Test
    void textWithALoneSurrogateIsRefusedAndLeavesNothingBehind() throws Exception {
        for (String text : List.of("lone \uD800 high", "lone \uDC00 low", "reversed \uDC00\uD800", "end \uD83D")) {
            EntryOutput out = new EntryOutput();
            out.writeInt(7);
            assertFalse(out.writeUtf8(text), text);
            assertEquals(4, out.size(), "nothing of the refused text is kept");
            assertThrows(RecordCodec.Unsupported.class, () -> codec.write(out, new Inner(text, 1)), text);
        }
    }

    @Test
    void primitivesAreWrittenAsADataOutputStreamWritesThem() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream stream = new DataOutputStream(expected);
        EntryOutput entry = new EntryOutput();
        for (DataOutput out : List.of(stream, entry)) {
            out.writeBoolean(true);
            out.writeByte(-3);
            out.writeShort(-2);
            out.writeChar('ع');
            out.writeInt(Integer.MIN_VALUE + 5);
            out.writeLong(Long.MAX_VALUE - 9);
            out.writeFloat(2.5f);
            out.writeDouble(-0.125);
            out.writeBytes("ab");
            out.writeChars("عx");
            out.writeUTF("key \u0000 عربي \uD83D\uDE00");
            out.write(new byte[] {1, 2, 3}, 1, 2);
        }
        stream.flush();
        assertArrayEquals(expected.toByteArray(), Arrays.copyOf(entry.array(), entry.size()));
    }

    @Test
    void textIsEncodedWithoutAnArrayPerString() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemoryEnabled() || enable(threads));
        // five strings of 39,000 characters of Arabic: String.getBytes alone would allocate 117 KB for each, then
        // copy 78 KB of it; ten entries, 10 MB
        Sample big = sample("نص عربي طويل ".repeat(3_000));
        EntryOutput out = new EntryOutput();
        viaEntry(out, big); // grows the buffers once
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 10; i++) {
            out.reset();
            codec.write(out, big);
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 200_000, "ten entries of 390 KB of text allocated " + allocated + " bytes");
    }

    private static boolean enable(com.sun.management.ThreadMXBean threads) {
        threads.setThreadAllocatedMemoryEnabled(true);
        return true;
    }

    @Test
    void aHugeEntryIsNotKeptForTheNext() throws IOException {
        EntryOutput out = new EntryOutput();
        out.write(new byte[EntryOutput.KEEP_BYTES + 1]);
        assertTrue(out.array().length > EntryOutput.KEEP_BYTES);
        out.reset();
        assertEquals(0, out.size());
        assertTrue(out.array().length <= EntryOutput.KEEP_BYTES, "a rare large entry lets go of its array");
    }
}
