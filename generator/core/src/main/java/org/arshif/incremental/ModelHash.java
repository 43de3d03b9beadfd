package org.arshif.incremental;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.arshif.internal.Fingerprint;
import org.arshif.site.pages.SharedInput;

/**
 * A 128-bit fingerprint of a page's view model ({@link Fingerprint}: XXH3-128): everything a template
 * can reach, walked in iteration order (a template that lists a map sees that order too). Every value is written
 * with a tag for its kind and its length, so different models give different bytes; equal fingerprints with the
 * same templates mean equal pages, and the page need not be rendered again.
 *
 * <p>Walked: null, text, booleans, numbers, characters, enums, dates and times, maps, collections, arrays,
 * optionals and records of them. A {@link SharedInput} (a part of many pages) is fingerprinted once per distinct
 * value. Anything else is {@link Unhashable}, and its page is always rendered.
 */
public final class ModelHash {
    private static final int MAX_DEPTH = 64;
    private static final int NULL = 0;
    private static final int TEXT = 1;
    private static final int FALSE = 2;
    private static final int TRUE = 3;
    private static final int SCALAR = 4;
    private static final int MAP = 6;
    private static final int COLLECTION = 7;
    private static final int ARRAY = 8;
    private static final int OPTIONAL = 9;
    private static final int RECORD = 10;
    private static final int SHARED = 11;

    // Per instance, not static: one hasher per build or preview session, shared by its threads.
    private final Map<Class<?>, Method[]> accessorCache = new ConcurrentHashMap<>();
    private final Map<SharedInput, Fingerprint.Hash128> shared = new ConcurrentHashMap<>();

    /** A value the walk does not know how to fingerprint; the page is then always rendered. */
    public static final class Unhashable extends Exception {
        Unhashable(String what) {
            super(what);
        }
    }

    /** The fingerprint of a template name and its model as 32 hex digits. */
    public String of(String template, Object model) throws Unhashable {
        Fingerprint f = new Fingerprint();
        f.text(template);
        value(f, model, 0);
        return f.finish().hex();
    }

    private void value(Fingerprint f, Object o, int depth) throws Unhashable {
        if (depth > MAX_DEPTH) {
            throw new Unhashable("the model nests deeper than " + MAX_DEPTH);
        }
        if (o == null) {
            f.tag(NULL);
        } else if (o instanceof CharSequence s) {
            f.tag(TEXT).text(s);
        } else if (o instanceof Boolean v) {
            f.tag(v ? TRUE : FALSE);
        } else if (o instanceof Number
                || o instanceof Character
                || o instanceof Enum<?>
                || o instanceof TemporalAccessor) {
            // the type too: 1 and 1L, or a date and a string that reads the same, are different models
            f.tag(SCALAR).text(o.getClass().getName()).text(o.toString());
        } else if (o instanceof SharedInput s) {
            Fingerprint.Hash128 h = shared(s, depth);
            f.tag(SHARED).number(h.high()).number(h.low());
        } else {
            container(f, o, depth);
        }
    }

    private Fingerprint.Hash128 shared(SharedInput s, int depth) throws Unhashable {
        Fingerprint.Hash128 known = shared.get(s);
        if (known == null) {
            Fingerprint inner = new Fingerprint();
            value(inner, s.value(), depth + 1);
            known = inner.finish();
            shared.putIfAbsent(s, known);
        }
        return known;
    }

    private void container(Fingerprint f, Object o, int depth) throws Unhashable {
        if (o instanceof Map<?, ?> m) {
            f.tag(MAP).number(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                value(f, e.getKey(), depth + 1);
                value(f, e.getValue(), depth + 1);
            }
        } else if (o instanceof Collection<?> c) {
            f.tag(COLLECTION).number(c.size());
            for (Object item : c) {
                value(f, item, depth + 1);
            }
        } else if (o instanceof Object[] array) {
            f.tag(ARRAY).number(array.length);
            for (Object item : array) {
                value(f, item, depth + 1);
            }
        } else if (o instanceof Optional<?> opt) {
            f.tag(OPTIONAL);
            value(f, opt.orElse(null), depth + 1);
        } else if (o.getClass().isRecord()) {
            f.tag(RECORD).text(o.getClass().getName());
            for (Method accessor : accessors(o.getClass())) {
                try {
                    value(f, accessor.invoke(o), depth + 1);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new Unhashable("cannot read " + accessor + ": " + e);
                }
            }
        } else {
            throw new Unhashable("no fingerprint for " + o.getClass().getName());
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
