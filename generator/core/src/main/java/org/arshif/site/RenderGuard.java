package org.arshif.site;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Template;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arshif.diag.Diagnostic;

/**
 * Bounds the rendering of one page. As Freemarker's tracer it sees every directive the page enters (with
 * {@link SandboxedFreemarker}'s checks, every loop iteration too) and stops the page, with a finding at that
 * directive, when directives nest too deep (a macro or function that calls itself without end) or when the page has
 * used too much CPU time; {@link PageBuffer} asks it to stop a page whose output grows too large. Once stopped it
 * stays stopped: every later directive fails as well, so an {@code <#attempt>} cannot carry on past a limit.
 *
 * <p>One expression that loops inside a built-in, with no directive in between (such as
 * {@code (1..)?filter(x -> false)?first}), never comes back here: {@link RenderWatchdog} watches the page's clock
 * from outside and stops it ({@link #stopFromOutside}). Memory is bounded by the JVM's heap: running out of it, or
 * of stack, ends the page with a finding at the last directive entered.
 */
final class RenderGuard implements TemplateProcessingTracer {
    /** Directives entered between two looks at the clock: the clock costs far more than a directive. */
    private static final int CLOCK_EVERY = 256;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PageRenderer.Limits limits;
    private final SandboxedFreemarker sandbox;
    private final String templateName;
    private final boolean threadCpuTime;
    private final long start;
    private int depth;
    private int sinceClock;
    private TracedElement current;
    /** The directives open, outermost first, up to the depth limit: where an endless nesting repeats itself. */
    private final TracedElement[] open;

    private Template lastTemplate;
    /** Templates this page has entered, so the shared (locked) list of prepared ones is asked once per page. */
    private final Set<Template> entered = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Volatile, as the watchdog may set it from its own thread. */
    private volatile Diagnostic stopped;
    /** Whether the page's thread has left it; read and written under this guard's lock (RenderWatchdog). */
    private boolean left;

    RenderGuard(PageRenderer.Limits limits, SandboxedFreemarker sandbox, String templateName) {
        this.limits = limits;
        this.sandbox = sandbox;
        this.templateName = templateName;
        this.threadCpuTime = THREADS.isCurrentThreadCpuTimeSupported();
        this.start = now();
        this.open = new TracedElement[limits.maxDepth()];
    }

    /** Thrown through the template to end the page; carries the finding. */
    static final class Stop extends RuntimeException {
        private final transient Diagnostic diagnostic;

        Stop(Diagnostic diagnostic) {
            super(diagnostic.format(), null, false, false);
            this.diagnostic = diagnostic;
        }

        Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    @Override
    public void enterElement(Environment env, TracedElement element) {
        current = element;
        if (stopped != null) {
            throw new Stop(stopped);
        }
        if (element.getTemplate() != lastTemplate) {
            // A template made by ?interpret starts here, with its root: give it its checks before its loops run.
            lastTemplate = element.getTemplate();
            if (!sandbox.isLoaded(lastTemplate) && entered.add(lastTemplate)) {
                sandbox.prepare(lastTemplate);
            }
        }
        if (++depth > limits.maxDepth()) {
            throw tooDeep();
        }
        open[depth - 1] = element;
        if (++sinceClock >= CLOCK_EVERY) {
            sinceClock = 0;
            if (now() - start > limits.cpuTime().toNanos()) {
                throw stop("the page took more than " + limits.cpuTime().toSeconds() + " s of CPU time to render;"
                        + " does a loop never end?");
            }
        }
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
        depth--;
    }

