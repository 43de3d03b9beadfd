package org.arshif.incremental;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arshif.config.ArabicMonths;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchMeta;
import org.arshif.content.LeadImage;
import org.arshif.content.SourceFormat;
import org.arshif.content.WireInfo;

/**
 * A {@link Dispatch} written and read by hand, component after component, into its final records: the reflective
 * {@link RecordCodec} named each of the 200,000 records of a 10,000-dispatch archive by its type, built its lists
 * and maps as growable ones that the records' constructors then copied, and boxed every flag and number. Only the
 * front-matter values Arshif does not know ({@code params}, of any shape YAML gives) still go through it.
 *
 * <p>Every component is here: a test compares this class's list with {@link Dispatch}'s record components, so a
 * component added there fails it until it is written here too.
 */
final class DispatchCodec {
    /** Dispatch's components in the order written, for that test. */
    static final List<String> COMPONENTS = List.of(
            "path",
            "lang",
            "title",
            "date",
            "lastmod",
            "tags",
            "tagLabels",
            "slug",
            "aliases",
            "translationGroup",
            "summary",
            "draft",
            "dateline",
            "source",
            "body",
            "params",
            "format",
            "footerFound",
            "positions",
            "section",
            "permalink",
            "meta",
            "wire",
            "image");

    private static final int NULL = -1;
    private static final SourceFormat[] FORMATS = SourceFormat.values();
    private static final ArabicMonths[] MONTHS = ArabicMonths.values();

    private final RecordCodec codec;

    DispatchCodec(RecordCodec codec) {
        this.codec = codec;
    }

    void write(DataOutput out, Dispatch d) throws IOException, RecordCodec.Unsupported {
        text(out, d.path());
        text(out, d.lang());
        text(out, d.title());
        date(out, d.date());
        date(out, d.lastmod());
        texts(out, d.tags());
        textMap(out, d.tagLabels());
        text(out, d.slug());
        texts(out, d.aliases());
        text(out, d.translationGroup());
        text(out, d.summary());
        out.writeBoolean(d.draft());
        text(out, d.dateline());
        text(out, d.source());
        BodyCodec.write(out, d.body());
        params(out, d.params());
        out.writeByte(d.format() == null ? NULL : d.format().ordinal());
        out.writeBoolean(d.footerFound());
        positions(out, d.positions());
        text(out, d.section());
        text(out, d.permalink());
        meta(out, d.meta());
        wire(out, d.wire());
        image(out, d.image());
    }

    Dispatch read(DataInput in) throws IOException {
        return new Dispatch(
                text(in),
                text(in),
                text(in),
                date(in),
                date(in),
                texts(in),
                textMap(in),
                text(in),
                texts(in),
                text(in),
                text(in),
                in.readBoolean(),
                text(in),
                text(in),
                BodyCodec.read(in),
                params(in),
                format(in),
                in.readBoolean(),
                positions(in),
                text(in),
                text(in),
                meta(in),
                wire(in),
                image(in));
    }

    private static void text(DataOutput out, String s) throws IOException, RecordCodec.Unsupported {
        if (s == null) {
            out.writeInt(NULL);
        } else {
            RecordCodec.writeString(out, s);
        }
    }

    private String text(DataInput in) throws IOException {
        int length = in.readInt();
        return length == NULL ? null : codec.readString(in, length);
    }

    /** A text that is never null: a list's, a map's. */
    private String someText(DataInput in) throws IOException {
        String s = text(in);
        if (s == null) {
            throw new IOException("null where a text must be");
        }
        return s;
    }

