package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.arshif.check.CheckReport;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates may come from a pull request, so each known way out of Freemarker is tried in a site's template
 * override: each must end as one finding at the template's line and column, run no program (the marker file a
 * command would create stays absent) and write no site. {@code MARKER} in a template stands for that file's path.
 */
class TemplateSandboxTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of(
                        "Execute through ?new",
                        "robots.ftl",
                        "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch MARKER\")}",
                        "templates/robots.ftl:1:1: error: template error: Instantiating"
                                + " freemarker.template.utility.Execute is not allowed in the template for security"
                                + " reasons."),
                Arguments.of(
                        "ObjectConstructor starting a process",
                        "robots.ftl",
                        "<#assign oc=\"freemarker.template.utility.ObjectConstructor\"?new()>\n"
                                + "${oc(\"java.lang.ProcessBuilder\", \"touch\", \"MARKER\").start()}",
                        "templates/robots.ftl:1:1: error: template error: Instantiating"
                                + " freemarker.template.utility.ObjectConstructor is not allowed in the template for"
                                + " security reasons."),
                Arguments.of(
                        "JythonRuntime",
                        "robots.ftl",
                        "<#assign py=\"freemarker.template.utility.JythonRuntime\"?new()>"
                                + "<@py>import os; os.system(\"touch MARKER\")</@py>",
                        "templates/robots.ftl:1:1: error: template error: Instantiating"
                                + " freemarker.template.utility.JythonRuntime is not allowed in the template for"
                                + " security reasons."),
                Arguments.of(
                        "?new inside ?eval",
                        "robots.ftl",
                        "${'\"freemarker.template.utility.Execute\"?new()'?eval(\"touch MARKER\")}",
                        "templates/robots.ftl:1:1: error: template error: '\"freemarker.template.utility.Execute\""
                                + "?new()'?eval Failed to \"?eval\" string with this error: ---begin-message---"
                                + " Instantiating freemarker.template.utility.Execute is not allowed in the template"
                                + " for security reasons. ---end-message--- The failing expression:"),
                Arguments.of(
                        "?new inside ?interpret",
                        "robots.ftl",
                        "<#assign t=r'<#assign ex=\"freemarker.template.utility.Execute\"?new()>"
                                + "${ex(\"touch MARKER\")}'"
                                + "?interpret>\n<@t/>",
                        "templates/robots.ftl:2:1: error: template error: Template created with \"?interpret\" has"
                                + " stopped with this error: ---begin-message--- Instantiating"
                                + " freemarker.template.utility.Execute is not allowed in the template for security"
                                + " reasons."),
                Arguments.of(
                        "?api",
                        "article.ftlh",
                        "${page?api.getClass().forName(\"java.lang.Runtime\").getRuntime().exec(\"touch MARKER\")}",
                        "templates/article.ftlh:1:3: error: template error: ?api is not available in templates (the"
                                + " sandbox refuses it); read the value's fields as the page gives them, e.g."
                                + " ${article.title}"),
                Arguments.of(
                        "getClass() of a view model",
                        "article.ftlh",
                        "${page.getClass().forName(\"java.lang.Runtime\").getRuntime().exec(\"touch MARKER\")}",
                        "templates/article.ftlh:1:3: error: template error: The following has evaluated to null or"
                                + " missing: ==> page.getClass  [in template \"article.ftlh\" at line 1, column 3]"),
                Arguments.of(
                        "the class property, its protection domain and class loader",
                        "article.ftlh",
                        "${page.class.protectionDomain.classLoader}",
                        "templates/article.ftlh:1:3: error: template error: The following has evaluated to null or"
                                + " missing: ==> page.class  [in template \"article.ftlh\" at line 1, column 3]"),
                Arguments.of(
                        "getClass() of the JSON-LD model",
                        "article.ftlh",
                        "${json.getClass().forName(\"java.lang.Runtime\")}",
                        "templates/article.ftlh:1:3: error: template error: The following has evaluated to null or"
                                + " missing: ==> json.getClass  [in template \"article.ftlh\" at line 1, column 3]"),
                Arguments.of(
                        "getClass() of a Java object Freemarker hands out",
                        "article.ftlh",
                        "${.locale_object.getClass().forName(\"java.lang.Runtime\")}",
                        "templates/article.ftlh:1:3: error: template error: The following has evaluated to null or"
                                + " missing: ==> .locale_object.getClass  [in template \"article.ftlh\" at line 1,"
                                + " column 3]"),
                Arguments.of(
                        "static models",
                        "robots.ftl",
                        "${statics[\"java.lang.Runtime\"].getRuntime().exec(\"touch MARKER\")}",
                        "templates/robots.ftl:1:3: error: template error: The following has evaluated to null or"
                                + " missing: ==> statics  [in template \"robots.ftl\" at line 1, column 3]; this page"
                                + " has no such name: its names are sitemap"),
                Arguments.of(
                        "turning the class resolver back on",
                        "robots.ftl",
                        "<#setting new_builtin_class_resolver=\"unrestricted\">",
                        "templates/robots.ftl:1:11: error: template syntax error: The setting name is recognized, but"
                                + " changing this setting from inside a template isn't supported."),
                Arguments.of(
                        "including an absolute path",
                        "robots.ftl",
                        "<#include \"/etc/passwd\">",
                        "templates/robots.ftl:1:1: error: template error: <#include \"/etc/passwd\">: no template"
                                + " etc/passwd in templates/ or in the built-in theme; a name is read from templates/"
                                + " (with or without a leading /): correct it, or add the file"),
                Arguments.of(
                        "including a path out of templates/",
                        "robots.ftl",
                        "\n<#include \"../../../../../../../etc/passwd\">",
                        "templates/robots.ftl:2:1: error: template error: <#include"
                                + " \"../../../../../../../etc/passwd\">: a template name cannot leave templates/;"
                                + " name a file under templates/ or one of the built-in theme's"),
                Arguments.of(
                        "importing the site's configuration",
                        "robots.ftl",
                        "<#import \"../arshif.yml\" as config>",
                        "templates/robots.ftl:1:1: error: template error: <#import \"../arshif.yml\">: a template"
                                + " name cannot leave templates/; name a file under templates/ or one of the built-in"
                                + " theme's"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void aTemplateCannotReachOutOfItsSandbox(String escape, String template, String source, String expected)
            throws IOException {
        Path marker = tmp.resolve("marker");
        Path root = site(template, source.replace("MARKER", marker.toString()));

        ContentException e =
                assertThrows(ContentException.class, () -> arshif(root).build());
        List<String> errors = e.errors().stream().map(Diagnostic::format).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(expected, errors.get(0));
        assertFalse(Files.exists(marker), "a program ran");
        assertFalse(Files.exists(tmp.resolve("out")), "a site was written");
        assertFalse(errors.get(0).contains("root:x:0"), "a file outside the site was read");
    }

    @Test
    void checkRunsTheTemplatesInTheSameSandbox() throws IOException {
        Path marker = tmp.resolve("marker");
        Path root = site(
                "robots.ftl",
                "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}");

        CheckReport report = arshif(root).check();
        assertEquals(
                List.of("templates/robots.ftl:1:1: error: template error: Instantiating"
                        + " freemarker.template.utility.Execute is not allowed in the template for security reasons."),
                report.findings().stream()
                        .filter(Diagnostic::isError)
                        .map(Diagnostic::format)
                        .toList());
        assertFalse(Files.exists(marker), "check ran a program");
    }

    /** A one-dispatch site whose templates folder holds one file. */
    private Path site(String template, String source) throws IOException {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/2017-05-01-ok.md"), "---\ntitle: A good dispatch\n---\n\nText.\n");
        Trees.write(root.resolve("templates/" + template), source);
        return root;
    }

    private Arshif arshif(Path root) {
        return SiteBuilds.at(root, tmp.resolve("out"));
    }
}
