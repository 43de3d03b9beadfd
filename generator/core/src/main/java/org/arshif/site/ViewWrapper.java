package org.arshif.site;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperConfiguration;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.arshif.site.view.PageContext;

/**
 * Freemarker's {@link DefaultObjectWrapper}, with a shorter way to the two kinds of value templates read most:
 * text, and the view models' records. A record becomes a {@link ViewRecordModel}, which reads a component through
 * a function made once per record type instead of through Freemarker's reflective lookups on every access;
 * templates see the same values, of the same template types. Everything else is wrapped as before.
 */
final class ViewWrapper extends DefaultObjectWrapper {
    private static final String VIEWS = PageContext.class.getPackageName();

    /** Each view record type's components; null for any other type. */
    private final ClassValue<Components> components = new ClassValue<>() {
        @Override
        protected Components computeValue(Class<?> type) {
            return type.isRecord() && type.getPackageName().equals(VIEWS)
                    ? Components.of(type, getMemberAccessPolicy().forClass(type))
                    : null;
        }
    };

    ViewWrapper(DefaultObjectWrapperConfiguration configuration) {
        super(configuration, true);
    }

    @Override
    public TemplateModel wrap(Object value) throws TemplateModelException {
        if (value instanceof String text) {
            return new SimpleScalar(text); // as DefaultObjectWrapper does, without its chain of type tests first
        }
        if (value != null) {
            Components table = components.get(value.getClass());
            if (table != null) {
                return new ViewRecordModel(value, this, table);
            }
        }
        return super.wrap(value);
    }

    /**
     * A record type's components that templates read as properties ({@code article.title}), by name, with their
     * accessors. A component named like a JavaBeans read method ({@code getX}, {@code isX}) is left out: for it
     * Freemarker's own rules differ, and it keeps them. So is one the member access policy hides: Freemarker then
     * refuses it as before.
     */
    static final class Components {
        private final Map<String, Integer> index;
        private final Function<Object, Object>[] accessors;

        private Components(Map<String, Integer> index, Function<Object, Object>[] accessors) {
            this.index = index;
            this.accessors = accessors;
        }

        /** The components of {@code type} that {@code exposed} lets templates see (the sandbox's rule). */
        static Components of(Class<?> type, ClassMemberAccessPolicy exposed) {
            RecordComponent[] parts = type.getRecordComponents();
            Map<String, Integer> index = new HashMap<>();
            @SuppressWarnings("unchecked")
            Function<Object, Object>[] accessors = new Function[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String name = parts[i].getName();
                if (looksLikeBeanReadMethod(name) || !exposed.isMethodExposed(parts[i].getAccessor())) {
                    continue;
                }
                accessors[i] = accessor(parts[i].getAccessor());
                index.put(name, i);
            }
            return new Components(Map.copyOf(index), accessors);
        }

        /**
         * The accessor as a function, made once: called through a method handle per read, the record's type is
         * checked by a slow {@code Class.cast}; a function's call is an ordinary interface call.
         */
        @SuppressWarnings("unchecked")
        private static Function<Object, Object> accessor(Method method) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandle target = lookup.unreflect(method);
                return (Function<Object, Object>) LambdaMetafactory.metafactory(
                                lookup,
                                "apply",
                                MethodType.methodType(Function.class),
                                MethodType.methodType(Object.class, Object.class),
                                target,
                                target.type().wrap())
                        .getTarget()
                        .invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + method + " from templates", e);
            }
        }

        private static boolean looksLikeBeanReadMethod(String name) {
            return startsWithPrefix(name, "get") || startsWithPrefix(name, "is");
        }

        private static boolean startsWithPrefix(String name, String prefix) {
            return name.length() > prefix.length()
                    && name.startsWith(prefix)
                    && Character.isUpperCase(name.charAt(prefix.length()));
        }

        int size() {
            return accessors.length;
        }

        /** The component's position, or -1 when {@code name} is none of them (or one left to Freemarker). */
        int indexOf(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }

        Object read(int i, Object record) {
            return accessors[i].apply(record);
        }
    }
}
