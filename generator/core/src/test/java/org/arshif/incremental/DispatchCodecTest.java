package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arshif.config.ArabicMonths;
import org.arshif.content.Body;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchMeta;
import org.arshif.content.LeadImage;
import org.arshif.content.SourceFormat;
import org.arshif.content.WireInfo;
import org.junit.jupiter.api.Test;

/** A dispatch written by hand comes back equal, component by component, and damaged bytes are refused. */
class DispatchCodecTest {
    private final DispatchCodec codec = new DispatchCodec(new RecordCodec());

    /** A component added to Dispatch fails here until the codec writes it (the codec lists them in its order). */
    @Test
    void theCodecWritesEveryComponentOfADispatchInItsOrder() {
        List<String> components = Arrays.stream(Dispatch.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertEquals(components, DispatchCodec.COMPONENTS);
    }

    @Test
    void everyKindOfDispatchComesBackEqualFromAStreamAndInPlace() throws Exception {
        for (Dispatch d : List.of(
                full(Body.of("<p>نص</p>", "نص", false)),
                full(Body.of("<p>نص 😀</p>", "نص 😀", true)),
                full(new Body.Cached("<p>x</p>".getBytes(), "x".getBytes())),
                bare())) {
            byte[] written = write(d);
            Dispatch viaStream = readFromStream(written);
            Dispatch inPlace = readInPlace(written);
            for (Dispatch back : List.of(viaStream, inPlace)) {
                for (RecordComponent c : Dispatch.class.getRecordComponents()) {
                    if (!c.getName().equals("body")) { // a packed body is a byte array: equal by content only
                        assertEquals(c.getAccessor().invoke(d), c.getAccessor().invoke(back), c.getName());
                    }
                }
                assertEquals(d.bodyHtml(), back.bodyHtml());
                assertEquals(d.plainText(), back.plainText());
                assertEquals(
                        d.body() instanceof Body.Packed ? Body.Packed.class : Body.Cached.class,
                        back.body().getClass());
                assertArrayEquals(written, write(back), "written again, the same bytes");
            }
        }
    }

    @Test
    void aTextBodyReadInPlaceIsASliceOfTheEntryAndTheCommonPartsAreShared() throws Exception {
        byte[] written = write(bare());
        ByteBuffer entry =
                ByteBuffer.allocateDirect(written.length).put(written).flip();
        Dispatch back = codec.read(new BufferInput(entry));
        Body.Cached body = assertInstanceOf(Body.Cached.class, back.body());
        assertTrue(body.htmlUtf8().isDirect(), "the HTML is a slice of the entry");
        assertTrue(body.plainUtf8().isDirect(), "the plain text is a slice of the entry");
        assertSame(DispatchMeta.NONE, back.meta());
        assertSame(WireInfo.NONE, back.wire());
        assertSame(Dispatch.Position.of(2, 1), back.position("title"), "a common position is the shared one");
    }

    @Test
    void theSameDispatchGivesTheSameBytesWhateverItsMapsOrder() throws Exception {
        Map<String, Dispatch.Position> one = new HashMap<>();
        Map<String, Dispatch.Position> other = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (String key : List.of("title", "date", "slug", "tags", "dateline", "source", "translationKey")) {
            one.put(key, Dispatch.Position.of(key.length(), 1));
            other.put(key, Dispatch.Position.of(key.length(), 1));
        }
        assertArrayEquals(write(withPositions(bare(), one)), write(withPositions(bare(), other)));
    }

    @Test
    void aDamagedEntryIsAnIOExceptionNotAnyOtherFailure() throws Exception {
        byte[] good = write(full(Body.of("<p>نص</p>", "نص", false)));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThrows(IOException.class, () -> readInPlace(truncated), "in place, cut at " + cut);
            assertThrows(IOException.class, () -> readFromStream(truncated), "from a stream, cut at " + cut);
        }
        byte[] hugeTitle = good.clone();
        int title = 4 + "content/ar/2017/a.md".length() + 4 + "ar".length();
        ByteBuffer.wrap(hugeTitle).putInt(title, Integer.MAX_VALUE);
        assertThrows(IOException.class, () -> readInPlace(hugeTitle), "a length beyond the entry, not an allocation");
        byte[] negative = good.clone();
        ByteBuffer.wrap(negative).putInt(title, -7);
        assertThrows(IOException.class, () -> readInPlace(negative), "a negative length");
    }

