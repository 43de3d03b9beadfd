package org.arshif.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's modules as a site serves them (stripped) are the modules that the JavaScript tests pass: the tests of
 * src/test/js, copied beside the served modules in a tree shaped like the repository's, run on them with node. The
 * browser tests (e2e/) search a built site, so they run the served modules too.
 */
class ServedClientTest {
    @TempDir
    Path tmp;

    @Test
    void theServedModulesHoldTheSameTokensWithoutCommentsAtHalfTheBytes() throws IOException {
        long source = 0;
        long served = 0;
        for (Map.Entry<String, byte[]> e : SearchStage.clientScripts().entrySet()) {
            String original = readSource(e.getKey());
            String stripped = new String(e.getValue(), StandardCharsets.UTF_8);
            assertEquals(texts(original), texts(stripped), e.getKey());
            assertEquals(stripped, ScriptStripper.strip(stripped), e.getKey());
            source += original.length();
            served += stripped.length();
        }
        assertTrue(served < source * 0.6, served + " of " + source + " characters");
    }

    @Test
    void theJavaScriptTestsPassOnTheServedModules() throws IOException, InterruptedException {
        Path core = Trees.testResource("").getParent().getParent().getParent(); // from src/test/resources
        Path repo = core.getParent().getParent();
        Path mirror = tmp.resolve("repo");
        Path js = mirror.resolve("generator/core/src/main/js");
        Files.createDirectories(js);
        try (var files = Files.list(core.resolve("src/main/js"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                byte[] bytes = Files.readAllBytes(f);
                Files.write(js.resolve(name), name.endsWith(".js") ? ScriptStripper.strip(bytes) : bytes);
            }
        }
        for (String name : SearchStage.CLIENT_SCRIPTS) {
            assertEquals(
                    new String(SearchStage.clientScripts().get(name), StandardCharsets.UTF_8),
                    Files.readString(js.resolve(name)),
                    name + ": the served module is the source stripped");
            ScriptStripperTest.node(List.of("--check", js.resolve(name).toString()), mirror);
        }
        // the tests themselves are copied, so that their imports of ../../main/js reach the served modules; their
        // data (the fixture, the analyzer's lists, the theme's words) is read where it is
        Trees.copy(core.resolve("src/test/js"), mirror.resolve("generator/core/src/test/js"));
        Files.delete(mirror.resolve("generator/core/src/test/js/typecheck.test.js")); // types live in the comments
        Files.createSymbolicLink(
                mirror.resolve("generator/core/src/test/resources"), core.resolve("src/test/resources"));
        Files.createSymbolicLink(
                mirror.resolve("generator/core/src/main/resources"), core.resolve("src/main/resources"));
        Files.createSymbolicLink(mirror.resolve("templates"), repo.resolve("templates"));
        String out = ScriptStripperTest.node(List.of("--test", "src/test/js/"), mirror.resolve("generator/core"));
        assertTrue(out.contains("# fail 0") && !out.contains("# pass 0"), out);
    }

    private static List<String> texts(String script) {
        return ScriptTokens.of(script).stream().map(ScriptTokens.Token::text).toList();
    }

    private static String readSource(String name) throws IOException {
        try (InputStream in = ServedClientTest.class.getResourceAsStream("/org/arshif/js/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
