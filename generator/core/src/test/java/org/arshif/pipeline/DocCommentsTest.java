package org.arshif.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What stripping the client's JSDoc keeps and drops. That the stripped client still runs is shown by the browser
 * tests (e2e/tests/search.test.js), which search the built site with the modules as the build wrote them.
 */
class DocCommentsTest {

    private static String strip(String js) {
        return new String(DocComments.strip(js.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void wholeLineBlocksGoAndEverythingElseStaysByteForByte() {
        String js = """
                // @ts-check
                /**
                 * @import { Manifest } from './search-format.js'
                 */
                const a = 1; /** not at the start of its line */
                  /** @type {Map<string, number>} one-line block */
                  const m = new Map();
                const c = /** @type {Card} */ (JSON.parse(s));
                /** @type {number} */ let kept = 2;
                /**
                 * a block with code after its end
                 */ const d = 3;
                const t = `first line
                /** inside a template literal */
                last line`;
                /** the end */
                """;
        String want = """
                // @ts-check
                const a = 1; /** not at the start of its line */
                  const m = new Map();
                const c = /** @type {Card} */ (JSON.parse(s));
                /** @type {number} */ let kept = 2;
                /**
                 * a block with code after its end
                 */ const d = 3;
                const t = `first line
                /** inside a template literal */
                last line`;
                """;
        assertEquals(want, strip(js));
    }

    @Test
    void anUnclosedBlockIsKept() {
        assertEquals("x();\n/** never closed\n * y\n", strip("x();\n/** never closed\n * y\n"));
    }

    @Test
    void theClientLosesItsDocBlocksOnlyInOrderAndShrinks() throws IOException {
        for (String name : SearchStage.CLIENT_SCRIPTS) {
            String original;
            try (InputStream in = getClass().getResourceAsStream("/org/arshif/js/" + name)) {
                original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String stripped = strip(original);
            List<String> kept = stripped.lines().toList();
            List<String> all = original.lines().toList();
            int at = 0;
            for (String line : kept) {
                while (at < all.size() && !all.get(at).equals(line)) {
                    String gone = all.get(at++).strip();
                    assertTrue(
                            gone.startsWith("/**") || gone.startsWith("*"), name + ": dropped a line of code: " + gone);
                }
                assertTrue(at++ < all.size(), name + ": a kept line is not in the original, in order: " + line);
            }
            assertTrue(kept.get(0).equals("// @ts-check"), name);
            assertFalse(
                    kept.stream()
                            .anyMatch(l ->
                                    l.strip().startsWith("/**") && l.strip().endsWith("*/")),
                    name);
            assertTrue(
                    stripped.length() < original.length() * 0.9,
                    name + ": " + stripped.length() + " of " + original.length() + " characters");
        }
    }
}
