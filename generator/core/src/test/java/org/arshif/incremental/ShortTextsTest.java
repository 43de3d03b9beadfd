package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.arshif.content.Dispatch;
import org.junit.jupiter.api.Test;

/** Short texts of entries read in place come back shared, and always as written. */
class ShortTextsTest {

    @Test
    void anEqualShortTextReadInPlaceIsTheSameString() throws Exception {
        RecordCodec codec = new RecordCodec();
        List<String> tags = List.of("سوريا", "breaking", "سوريا");
        Object first = codec.read(inPlace(write(codec, tags)));
        Object second = codec.read(inPlace(write(codec, tags)));
        assertEquals(tags, first);
        List<?> a = (List<?>) first;
        List<?> b = (List<?>) second;
        assertSame(a.get(0), a.get(2), "one string for both");
        assertSame(a.get(0), b.get(0), "and for the next entry's");
        String title = "a title longer than thirty-two bytes, seldom repeated";
        assertNotSame(
                codec.read(inPlace(write(codec, title))), codec.read(inPlace(write(codec, title))), "not looked up");
    }

    /** Texts whose slots collide replace each other, and each reads back as written. */
    @Test
    void everyTextReadsBackAsWrittenWhateverItsSlot() throws Exception {
        RecordCodec codec = new RecordCodec();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // five times the slots
            texts.add(i % 3 == 0 ? "وسم" + i : "key" + i);
        }
        for (int round = 0; round < 2; round++) {
            assertEquals(texts, codec.read(inPlace(write(codec, texts))));
        }
        Object positions = codec.read(inPlace(write(codec, new Dispatch.Position(3, 4))));
        assertEquals(new Dispatch.Position(3, 4), positions);
    }

    @Test
    void aShortTextCutShortIsAnError() throws Exception {
        RecordCodec codec = new RecordCodec();
        byte[] written = write(codec, "سوريا");
        assertThrows(
                EOFException.class, () -> codec.read(new BufferInput(ByteBuffer.wrap(written, 0, written.length - 1))));
    }

    private static BufferInput inPlace(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return new BufferInput(direct);
    }

    private static byte[] write(RecordCodec codec, Object value) throws IOException, RecordCodec.Unsupported {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(out, value);
        }
        return bytes.toByteArray();
    }
}
