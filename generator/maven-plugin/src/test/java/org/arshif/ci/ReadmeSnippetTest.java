package org.arshif.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's POM for a separate archive is, byte for byte, the POM of the invoker IT {@code src/it/readme-snippet}
 * that builds one, so what a user copies is what is tested; and it names the version this build makes.
 */
class ReadmeSnippetTest {
    private static final Path README = WorkflowFilesTest.REPO.resolve("README.md");
    private static final Path IT_POM = Path.of("src", "it", "readme-snippet", "pom.xml");
    /** The first XML code block of the README that is a whole POM. */
    private static final Pattern POM_BLOCK = Pattern.compile("```xml\n(<\\?xml .*?</project>\n)```", Pattern.DOTALL);

    static String readmeSnippet() throws IOException {
        Matcher m = POM_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
        assertTrue(m.find(), "README.md has no ```xml block holding a whole POM");
        return m.group(1);
    }

    @Test
    void theReadmePomIsTheInvokerItPom() throws IOException {
        assertEquals(
                Files.readString(IT_POM, StandardCharsets.UTF_8),
                readmeSnippet(),
                "README.md's POM and " + IT_POM + " differ: change both together");
    }

    /** The archive workflow's setup-java gives the token for server id 'arshif' (WorkflowFilesTest). */
    @Test
    void theReadmePomNamesThePluginRepositoryTheArchiveWorkflowLogsInTo() throws IOException {
        assertTrue(readmeSnippet().contains("<id>arshif</id>"), "the README's POM names 'arshif'");
    }

    @Test
    void theReadmePomIsASiteAndNamesThisVersionOfThePlugin() throws IOException {
        String snippet = readmeSnippet();
        assertTrue(snippet.contains("<packaging>pom</packaging>"), "without it Maven warns 'JAR will be empty'");
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        // The plugin's version is its parent's (generator/pom.xml, arshif-parent).
        Matcher own = Pattern.compile("<artifactId>arshif-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(own.find(), "the plugin's version in pom.xml");
        assertTrue(
                snippet.contains("<artifactId>arshif-maven-plugin</artifactId>\n        <version>" + own.group(1)
                        + "</version>"),
                "the README's POM must name version " + own.group(1));
    }
}