    private static void date(DataOutput out, OffsetDateTime t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.toEpochSecond());
            out.writeInt(t.getNano());
            out.writeInt(t.getOffset().getTotalSeconds());
        }
    }

    private static OffsetDateTime date(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        try {
            return OffsetDateTime.ofInstant(
                    Instant.ofEpochSecond(in.readLong(), in.readInt()), ZoneOffset.ofTotalSeconds(in.readInt()));
        } catch (DateTimeException e) {
            throw new IOException("a damaged date", e);
        }
    }

    private static void texts(DataOutput out, List<String> list) throws IOException, RecordCodec.Unsupported {
        out.writeInt(list.size());
        for (String s : list) {
            text(out, s);
        }
    }

    /** An immutable list as the records' {@code List.copyOf} keeps it, so that they do not copy it again. */
    private List<String> texts(DataInput in) throws IOException {
        int n = count(in);
        if (n == 0) {
            return List.of();
        }
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            texts[i] = someText(in);
        }
        return List.of(texts);
    }

    /** An unordered map of texts ({@code Map.copyOf}'s), written by its sorted keys: the same dispatch, the same bytes. */
    private static void textMap(DataOutput out, Map<String, String> map) throws IOException, RecordCodec.Unsupported {
        List<String> keys = sortedKeys(map);
        out.writeInt(keys.size());
        for (String key : keys) {
            text(out, key);
            text(out, map.get(key));
        }
    }

    private Map<String, String> textMap(DataInput in) throws IOException {
        int n = count(in);
        if (n == 0) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] entries = new Map.Entry[n];
        for (int i = 0; i < n; i++) {
            entries[i] = Map.entry(someText(in), someText(in));
        }
        return immutable(entries);
    }

    private static void positions(DataOutput out, Map<String, Dispatch.Position> positions)
            throws IOException, RecordCodec.Unsupported {
        List<String> keys = sortedKeys(positions);
        out.writeInt(keys.size());
        for (String key : keys) {
            Dispatch.Position p = positions.get(key);
            text(out, key);
            // A key cascaded from a section page: its line negated, then the section page.
            out.writeInt(p.file().isEmpty() ? p.line() : -p.line());
            out.writeInt(p.column());
            if (!p.file().isEmpty()) {
                text(out, p.file());
            }
        }
    }

    private Map<String, Dispatch.Position> positions(DataInput in) throws IOException {
        int n = count(in);
        if (n == 0) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, Dispatch.Position>[] entries = new Map.Entry[n];
        for (int i = 0; i < n; i++) {
            String key = someText(in);
            int line = in.readInt();
            int column = in.readInt();
            entries[i] = Map.entry(
                    key,
                    line >= 0 ? Dispatch.Position.of(line, column) : Dispatch.Position.of(someText(in), -line, column));
        }
        return immutable(entries);
    }

    private static <V> Map<String, V> immutable(Map.Entry<String, V>[] entries) throws IOException {
        try {
            return Map.ofEntries(entries);
        } catch (IllegalArgumentException e) {
            throw new IOException("a key twice", e);
        }
    }

    private static List<String> sortedKeys(Map<String, ?> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        Collections.sort(keys);
        return keys;
    }

    /** In the map's own order (insertion order, as front matter wrote the keys); each value as {@link RecordCodec} writes it. */
    private void params(DataOutput out, Map<String, Object> params) throws IOException, RecordCodec.Unsupported {
        out.writeInt(params.size());
        for (Map.Entry<String, Object> e : params.entrySet()) {
            text(out, e.getKey());
            codec.write(out, e.getValue());
        }
    }

    private Map<String, Object> params(DataInput in) throws IOException {
        int n = count(in);
        if (n == 0) {
            return Map.of();
        }
        Map<String, Object> params = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            params.put(someText(in), codec.read(in));
        }
        return params;
    }

    private static SourceFormat format(DataInput in) throws IOException {
        int ordinal = in.readByte();
        if (ordinal == NULL) {
            return null;
        }
        if (ordinal < 0 || ordinal >= FORMATS.length) {
            throw new IOException("a source format numbered " + ordinal);
        }
        return FORMATS[ordinal];
    }

    private static void meta(DataOutput out, DispatchMeta meta) throws IOException, RecordCodec.Unsupported {
        out.writeBoolean(meta != null);
        if (meta != null) {
            text(out, meta.description());
            texts(out, meta.authors());
            texts(out, meta.categories());
            texts(out, meta.keywords());
            date(out, meta.expiry());
            date(out, meta.publish());
            text(out, meta.url());
        }
    }

    /** {@link DispatchMeta#NONE} itself when it is that (most dispatches), else a new one. */
    private DispatchMeta meta(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        DispatchMeta meta = new DispatchMeta(text(in), texts(in), texts(in), texts(in), date(in), date(in), text(in));
        return meta.equals(DispatchMeta.NONE) ? DispatchMeta.NONE : meta;
    }

    private static void wire(DataOutput out, WireInfo wire) throws IOException, RecordCodec.Unsupported {
        out.writeBoolean(wire != null);
        if (wire != null) {
            text(out, wire.profile());
            text(out, wire.category());
            out.writeInt(wire.part());
            out.writeByte(
                    wire.arabicMonths() == null ? NULL : wire.arabicMonths().ordinal());
        }
    }

    /** {@link WireInfo#NONE} itself when it is that, else a new one. */
    private WireInfo wire(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String profile = text(in);
        String category = text(in);
        int part = in.readInt();
        int months = in.readByte();
        if (months != NULL && (months < 0 || months >= MONTHS.length)) {
            throw new IOException("Arabic months numbered " + months);
        }
        WireInfo wire = new WireInfo(profile, category, part, months == NULL ? null : MONTHS[months]);
        return wire.equals(WireInfo.NONE) ? WireInfo.NONE : wire;
    }

    private static void image(DataOutput out, LeadImage image) throws IOException, RecordCodec.Unsupported {
        out.writeBoolean(image != null);
        if (image != null) {
            text(out, image.href());
            text(out, image.alt());
            text(out, image.caption());
            out.writeInt(image.width());
            out.writeInt(image.height());
            text(out, image.type());
            out.writeLong(image.length());
        }
    }

    private LeadImage image(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new LeadImage(text(in), text(in), text(in), in.readInt(), in.readInt(), text(in), in.readLong());
    }

    private static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || (in instanceof BufferInput buffer && n > buffer.remaining())) {
            throw new EOFException("a count of " + n);
        }
        return n;
    }
}
