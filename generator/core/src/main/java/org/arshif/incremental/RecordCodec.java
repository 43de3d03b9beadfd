package org.arshif.incremental;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import org.arshif.content.Body;

/**
 * Writes and reads records made of strings, numbers, booleans, dates, enums, byte arrays, lists, maps and other such
 * records, by their components, so that a record that grows a component needs no codec change (the cache
 * key includes Arshif's own code, so old entries are never read by new code). A map's order is kept when it has
 * one; an unordered map of text keys is written sorted, so that the same dispatch gives the same bytes.
 */
final class RecordCodec {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int TRUE = 2;
    private static final int FALSE = 3;
    private static final int LONG = 4;
    private static final int INT = 5;
    private static final int DOUBLE = 6;
    private static final int DATE = 7;
    private static final int ENUM = 8;
    private static final int LIST = 9;
    private static final int MAP = 10;
    private static final int RECORD = 11;
    private static final int BYTES = 12;

    private final Map<Class<?>, Method[]> accessors = new ConcurrentHashMap<>();
    private final Map<Class<?>, Constructor<?>> constructors = new ConcurrentHashMap<>();
    // Each record and enum value names its type: at 10,000 dispatches, 200,000 class loader look-ups a load.
    private final Map<String, Class<?>> types = new ConcurrentHashMap<>();
    private static final int SCRATCH = 1 << 12;
    // Each reading thread's array for a short text's bytes (readString).
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[SCRATCH]);
    private final ShortTexts shortTexts = new ShortTexts();
    // The types met, by their names' UTF-8 bytes, for names read in place (typeNamed); replaced, never changed.
    private volatile KnownName[] knownNames = new KnownName[0];

    private record KnownName(byte[] utf8, Class<?> type) {}

    /** A value of a type the codec does not know; the caller then does not cache it. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    void write(DataOutput out, Object o) throws IOException, Unsupported {
        if (o == null) {
            out.writeByte(NULL);
        } else if (o instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (o instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (o instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (o instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (o instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (o instanceof OffsetDateTime t) {
            // The instant and the offset, not the text: parsing 16,000 dates back was a tenth of a rebuild's decoding.
            out.writeByte(DATE);
            out.writeLong(t.toEpochSecond());
            out.writeInt(t.getNano());
            out.writeInt(t.getOffset().getTotalSeconds());
        } else if (o instanceof byte[] bytes) {
            out.writeByte(BYTES);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (o instanceof Enum<?> e) {
            out.writeByte(ENUM);
            writeString(out, e.getDeclaringClass().getName());
            writeString(out, e.name());
        } else if (o instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                write(out, item);
            }
        } else if (o instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : inWrittenOrder(map)) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (o instanceof Body.Cached body) {
            writeBody(out, body);
        } else if (o.getClass().isRecord()) {
            out.writeByte(RECORD);
            writeString(out, o.getClass().getName());
            for (Method m : accessors(o.getClass())) {
                try {
                    write(out, m.invoke(o));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new Unsupported("cannot read " + m + ": " + e);
                }
            }
        } else {
            throw new Unsupported("no codec for " + o.getClass().getName());
        }
    }

    Object read(DataInput in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readString(in);
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case LONG:
                return in.readLong();
            case INT:
                return in.readInt();
            case DOUBLE:
                return in.readDouble();
            case DATE:
                return OffsetDateTime.ofInstant(
                        Instant.ofEpochSecond(in.readLong(), in.readInt()), ZoneOffset.ofTotalSeconds(in.readInt()));
            case ENUM:
                return enumValue(typeNamed(in), readString(in));
            case BYTES: {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                return bytes;
            }
            case LIST: {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                return list;
            }
            case MAP: {
                int n = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    map.put(read(in), read(in));
                }
                return map;
            }
            case RECORD:
                return readRecord(in);
            default:
                throw new IOException("bad tag " + tag);
        }
    }

    private Object readRecord(DataInput in) throws IOException {
        Class<?> type = typeNamed(in);
        if (type == Body.Text.class) {
            return readBody(in);
        }
        Constructor<?> c = constructor(type);
        Object[] args = new Object[c.getParameterCount()];
        Class<?>[] parameters = null; // a copy each time it is asked for: only when a component is null
        for (int i = 0; i < args.length; i++) {
            args[i] = read(in);
            if (args[i] == null) {
                parameters = parameters != null ? parameters : c.getParameterTypes();
                if (parameters[i].isPrimitive()) {
                    throw new IOException("null for a primitive component of " + type.getName());
                }
            }
        }
        try {
            return c.newInstance(args);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IOException("cannot rebuild " + type.getName() + ": " + e, e);
        }
    }

    /** As the {@link Body.Text} it was read from: the same bytes, read back the same way. */
    private void writeBody(DataOutput out, Body.Cached body) throws IOException, Unsupported {
        out.writeByte(RECORD);
        writeString(out, Body.Text.class.getName());
        for (ByteBuffer utf8 : new ByteBuffer[] {body.htmlUtf8(), body.plainUtf8()}) {
            byte[] bytes = Body.Cached.bytes(utf8);
            out.writeByte(STRING);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /**
     * A {@link Body.Text} as a {@link Body.Cached}: its HTML's and plain text's UTF-8 bytes are not decoded (most of a
     * cached build's decoding was the bodies' text, and it renders and analyses few of them). They are the bytes
     * {@link #writeString} made, read back as they were written.
     */
    private Body readBody(DataInput in) throws IOException {
        return new Body.Cached(utf8(in, "HTML"), utf8(in, "plain text"));
    }

    /** The next text's UTF-8 bytes: a slice of the entry when it is read in place, else a copy. */
    private static ByteBuffer utf8(DataInput in, String what) throws IOException {
        if (in.readByte() != STRING) {
            throw new IOException("a body's " + what + " is not text");
        }
        int length = in.readInt();
        if (in instanceof BufferInput buffer) {
            return buffer.slice(length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return ByteBuffer.wrap(bytes);
    }

    /**
     * A map's entries in its own order when it has one (insertion or sorted order), else sorted by key: the order of
     * a hash map, or of {@code Map.copyOf}'s, changes from one JVM to the next, and the cache's bytes would with it.
     */
    private static Iterable<? extends Map.Entry<?, ?>> inWrittenOrder(Map<?, ?> map) {
        if (map.size() < 2
                || map instanceof LinkedHashMap<?, ?>
                || map instanceof SortedMap<?, ?>
                || !map.keySet().stream().allMatch(k -> k instanceof String)) {
            return map.entrySet();
        }
        return map.entrySet().stream()
                .sorted(Comparator.comparing(e -> (String) e.getKey()))
                .toList();
    }

    static void writeString(DataOutput out, String s) throws IOException, Unsupported {
        if (out instanceof EntryOutput entry) {
            // the same bytes, encoded in place in one pass that also finds a lone surrogate
            if (!entry.writeUtf8(s)) {
                throw new Unsupported("text with a lone surrogate");
            }
            return;
        }
        if (!isWellFormed(s)) {
            // UTF-8 has no bytes for it: it would come back as '?', and the cached dispatch would differ
            throw new Unsupported("text with a lone surrogate");
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Whether every surrogate of {@code s} is half of a pair (a YAML escape can make a lone one). */
    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The next text. A short one read in place is shared with an equal one ({@link ShortTexts}); one up to 4 KiB is
     * read into this thread's scratch array, not a new one that the string copies at once: the texts of 16,000
     * entries were the largest part of a load's allocations.
     */
    private String readString(DataInput in) throws IOException {
        return readString(in, in.readInt());
    }

    /** {@link #readString(DataInput)} of a text whose length was read already. */
    String readString(DataInput in, int length) throws IOException {
        if (length < 0 || in instanceof BufferInput buffer && length > buffer.remaining()) {
            throw new EOFException("a text of " + length + " bytes, past the entry's end or negative");
        }
        if (length <= ShortTexts.MAX_BYTES && in instanceof BufferInput buffer) {
            return shortTexts.read(buffer, length);
        }
        byte[] bytes = length <= SCRATCH ? scratch.get() : new byte[length];
        in.readFully(bytes, 0, length);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> c, String name) throws IOException {
        if (!c.isEnum()) {
            throw new IOException(c.getName() + " is not an enum");
        }
        return Enum.valueOf((Class) c, name);
    }

    /**
     * The type the next text names. Read in place, the name's bytes are compared where they are with the names met
     * so far (a dozen types): each of a load's 200,000 records names its type, and making each name a string was a
     * twelfth of the load's allocations.
     */
    private Class<?> typeNamed(DataInput in) throws IOException {
        if (!(in instanceof BufferInput buffer)) {
            return knownType(readString(in));
        }
        int length = in.readInt();
        for (KnownName known : knownNames) {
            if (buffer.next(known.utf8(), length)) {
                buffer.skipBytes(length);
                return known.type();
            }
        }
        if (length < 0 || length > SCRATCH) {
            throw new IOException("a type name of " + length + " bytes");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        Class<?> type = knownType(new String(utf8, StandardCharsets.UTF_8));
        remember(new KnownName(utf8, type));
        return type;
    }

    private synchronized void remember(KnownName name) {
        KnownName[] more = Arrays.copyOf(knownNames, knownNames.length + 1);
        more[knownNames.length] = name;
        knownNames = more;
    }

    /** {@link #type}, each name looked up once. */
    private Class<?> knownType(String name) throws IOException {
        Class<?> known = types.get(name);
        if (known == null) {
            known = type(name);
            types.put(name, known);
        }
        return known;
    }

    private static Class<?> type(String name) throws IOException {
        if (!name.startsWith("org.arshif.")) {
            throw new IOException("refusing to rebuild " + name); // only our own value types come from the cache
        }
        try {
            return Class.forName(name, false, RecordCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown type " + name, e);
        }
    }

    private Method[] accessors(Class<?> type) {
        return accessors.computeIfAbsent(type, t -> {
            RecordComponent[] rc = t.getRecordComponents();
            Method[] m = new Method[rc.length];
            for (int i = 0; i < rc.length; i++) {
                m[i] = rc[i].getAccessor();
                m[i].setAccessible(true);
            }
            return m;
        });
    }

    private Constructor<?> constructor(Class<?> type) throws IOException {
        Constructor<?> known = constructors.get(type);
        if (known != null) {
            return known;
        }
        if (!type.isRecord()) {
            throw new IOException(type.getName() + " is not a record");
        }
        RecordComponent[] rc = type.getRecordComponents();
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            constructors.putIfAbsent(type, c);
            return c;
        } catch (NoSuchMethodException e) {
            throw new IOException("no canonical constructor for " + type.getName(), e);
        }
    }
}
