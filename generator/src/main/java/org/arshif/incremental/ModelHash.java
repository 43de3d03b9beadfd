package org.arshif.incremental;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.arshif.site.JsonLd;
import org.arshif.site.pages.SharedInput;

/**
 * A 128-bit fingerprint of a page's view model: everything a template can reach, walked in iteration order (a
 * template that lists a map sees that order too). Equal fingerprints with the same templates mean equal pages,
 * so the page need not be rendered again. Not cryptographic; collisions are as unlikely as random 128-bit ones.
 */
public final class ModelHash {
    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final int MAX_DEPTH = 64;
    // Per instance, not static: one hasher per build or preview session, shared by its threads.
    private final Map<Class<?>, Method[]> accessorCache = new ConcurrentHashMap<>();
    private final Map<SharedInput, long[]> shared = new ConcurrentHashMap<>();

    /** A value the walk does not know how to fingerprint; the page is then always rendered. */
    public static final class Unhashable extends Exception {
        Unhashable(String what) {
            super(what);
        }
    }

    /** The fingerprint of a template name and its model as 32 hex digits. */
    public String of(String template, Object model) throws Unhashable {
        State h = new State();
        h.string(template);
        h.value(model, 0);
        return String.format("%016x%016x", h.finishA(), h.finishB());
    }

    /** The running sums of one walk. */
    private final class State {
        private long a = 0x243F6A8885A308D3L;
        private long b = 0x13198A2E03707344L;

    private void mix(long v) {
        a = (a ^ v) * P1;
        a ^= a >>> 29;
        b = (b + v) * P2;
        b ^= b >>> 31;
    }

    private long finishA() {
        long x = a ^ (a >>> 33);
        return x * 0xFF51AFD7ED558CCDL ^ (x >>> 29);
    }

    private long finishB() {
        long x = b ^ (b >>> 31);
        return x * 0xC4CEB9FE1A85EC53L ^ (x >>> 33);
    }

    private void string(CharSequence s) {
        mix(1);
        int n = s.length();
        mix(n);
        int i = 0;
        for (; i + 3 < n; i += 4) {
            mix((long) s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48);
        }
        for (; i < n; i++) {
            mix(s.charAt(i));
        }
    }

    private void value(Object o, int depth) throws Unhashable {
        if (depth > MAX_DEPTH) {
            throw new Unhashable("the model nests deeper than " + MAX_DEPTH);
        }
        if (o == null) {
            mix(0);
        } else if (o instanceof CharSequence s) {
            string(s);
        } else if (o instanceof Boolean v) {
            mix(v ? 3 : 2);
        } else if (o instanceof Number || o instanceof Character || o instanceof Enum<?>
                || o instanceof TemporalAccessor) {
            mix(4);
            string(o.getClass().getName());
            string(o.toString());
        } else if (o instanceof SharedInput s) {
            long[] h = shared.get(s);
            if (h == null) {
                State inner = new State();
                inner.value(s.value(), depth + 1);
                h = new long[] {inner.finishA(), inner.finishB()};
                shared.putIfAbsent(s, h);
            }
            mix(11);
            mix(h[0]);
            mix(h[1]);
        } else if (o instanceof JsonLd j) {
            mix(5);
            string(j.json());
        } else if (o instanceof Map<?, ?> m) {
            mix(6);
            mix(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                value(e.getKey(), depth + 1);
                value(e.getValue(), depth + 1);
            }
        } else if (o instanceof Collection<?> c) {
            mix(7);
            mix(c.size());
            for (Object item : c) {
                value(item, depth + 1);
            }
        } else if (o instanceof Object[] array) {
            mix(8);
            mix(array.length);
            for (Object item : array) {
                value(item, depth + 1);
            }
        } else if (o instanceof Optional<?> opt) {
            mix(9);
            value(opt.orElse(null), depth + 1);
        } else if (o.getClass().isRecord()) {
            mix(10);
            string(o.getClass().getName());
            for (Method accessor : accessors(o.getClass())) {
                try {
                    value(accessor.invoke(o), depth + 1);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new Unhashable("cannot read " + accessor + ": " + e);
                }
            }
        } else {
            throw new Unhashable("no fingerprint for " + o.getClass().getName());
        }
    }

    }

    private Method[] accessors(Class<?> type) throws Unhashable {
        Method[] known = accessorCache.get(type);
        if (known != null) {
            return known;
        }
        RecordComponent[] components = type.getRecordComponents();
        Method[] methods = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            methods[i] = components[i].getAccessor();
            try {
                methods[i].setAccessible(true);
            } catch (RuntimeException e) {
                throw new Unhashable("cannot read the record " + type.getName() + ": " + e);
            }
        }
        accessorCache.putIfAbsent(type, methods);
        return methods;
    }
}
