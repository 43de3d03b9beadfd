package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.arshif.testing.CliJvm;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A string that doubles without end outgrows any heap before it is ever written, so no output limit sees it. It
 * must end as a finding at its line, with the build's other findings, not as an OutOfMemoryError that ends the JVM
 * (or Maven). A real JVM with a small heap, so the test runs out of memory quickly and takes little of it.
 */
class TemplateOutOfMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void aStringBombIsAFindingAtItsLine() {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/2017-05-01-ok.md"), "---\ntitle: A good dispatch\n---\n\nText.\n");
        Trees.write(root.resolve("content/en/2017-05-02-bad.md"), "---\ntitle: [unclosed\n---\n\nText.\n");
        Trees.write(
                root.resolve("templates/robots.ftl"),
                "<#assign s = \"0123456789abcdef\">\n" + "<#list 1.. as i><#assign s = s + s></#list>\n${s}\n");

        CliJvm.Result check = CliJvm.run(List.of(), List.of("-Xmx96m"), 300, "check", "--source", root.toString());
        List<String> errors =
                check.output().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(2, errors.size(), check.output());
        // The content's own finding comes too (its wording is the YAML reader's).
        assertTrue(errors.get(0).startsWith("content/en/2017-05-02-bad.md:3:1: error: malformed YAML"), check.output());
        assertEquals(
                "templates/robots.ftl:2:17: error: template error: the page ran out of memory here; does a string"
                        + " or captured output grow without end?",
                errors.get(1));
        assertEquals(1, check.status(), check.output());
        assertFalse(check.output().contains("Exception") || check.output().contains("\tat "), check.output());
    }
}