    @Test
    void textThatIsNotUnicodeIsRefusedNotMangled() {
        Dispatch lone = withPositions(bare(), Map.of("lone \uD800", Dispatch.Position.START));
        assertThrows(RecordCodec.Unsupported.class, () -> write(lone));
    }

    private static Dispatch full(Body body) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rating", 5L);
        params.put("draftNote", null);
        params.put("nested", Map.of("x", List.of(true, 1.5, OffsetDateTime.parse("2017-05-22T09:00+03:00"))));
        return new Dispatch(
                "content/ar/2017/a.md",
                "ar",
                "عنوان",
                OffsetDateTime.parse("2017-05-22T09:00:01.5+03:00"),
                OffsetDateTime.parse("2017-06-01T10:00-05:30"),
                List.of("syria", "russia"),
                Map.of("syria", "سورية", "russia", "روسيا"),
                "a",
                List.of("/old/a.html", "/older/a.html"),
                "key:k1",
                "ملخص",
                true,
                "موسكو",
                "سانا",
                body,
                params,
                SourceFormat.AGENCY_TEXT,
                true,
                Map.of(
                        "title",
                        Dispatch.Position.of(2, 1),
                        "slug",
                        new Dispatch.Position(400, 9),
                        "draft",
                        Dispatch.Position.of("content/ar/اقتصاد/_index.md", 4, 3)),
                "اقتصاد/gulf",
                "/ar/اقتصاد/gulf/2017/05/a/",
                new DispatchMeta(
                        "وصف",
                        List.of("مراسل"),
                        List.of("سياسة"),
                        List.of("قمة"),
                        OffsetDateTime.parse("2018-01-01T00:00Z"),
                        OffsetDateTime.parse("2017-06-01T00:00Z"),
                        "/a/"),
                new WireInfo("spa", "سياسي", 1, ArabicMonths.MAGHREBI),
                new LeadImage("photo.jpg", "صورة", "تعليق", 1200, 800, "image/jpeg", 123_456L));
    }

    /** As few components as a dispatch has: nothing optional, and nulls where a record allows them. */
    private static Dispatch bare() {
        return new Dispatch(
                "content/en/2024/b.txt",
                "en",
                "",
                OffsetDateTime.parse("2024-12-31T22:18:00+03:00"),
                null,
                List.of(),
                Map.of(),
                "",
                List.of(),
                "path:b",
                "",
                false,
                "",
                "",
                new Body.Text("", ""),
                Map.of(),
                null,
                false,
                Map.of("title", Dispatch.Position.of(2, 1)),
                "",
                "/en/b/",
                DispatchMeta.NONE,
                WireInfo.NONE,
                null);
    }

    private static Dispatch withPositions(Dispatch d, Map<String, Dispatch.Position> positions) {
        return new Dispatch(
                d.path(),
                d.lang(),
                d.title(),
                d.date(),
                d.lastmod(),
                d.tags(),
                d.tagLabels(),
                d.slug(),
                d.aliases(),
                d.translationGroup(),
                d.summary(),
                d.draft(),
                d.dateline(),
                d.source(),
                d.body(),
                d.params(),
                d.format(),
                d.footerFound(),
                positions,
                d.section(),
                d.permalink(),
                d.meta(),
                d.wire(),
                d.image());
    }

    private byte[] write(Dispatch d) throws IOException, RecordCodec.Unsupported {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(out, d);
        }
        return bytes.toByteArray();
    }

    private Dispatch readFromStream(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        Dispatch d = codec.read(in);
        assertEquals(-1, in.read(), "everything written is read, nothing more");
        return d;
    }

    private Dispatch readInPlace(byte[] bytes) throws IOException {
        return codec.read(new BufferInput(ByteBuffer.wrap(bytes)));
    }
}
