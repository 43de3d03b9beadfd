package org.arshif.site;

import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core.UnexpectedTypeException;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.Gzip;

/**
 * Renders one template with a view model, turning every template failure into a positioned finding. Each page is
 * bounded ({@link Limits}): a template that recurses, loops or grows without end fails with a finding at the
 * directive where it was stopped, among the run's other findings, instead of hanging or ending the JVM.
 */
public final class PageRenderer {
    /** The most of a template's text read to place a syntax error (a template is a few KB). */
    private static final int MAX_SOURCE = 4 << 20;

    private static final Pattern OBJECT_IDENTITY =
            Pattern.compile("(?:freemarker|org\\.arshif|java)\\.[\\w$.]*@[0-9a-f]+");

    private final Theme theme;
    private final Limits limits;
    private final RenderWatchdog watchdog;
    /**
     * Templates a limit stopped, with the finding: their other pages fail at once with the same finding, rather
     * than each spending the limit again (ten thousand articles times ten seconds).
     */
    private final Map<String, Diagnostic> stoppedTemplates = new ConcurrentHashMap<>();
    /** Each rendering thread's page buffers, reused from page to page. */
    private final ThreadLocal<PageBuffer.Scratch> scratch = ThreadLocal.withInitial(PageBuffer.Scratch::new);

    /**
     * What one page may take.
     *
     * @param maxDepth       directives nested in one another (macro and function calls included)
     * @param maxOutputChars characters of output
     * @param cpuTime        CPU time of the rendering thread (wall-clock time where the JVM cannot measure it)
     */
    public record Limits(int maxDepth, int maxOutputChars, Duration cpuTime) {
        /**
         * Far beyond any real page: the built-in theme nests 12 deep, renders a page in about a millisecond, and
         * writes at most a sitemap of 50,000 URLs, which the sitemap protocol caps at 50 MB.
         */
        public static final Limits DEFAULT = new Limits(500, 64 << 20, Duration.ofSeconds(10));
    }

    public PageRenderer(Theme theme) {
        this(theme, Limits.DEFAULT);
    }

    public PageRenderer(Theme theme, Limits limits) {
        this.theme = theme;
        this.limits = limits;
        this.watchdog = new RenderWatchdog(limits);
    }

    /** A template failed: the finding names the template file and line. */
    public static final class RenderException extends Exception {
        private final transient Diagnostic diagnostic;

        RenderException(Diagnostic diagnostic) {
            super(diagnostic.format());
            this.diagnostic = diagnostic;
        }

        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    /** A template name with this ending renders the template without it, gzipped (a compact site's sitemap parts). */
    public static final String GZIP = ".gz";

    public byte[] render(String templateName, Map<String, Object> model) throws RenderException {
        if (templateName.endsWith(GZIP)) {
            // At the best compression; no name or time in the header, so the bytes depend on the page only.
            return Gzip.of(
                    render(templateName.substring(0, templateName.length() - GZIP.length()), model),
                    Deflater.BEST_COMPRESSION);
        }
        Diagnostic earlier = stoppedTemplates.get(templateName);
        if (earlier != null) {
            throw new RenderException(earlier);
        }
        Template template = load(templateName);
        RenderGuard guard = new RenderGuard(limits, theme.sandbox(), templateName);
        try {
            return watched(template, templateName, model, guard);
        } catch (RenderException e) {
            guard.stopped().ifPresent(d -> stoppedTemplates.putIfAbsent(templateName, d));
            throw e;
        }
    }

    /** Renders under the watchdog's eye, which stops a page stuck in one expression ({@link RenderWatchdog}). */
    private byte[] watched(Template template, String templateName, Map<String, Object> model, RenderGuard guard)
            throws RenderException {
        try {
            watchdog.enter(guard);
            try {
                return process(template, templateName, model, guard);
            } finally {
                watchdog.leave(guard);
            }
        } catch (ThreadDeath e) {
            // Thread.stop sets the interrupt flag too: cleared, or Freemarker's checks would fail the next page.
            Thread.interrupted();
            watchdog.leave(guard);
            throw new RenderException(guard.stopped().orElseThrow(() -> e));
        }
    }

    private byte[] process(Template template, String templateName, Map<String, Object> model, RenderGuard guard)
            throws RenderException {
        PageBuffer out = new PageBuffer(scratch.get(), limits.maxOutputChars(), guard);
        try {
            Environment env = template.createProcessingEnvironment(wrapOnce(model), out);
            env.setTemplateProcessingTracer(guard);
            env.process();
        } catch (RenderGuard.Stop e) {
            throw new RenderException(e.diagnostic());
        } catch (TemplateException e) {
            throw new RenderException(guard.stopped().orElseGet(() -> templateError(e, templateName, model)));
        } catch (IOException e) {
            throw new RenderException(guard.stopped()
                    .orElseGet(() ->
                            Diagnostic.error("templates/" + templateName, 0, 0, "template error: " + e.getMessage())));
        } catch (RuntimeException e) {
            // A limit's Stop that Freemarker wrapped on its way out; anything else is a bug, with its trace.
            throw new RenderException(guard.stopped().orElseThrow(() -> e));
        } catch (StackOverflowError e) {
            throw new RenderException(guard.outOfStack());
        } catch (OutOfMemoryError e) {
            throw new RenderException(guard.outOfMemory());
        }
        // The template may have caught a limit's failure (#attempt) and carried on: the limit still ends the page.
        Optional<Diagnostic> stopped = guard.stopped();
        if (stopped.isPresent()) {
            throw new RenderException(stopped.get());
        }
        return out.utf8();
    }

