package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.arshif.content.Body;
import org.arshif.content.Dispatch;
import org.arshif.content.LeadImage;
import org.arshif.content.SourceFormat;
import org.arshif.content.WireInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the codec writes it reads back equal, with its types and map order; what it cannot keep it refuses. */
class RecordCodecTest {
    private final RecordCodec codec = new RecordCodec();

    /** A record of every component kind the codec knows, primitives included. */
    record Everything(
            String text,
            int small,
            long large,
            double real,
            boolean flag,
            OffsetDateTime when,
            SourceFormat kind,
            List<String> list,
            Map<String, Object> map,
            Inner inner,
            List<Inner> inners) {}

    record Inner(String name, Integer boxed) {}

    record Primitive(int value) {}

    record Empty() {}

    static Stream<Object> values() {
        return Stream.of(
                "",
                "ascii",
                "خبر عاجل: قمة في سوتشي",
                "e\u0301 and é",
                "😀 \uD83C\uDDF8\uD83C\uDDFE",
                "nul\u0000char",
                "line\nbreak\ttab",
                Boolean.TRUE,
                Boolean.FALSE,
                0L,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                0,
                Integer.MIN_VALUE,
                Integer.MAX_VALUE,
                0.0,
                -0.0,
                1e300,
                Double.MIN_VALUE,
                Double.NaN,
                Double.NEGATIVE_INFINITY,
                OffsetDateTime.of(2017, 5, 22, 9, 30, 15, 123_456_789, ZoneOffset.ofHours(3)),
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                SourceFormat.MARKDOWN,
                SourceFormat.AGENCY_TEXT,
                List.of(),
                List.of("a", "b"),
                Arrays.asList("a", null, "c"),
                List.of(List.of(), List.of(List.of(1))),
                Map.of(),
                Map.of("k", "v"),
                Collections.singletonMap("nothing", null),
                new Empty(),
                new Primitive(-7),
                new Inner(null, null),
                new Inner("x", 42),
                new Everything(
                        "t",
                        1,
                        2L,
                        3.5,
                        true,
                        OffsetDateTime.of(2020, 2, 29, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                        SourceFormat.AGENCY_TEXT,
                        List.of("a"),
                        orderedMap("z", 1, "a", List.of(2L), "m", null),
                        new Inner("i", 1),
                        List.of(new Inner("j", 2), new Inner("k", null))),
                new Everything("", 0, 0, 0, false, null, null, List.of(), Map.of(), null, List.of()));
    }

    @ParameterizedTest
    @MethodSource("values")
    void everyKindOfValueComesBackEqual(Object value) throws Exception {
        Object back = roundTrip(value);
        if (value instanceof Double d && d.isNaN()) {
            assertTrue(((Double) back).isNaN());
        } else {
            assertEquals(value, back);
        }
        if (!(value instanceof List || value instanceof Map)) { // lists and maps come back as some List or Map
            assertEquals(value.getClass(), back.getClass());
        }
        if (value instanceof Double d) {
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) back), "-0.0 stays -0.0");
        }
    }

    @Test
    void nullComesBackNull() throws Exception {
        assertEquals(null, roundTrip(null));
    }

    @Test
    void integersAndLongsKeepTheirType() throws Exception {
        assertInstanceOf(Integer.class, roundTrip(5));
        assertInstanceOf(Long.class, roundTrip(5L));
    }

    @Test
    void mapsKeepTheirOrder() throws Exception {
        Map<String, Object> map = orderedMap("zebra", 1, "alpha", 2, "mid", 3);
        Map<?, ?> back = (Map<?, ?>) roundTrip(map);
        assertEquals(List.of("zebra", "alpha", "mid"), new ArrayList<>(back.keySet()));
    }

    @Test
    void anUnorderedMapIsWrittenByItsKeysSoTheSameDispatchGivesTheSameBytes() throws Exception {
        // Map.copyOf's order (a dispatch's tag labels) changes from one JVM to the next; a HashMap's puts "zz" first.
        Map<String, Object> hashed = new java.util.HashMap<>();
        hashed.put("a", 1);
        hashed.put("zz", 2);
        assertEquals(List.of("zz", "a"), new ArrayList<>(hashed.keySet()), "the premise: hash order is not key order");
        byte[] sorted = write(new java.util.TreeMap<>(hashed));
        assertArrayEquals(sorted, write(hashed));
        assertArrayEquals(sorted, write(Map.copyOf(hashed)));
        assertEquals(List.of("a", "zz"), new ArrayList<>(((Map<?, ?>) read(write(hashed))).keySet()));
    }

    @Test
    void bytesComeBackEqualEmptyOrLarge() throws Exception {
        assertArrayEquals(new byte[0], (byte[]) roundTrip(new byte[0]));
        byte[] large = new byte[3 << 20];
        new Random(7).nextBytes(large);
        assertArrayEquals(large, (byte[]) roundTrip(large));
    }

    @Test
    void largeValuesComeBackEqual() throws Exception {
        String text = "نص طويل جداً 😀 ".repeat(200_000); // beyond DataOutput.writeUTF's 64 KB
        assertEquals(text, roundTrip(text));
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(i);
        }
        assertEquals(many, roundTrip(many));
    }

    @Test
    void aDispatchComesBackEqualWithEitherKindOfBodyAndWithOrWithoutASection() throws Exception {
        List<List<String>> places = List.of(
                List.of("content/ar/2017/a.md", "", "/ar/2017/05/a/"),
                List.of("content/ar/اقتصاد/gulf/2017/a.md", "اقتصاد/gulf", "/ar/اقتصاد/gulf/2017/05/a/"));
        for (int i = 0; i < 2; i++) {
            Body body = Body.of("<p>نص</p>", "نص", i == 1);
            List<String> place = places.get(i);
            Dispatch d = new Dispatch(
                    place.get(0),
                    "ar",
                    "عنوان",
                    OffsetDateTime.parse("2017-05-22T09:00+03:00"),
                    OffsetDateTime.parse("2017-06-01T10:00+03:00"),
                    List.of("syria", "russia"),
                    Map.of("syria", "سورية"),
                    "a",
                    List.of("/old/a.html"),
                    "k1",
                    "ملخص",
                    false,
                    "موسكو",
                    "سانا",
                    body,
                    orderedMap("rating", 5L, "draftNote", null, "nested", Map.of("x", List.of(true))),
                    SourceFormat.MARKDOWN,
                    true,
                    Map.of("title", Dispatch.Position.of(2, 1), "slug", new Dispatch.Position(400, 9)),
                    place.get(1),
                    place.get(2),
                    new org.arshif.content.DispatchMeta(
                            "وصف",
                            List.of("مراسل"),
                            List.of("سياسة"),
                            List.of("قمة"),
                            OffsetDateTime.parse("2018-01-01T00:00Z"),
                            OffsetDateTime.parse("2017-06-01T00:00Z"),
                            "/a/"),
                    new WireInfo("spa", "سياسي", 1, org.arshif.config.ArabicMonths.MAGHREBI),
                    new LeadImage("photo.jpg", "صورة", "تعليق", 1200, 800, "image/jpeg", 123_456L));
            Dispatch back = (Dispatch) roundTrip(d);
            for (RecordComponent c : Dispatch.class.getRecordComponents()) {
                if (!c.getName().equals("body")) { // a packed body is a byte array: equal by content only
                    assertEquals(c.getAccessor().invoke(d), c.getAccessor().invoke(back), c.getName());
                }
            }
            assertEquals(d.bodyHtml(), back.bodyHtml());
            assertEquals(d.plainText(), back.plainText());
            // A text body comes back with its HTML undecoded (Cached), a packed one as it was.
            assertEquals(
                    i == 1 ? Body.Packed.class : Body.Cached.class, back.body().getClass());
            assertEquals(place.get(1), back.section());
            assertEquals(place.get(2), back.permalink());
        }
    }

    @Test
    void textThatIsNotUnicodeIsRefusedNotMangled() {
        // UTF-8 has no bytes for a lone surrogate (a YAML escape makes one): it would come back as a question mark
        for (String text : List.of("lone \uD800 high", "lone \uDC00 low", "reversed \uDC00\uD800", "end \uD83D")) {
            assertThrows(RecordCodec.Unsupported.class, () -> write(new Inner(text, 1)), text);
        }
    }

    @Test
    void whatItCannotKeepIsRefusedNotMangled() {
        for (Object value : List.of(
                new BigDecimal("1.5"),
                1.5f,
                (short) 1,
                LocalDate.of(2017, 5, 22),
                Set.of("a"),
                new Object(),
                new StringBuilder("text"),
                List.of(new Object()))) {
            assertThrows(
                    RecordCodec.Unsupported.class,
                    () -> write(value),
                    value.getClass().getName());
        }
    }

    @Test
    void damagedInputIsAnIOExceptionNotAnyOtherFailure() throws Exception {
        byte[] good = write(new Inner("name", 1));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThrows(EOFException.class, () -> read(truncated), "cut at " + cut);
        }
        assertThrows(IOException.class, () -> read(new byte[] {99}), "an unknown tag");
        assertThrows(IOException.class, () -> read(forgedRecord("java.lang.Thread")), "a type not of Arshif");
        assertThrows(IOException.class, () -> read(forgedRecord("org.arshif.NoSuchType")), "an unknown type");
        assertThrows(IOException.class, () -> read(forgedRecord("org.arshif.incremental.PageCache")), "a class");
        for (int twice = 0; twice < 2; twice++) { // in place too, where a name's bytes are remembered
            assertThrows(IOException.class, () -> readInPlace(forgedRecord("java.lang.Thread")), "not of Arshif");
            assertThrows(IOException.class, () -> readInPlace(forgedRecord("org.arshif.NoSuchType")), "unknown");
        }
        byte[] nullForInt = renamed(write(new Inner(null, null)), Inner.class.getName(), Primitive.class.getName());
        assertThrows(IOException.class, () -> read(nullForInt), "null for an int component");
    }

    // ---- helpers ----

    /**
     * A text body's HTML and plain text are read back as their UTF-8 bytes, decoded only when asked for; written again (a pack
     * compacted from what a build read), it has the very bytes of the text it was read from.
     */
    @Test
    void aTextBodyComesBackWithItsHtmlUndecodedAndIsWrittenAsItWasRead() throws Exception {
        Body text = new Body.Text("<p>نص <b>عربي</b> and 😀</p>", "نص عربي and 😀");
        byte[] written = write(text);
        Body back = (Body) read(written);
        assertEquals(Body.Cached.class, back.getClass());
        assertArrayEquals(
                text.html().getBytes(StandardCharsets.UTF_8), Body.Cached.bytes(((Body.Cached) back).htmlUtf8()));
        assertArrayEquals(
                text.plainText().getBytes(StandardCharsets.UTF_8), Body.Cached.bytes(((Body.Cached) back).plainUtf8()));
        assertEquals(text.html(), back.html());
        assertEquals(text.plainText(), back.plainText());
        assertArrayEquals(written, write(back));
        assertEquals(back, read(write(back)));
    }

    /**
     * Read in place (as the parse cache reads its mapped pack), a text body's bytes are slices of the entry, not
     * copies in the heap; its text and equality are those of the body written.
     */
    @Test
    void aTextBodyReadInPlaceIsASliceOfTheEntryNotACopy() throws Exception {
        Body text = new Body.Text("<p>نص عربي</p>", "نص عربي");
        byte[] written = write(text);
        ByteBuffer entry =
                ByteBuffer.allocateDirect(written.length).put(written).flip();
        Body.Cached back = (Body.Cached) new RecordCodec().read(new BufferInput(entry));
        assertTrue(back.htmlUtf8().isDirect(), "the HTML is a slice of the entry");
        assertTrue(back.plainUtf8().isDirect(), "the plain text is a slice of the entry");
        assertTrue(back.htmlUtf8().isReadOnly(), "read only");
        assertEquals(text.html(), back.html());
        assertEquals(text.plainText(), back.plainText());
        assertEquals(back, read(written), "equal to the same body read from a copy");
        assertEquals(back.hashCode(), read(written).hashCode());
        assertArrayEquals(written, write(back));
        assertThrows(
                java.io.EOFException.class,
                () -> new RecordCodec().read(new BufferInput(ByteBuffer.wrap(written, 0, written.length - 1))),
                "a body cut short");
    }

    /**
     * Read back twice, from a stream and in place from a buffer (as the parse cache reads its pack, where type
     * names are looked up by their bytes): the two must write the same bytes again. The one read in place is
     * returned.
     */
    private Object roundTrip(Object value) throws Exception {
        byte[] written = write(value);
        Object viaStream = read(written);
        Object viaBuffer = codec.read(new BufferInput(ByteBuffer.wrap(written)));
        assertArrayEquals(write(viaStream), write(viaBuffer), "read from a stream and in place");
        return viaBuffer;
    }

    private byte[] write(Object value) throws IOException, RecordCodec.Unsupported {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(out, value);
        }
        return bytes.toByteArray();
    }

    private Object read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        Object value = codec.read(in);
        assertEquals(-1, in.read(), "everything written is read, nothing more");
        return value;
    }

    private Object readInPlace(byte[] bytes) throws IOException {
        return codec.read(new BufferInput(ByteBuffer.wrap(bytes)));
    }

    /** A RECORD entry naming {@code type}, with no components. */
    private static byte[] forgedRecord(String type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(11);
            byte[] name = type.getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
        }
        return bytes.toByteArray();
    }

    /** A RECORD entry with its type renamed, its components as they were. */
    private static byte[] renamed(byte[] entry, String from, String to) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(forgedRecord(to));
            int skip = 1 + 4 + from.getBytes(StandardCharsets.UTF_8).length;
            out.write(entry, skip, entry.length - skip);
        }
        return bytes.toByteArray();
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
