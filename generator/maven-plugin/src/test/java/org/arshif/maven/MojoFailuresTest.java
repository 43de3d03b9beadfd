package org.arshif.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the goals end when the core fails: content errors fail the build with every finding, problems the user can
 * fix are a failure in one line, the rest an execution error in one line; none escapes as an Error that would end
 * Maven itself.
 */
class MojoFailuresTest {
    @TempDir
    Path tmp;

    private final List<String> logged = new CopyOnWriteArrayList<>();

    @Test
    void eachKindOfProblemEndsAsTheRightMojoException() {
        MojoExecutionException overflow = assertThrows(
                MojoExecutionException.class,
                () -> MojoSupport.core(log(), null, () -> {
                    throw new StackOverflowError();
                }));
        assertTrue(
                overflow.getMessage().startsWith("Arshif: the input nests too deeply for the JVM's stack"),
                overflow.getMessage());
        assertInstanceOf(StackOverflowError.class, overflow.getCause(), "kept for mvn -e");

        MojoFailureException denied = assertThrows(
                MojoFailureException.class,
                () -> MojoSupport.core(log(), null, () -> {
                    throw new UncheckedIOException("cannot write /s/site/x", new AccessDeniedException("/s/site/x"));
                }));
        assertEquals("Arshif: cannot write /s/site/x: permission denied: /s/site/x", denied.getMessage());

        MojoFailureException content = assertThrows(
                MojoFailureException.class,
                () -> MojoSupport.core(log(), null, () -> {
                    throw new ContentException(List.of(Diagnostic.error("content/en/a.md", 3, 8, "bad")));
                }));
        assertEquals(List.of("error: content/en/a.md:3:8: error: bad"), logged);
        assertEquals("1 error in the archive:\ncontent/en/a.md:3:8: error: bad", content.getMessage());
    }

    /** A real goal on an archive whose front-matter overflowed the core's stack; it ended Maven without a word. */
    @Test
    void theBuildGoalEndsInAMojoExceptionWhenTheCoreOverflowsItsStack() throws Exception {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Files.writeString(
                root.resolve("content/en/2017-05-09-loop.md"),
                "---\ntitle: Loop\ntags: &a [*a]\n---\n\nBody.\n",
                StandardCharsets.UTF_8);
        BuildMojo mojo = new BuildMojo();
        mojo.setLog(log());
        mojo.source = root.toFile();
        mojo.output = tmp.resolve("site").toFile();
        mojo.incremental = "false";
        // An Error here would leave execute() and end Maven; a finding (once the reader bounds aliases) is fine too.
        AbstractMojoExecutionException e = assertThrows(AbstractMojoExecutionException.class, mojo::execute);
        assertTrue(
                e.getMessage().startsWith("Arshif: the input nests too deeply")
                        || e.getMessage().contains("content/en/2017-05-09-loop.md:"),
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("site")), "nothing was written");
    }

    /** Maven's log as lines, {@code level: message}. */
    private Log log() {
        return new Log() {
            public boolean isDebugEnabled() {
                return false;
            }

            public void debug(CharSequence content) {}

            public void debug(CharSequence content, Throwable error) {}

            public void debug(Throwable error) {}

            public boolean isInfoEnabled() {
                return true;
            }

            public void info(CharSequence content) {
                logged.add("info: " + content);
            }

            public void info(CharSequence content, Throwable error) {
                info(content);
            }

            public void info(Throwable error) {
                info(error.toString());
            }

            public boolean isWarnEnabled() {
                return true;
            }

            public void warn(CharSequence content) {
                logged.add("warn: " + content);
            }

            public void warn(CharSequence content, Throwable error) {
                warn(content);
            }

            public void warn(Throwable error) {
                warn(error.toString());
            }

            public boolean isErrorEnabled() {
                return true;
            }

            public void error(CharSequence content) {
                logged.add("error: " + content);
            }

            public void error(CharSequence content, Throwable error) {
                error(content);
            }

            public void error(Throwable error) {
                error(error.toString());
            }
        };
    }
}