    /**
     * The data model with each value wrapped up front: the template then gets the same {@code page} (and its
     * view) on each of its many reads, instead of a new wrapper each time, and the wrappers keep what they read.
     */
    private Map<String, Object> wrapOnce(Map<String, Object> model) throws TemplateModelException {
        ObjectWrapper wrapper = theme.freemarker().getObjectWrapper();
        Map<String, Object> wrapped = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : model.entrySet()) {
            wrapped.put(e.getKey(), wrapper.wrap(e.getValue()));
        }
        return wrapped;
    }

    private Template load(String templateName) throws RenderException {
        try {
            return theme.freemarker().getTemplate(templateName);
        } catch (TemplateNotFoundException e) {
            throw new RenderException(Diagnostic.error(
                    "templates/" + templateName,
                    0,
                    0,
                    "template '" + templateName
                            + "' not found in templates/ or in the built-in theme; add it, or restore the file"));
        } catch (ParseException e) {
            throw syntaxError(e, templateName);
        } catch (IOException e) {
            // After a failed parse Freemarker caches the failure: later lookups (other pages, other threads) get an
            // IOException "error loading the template on an earlier attempt" whose cause is the ParseException.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ParseException parse) {
                    throw syntaxError(parse, templateName);
                }
                if (cause instanceof SiteTemplateLoader.Refused refused) {
                    throw new RenderException(refused.diagnostic());
                }
            }
            throw new RenderException(
                    Diagnostic.error("templates/" + templateName, 1, 1, "cannot read the template: " + e.getMessage()));
        } catch (StackOverflowError e) {
            throw new RenderException(Diagnostic.error(
                    "templates/" + templateName,
                    0,
                    0,
                    "the template nests too" + " deep to be read; split its expressions and directives"));
        }
    }

    private Diagnostic templateError(TemplateException e, String templateName, Map<String, Object> model) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SiteTemplateLoader.Refused refused) {
                return refused.diagnostic(); // an include of a file that must not be read: name that file
            }
            if (cause instanceof ParseException parse) {
                // An #include or #import of a template with a syntax error: that template, at its mistake.
                return syntaxError(parse, templateName).diagnostic();
            }
        }
        Integer line = e.getLineNumber();
        Integer column = e.getColumnNumber();
        String message = TemplateMessages.plain(firstLine(e.getMessageWithoutStackTop()));
        // a sum or a value of the wrong kind the page gave the template; the sandbox's refusals and the missing
        // names TemplateTypos reads say their own fix
        boolean valueError = e.getCause() instanceof ArithmeticException
                || e.getCause() instanceof NumberFormatException
                || e instanceof UnexpectedTypeException;
        return Diagnostic.error(
                templatePath(e.getTemplateSourceName(), templateName),
                line == null ? 0 : line,
                column == null ? 0 : column,
                "template error: " + message + TemplateTypos.hint(e, model).orElse(valueError ? RENDER_FIX : ""));
    }

    private RenderException syntaxError(ParseException e, String templateName) {
        String name = e.getTemplateName() == null ? templateName : e.getTemplateName();
        TemplateSyntax.Plain plain = TemplateSyntax.of(e, firstLine(e.getEditorMessage()), source(name));
        return new RenderException(Diagnostic.error(
                templatePath(name, templateName),
                plain.line(),
                plain.column(),
                "template syntax error: " + plain.message()));
    }

    /** A template's text as its loader gives it (the site's file, else the built-in one), for a syntax error. */
    private Optional<String> source(String name) {
        try {
            TemplateLoader loader = theme.freemarker().getTemplateLoader();
            Object found = loader.findTemplateSource(name);
            if (found == null) {
                return Optional.empty();
            }
            try (Reader reader = loader.getReader(found, "UTF-8")) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[8192];
                for (int n; (n = reader.read(buffer)) > 0 && text.length() < MAX_SOURCE; ) {
                    text.append(buffer, 0, n);
                }
                return Optional.of(text.toString());
            } finally {
                loader.closeTemplateSource(found);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // FreeMarker's own position, then
        }
    }

    /** What to do about a template that fails as it renders a page: its own mistake, or a page it did not expect. */
    private static final String RENDER_FIX = "; correct it at that line (a value this page does not have, or not of"
            + " that kind?), or delete the override to render with the built-in theme's";

    private static String templatePath(String sourceName, String fallback) {
        return "templates/" + (sourceName == null ? fallback : sourceName);
    }

    /**
     * Freemarker's message as one line, without its stack, the loader it asked (which names Java objects) or any
     * object's identity hash, so that the same mistake gives the same finding in every run.
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.strip();
        int cut = m.indexOf("\n----");
        m = (cut > 0 ? m.substring(0, cut) : m).replaceAll("\\s*\\n\\s*", " ");
        int loader = m.indexOf(" The name was interpreted by this TemplateLoader");
        m = loader > 0 ? m.substring(0, loader) : m;
        // A view record's model is Freemarker's, only quicker to read: name it as before, so findings stay the same.
        m = m.replace(
                " wrapped into " + ViewRecordModel.class.getName() + ")", " wrapped into f.e.b.GenericObjectModel)");
        return OBJECT_IDENTITY.matcher(m).replaceAll(" ").strip();
    }
}