    /**
     * Directives nest past the limit: the finding at the call that repeats (the outermost {@code #include} or macro
     * call met again deeper), not at whatever directive the limit fell on; a template that includes itself is named
     * at its include.
     */
    private Stop tooDeep() {
        Map<String, Integer> first = new HashMap<>();
        TracedElement call = null;
        TracedElement any = null;
        for (int i = 0; i < open.length && (call == null || any == null); i++) {
            TracedElement e = open[i];
            Integer seen = first.putIfAbsent(
                    (e.getTemplate() == null ? "" : e.getTemplate().getSourceName()) + ":" + e.getBeginLine() + ":"
                            + e.getBeginColumn(),
                    i);
            if (seen != null) {
                TracedElement again = open[seen];
                any = any == null ? again : any;
                String what = String.valueOf(again.getDescription());
                call = call == null && (what.startsWith("#include") || what.startsWith("@")) ? again : call;
            }
        }
        String nests = "directives nest more than " + limits.maxDepth() + " deep";
        if (call != null && String.valueOf(call.getDescription()).startsWith("#include")) {
            current = call;
            return stop("this #include brings in a template that is already being rendered (a template that includes"
                    + " itself, directly or through another), so " + nests + "; remove the include, or move what"
                    + " the two share into a template of its own and include that");
        }
        current = call != null ? call : any != null ? any : current;
        return stop(nests + " here; does a macro or function call itself without end?");
    }

    /**
     * The page's clock so far: its thread's CPU time (or the wall clock) since it started, read from any thread.
     * The watchdog calls this with the rendering thread.
     */
    long elapsedNanos(Thread renderer) {
        long now = threadCpuTime ? THREADS.getThreadCpuTime(renderer.getId()) : System.nanoTime();
        return now < 0 ? 0 : now - start;
    }

    /** The page's thread is done with it: the watchdog must no longer stop that thread. Under this guard's lock. */
    void left() {
        left = true;
    }

    /** Under this guard's lock. */
    boolean hasLeft() {
        return left;
    }

    /** The limit this page is held to. */
    PageRenderer.Limits limits() {
        return limits;
    }

    /**
     * The watchdog's finding for a page stuck in one expression, at the directive that holds it. Read from another
     * thread, {@code current} may be a directive or two behind; the page's thread has been in one place for
     * seconds when this is called, so in practice it is the last one entered.
     */
    Diagnostic stopFromOutside() {
        return stop("the page took more than " + limits.cpuTime().toSeconds() + " s of CPU time in one expression"
                        + " here, and was stopped from outside; does it run over an endless or huge range, such as"
                        + " (1..)?filter(…) or (1..2000000000)?join(\",\")? Give the range a small end")
                .diagnostic();
    }

    /** The output passed its limit: stops the page at the directive writing. */
    Stop outputLimit() {
        int max = limits.maxOutputChars();
        return stop(String.format(
                Locale.ROOT,
                "the page passed %d MiB of output (%,d characters); does a"
                        + " loop never end, or a string keep growing?",
                max >> 20,
                max));
    }

    /** The finding for a page that ran out of stack, at the last directive entered. */
    Diagnostic outOfStack() {
        return stop("the page ran out of stack here; does a macro, function or ?eval call itself without end?")
                .diagnostic();
    }

    /** The finding for a page that ran out of memory, at the last directive entered. */
    Diagnostic outOfMemory() {
        return stop("the page ran out of memory here; does a string or captured output grow without end?")
                .diagnostic();
    }

    /** The limit that stopped the page, if one did (the template may have caught the failure and gone on). */
    Optional<Diagnostic> stopped() {
        return Optional.ofNullable(stopped);
    }

    private synchronized Stop stop(String message) {
        if (stopped == null) {
            stopped = finding(message);
        }
        return new Stop(stopped);
    }

    private Diagnostic finding(String message) {
        TracedElement at = current;
        String template = at == null || at.getTemplate() == null
                ? templateName
                : at.getTemplate().getSourceName();
        return Diagnostic.error(
                "templates/" + template,
                at == null ? 0 : at.getBeginLine(),
                at == null ? 0 : at.getBeginColumn(),
                "template error: " + message);
    }

    private long now() {
        return threadCpuTime ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
