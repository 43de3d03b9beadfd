package org.arshif.site;

import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.util.Map;
import org.arshif.diag.Diagnostic;

/** Renders one template with a view model, turning every template failure into a positioned finding. */
public final class PageRenderer {
    private final Theme theme;

    public PageRenderer(Theme theme) {
        this.theme = theme;
    }

    /** A template failed: the finding names the template file and line. */
    public static final class RenderException extends Exception {
        private final Diagnostic diagnostic;

        RenderException(Diagnostic diagnostic) {
            super(diagnostic.format());
            this.diagnostic = diagnostic;
        }

        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    public byte[] render(String templateName, Map<String, Object> model) throws RenderException {
        Template template;
        try {
            template = theme.freemarker().getTemplate(templateName);
        } catch (TemplateNotFoundException e) {
            throw new RenderException(Diagnostic.error("templates/" + templateName, 0, 0, "template '" + templateName
                    + "' not found in templates/ or in the built-in theme; add it, or restore the file"));
        } catch (ParseException e) {
            throw syntaxError(e, templateName);
        } catch (IOException e) {
            // After a failed parse Freemarker caches the failure: later lookups (other pages, other threads) get an
            // IOException "error loading the template on an earlier attempt" whose cause is the ParseException.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ParseException parse) {
                    throw syntaxError(parse, templateName);
                }
            }
            throw new RenderException(Diagnostic.error("templates/" + templateName, 1, 1,
                    "cannot read the template: " + e.getMessage()));
        }
        PageBuffer out = new PageBuffer(16 * 1024);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer column = e.getColumnNumber();
            throw new RenderException(Diagnostic.error(templatePath(e.getTemplateSourceName(), templateName),
                    line == null ? 0 : line, column == null ? 0 : column,
                    "template error: " + firstLine(e.getMessageWithoutStackTop())));
        } catch (IOException e) {
            throw new RenderException(Diagnostic.error("templates/" + templateName, 0, 0, e.getMessage()));
        }
        return out.utf8();
    }

    private static RenderException syntaxError(ParseException e, String templateName) {
        return new RenderException(Diagnostic.error(templatePath(e.getTemplateName(), templateName),
                e.getLineNumber(), e.getColumnNumber(), "template syntax error: " + firstLine(e.getEditorMessage())));
    }

    private static String templatePath(String sourceName, String fallback) {
        return "templates/" + (sourceName == null ? fallback : sourceName);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.strip();
        int cut = m.indexOf("\n----");
        return (cut > 0 ? m.substring(0, cut) : m).replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
