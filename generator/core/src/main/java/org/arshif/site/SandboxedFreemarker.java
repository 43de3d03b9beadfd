package org.arshif.site;

import freemarker.cache.StrongCacheStorage;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.arshif.site.view.PageContext;

/**
 * Freemarker for templates that may come from a pull request, so they get no way out of rendering text:
 * {@code ?new} instantiates nothing (no {@code Execute}, {@code ObjectConstructor}, {@code JythonRuntime}),
 * {@code ?api} is off, and of Java objects only the view models' own methods are visible (no
 * {@code getClass()}, class loaders or protection domains, no fields, no constructors, no static models).
 * Every template also gets a check at the top of each loop and macro body ({@link #prepare}), so that
 * {@link RenderGuard} sees every iteration, even of an empty {@code <#list 1..>}.
 */
final class SandboxedFreemarker extends Configuration {
    /** Templates already given their checks; weak, as Freemarker's cache decides how long a template lives. */
    private final Map<Template, Boolean> prepared = new WeakHashMap<>();
    /**
     * The templates {@link #getTemplate} gave out, all prepared: asked for on every page, so without a lock, and
     * compared by identity in a short list rather than hashed (their identity hash proved slow to get on many
     * threads). Strong, as Freemarker's cache keeps them anyway; those of {@code ?interpret} stay out.
     */
    private final CopyOnWriteArrayList<Template> loaded = new CopyOnWriteArrayList<>();

    SandboxedFreemarker(TemplateLoader loader) {
        super(Configuration.VERSION_2_3_34);
        setTemplateLoader(loader);
        // Templates are read once per build (serve makes a new theme when they change), all kept.
        setCacheStorage(new StrongCacheStorage());
        setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        setAPIBuiltinEnabled(false);
        setObjectWrapper(new ViewWrapper(wrapperSettings()));
        setDefaultEncoding("UTF-8");
        setOutputEncoding("UTF-8");
        setURLEscapingCharset("UTF-8");
        setRecognizeStandardFileExtensions(true);
        setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        setLogTemplateExceptions(false);
        setWrapUncheckedExceptions(true);
        setFallbackOnNullLoopVariable(false);
        setLocalizedLookup(false);
        setLocale(Locale.ROOT);
        setTimeZone(TimeZone.getTimeZone("UTC"));
        setNumberFormat("computer");
        setBooleanFormat("c");
    }

    /**
     * How templates see Java objects: {@link ViewWrapper} is built from these, and a plain
     * {@link freemarker.template.DefaultObjectWrapper} with them shows the same things, only slower.
     */
    static DefaultObjectWrapperBuilder wrapperSettings() {
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // View models are records: let templates write article.title rather than article.title().
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.setExposeFields(false);
        wrapper.setMemberAccessPolicy(new ViewRecordsOnly());
        return wrapper;
    }

    /** Every template, the main ones and those an include or import loads, comes through here. */
    @Override
    public Template getTemplate(
            String name,
            Locale locale,
            Object customLookupCondition,
            String encoding,
            boolean parseAsFTL,
            boolean ignoreMissing)
            throws IOException {
        Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
        if (template != null && !isLoaded(template)) {
            prepare(template);
            loaded.addIfAbsent(template);
        }
        return template;
    }

    /**
     * Gives a template its checks, once. Freemarker's own hook for stopping templates puts a check element at the
     * start of every loop and macro body; {@link RenderGuard} sees each one entered (the thread is never
     * interrupted). Templates made at render time with {@code ?interpret} do not come through
     * {@link #getTemplate}: the guard prepares them as they start, before any of their loops runs.
     */
    void prepare(Template template) {
        synchronized (prepared) {
            if (prepared.putIfAbsent(template, Boolean.TRUE) == null) {
                _CoreAPI.addThreadInterruptedChecks(template);
            }
        }
    }

    /** Whether {@link #getTemplate} gave out this template (and so prepared it). */
    boolean isLoaded(Template template) {
        for (Template t : loaded) {
            if (t == template) {
                return true;
            }
        }
        return false;
    }

    /**
     * Templates see the public methods that the view models declare: the records of package
     * {@code org.arshif.site.view} (their components, and helpers like {@code paged()}) and {@link JsonLd}.
     * Nothing of any other class, and nothing inherited.
     */
    static final class ViewRecordsOnly implements MemberAccessPolicy {
        private static final String VIEWS = PageContext.class.getPackageName();
        private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

        @Override
        public ClassMemberAccessPolicy forClass(Class<?> type) {
            boolean view = type.isRecord() && type.getPackageName().equals(VIEWS) || type == JsonLd.class;
            return new ClassMemberAccessPolicy() {
                @Override
                public boolean isMethodExposed(Method method) {
                    return view
                            && method.getDeclaringClass() == type
                            && Modifier.isPublic(method.getModifiers())
                            && !Modifier.isStatic(method.getModifiers())
                            && !OBJECT_METHODS.contains(method.getName());
                }

                @Override
                public boolean isConstructorExposed(Constructor<?> constructor) {
                    return false;
                }

                @Override
                public boolean isFieldExposed(Field field) {
                    return false;
                }
            };
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            return true;
        }
    }
}
