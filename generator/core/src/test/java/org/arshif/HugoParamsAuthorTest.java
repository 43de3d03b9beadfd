package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code params.author}, where Hugo's documentation and themes put the byline (a name, or a mapping with a
 * {@code name}; {@code params.authors} a list), is read as the author in the three front-matter forms, when the
 * front-matter gives no {@code author} of its own: on the article, in JSON-LD and in the feed.
 */
class HugoParamsAuthorTest {
    @Test
    void paramsAuthorInYamlTomlAndJsonIsTheByline(@TempDir Path dir) throws IOException {
        Trees.write(
                dir.resolve("content/en/2024-02-01-yaml.md"),
                "---\ntitle: Yaml\nparams:\n  author: John Smith\n  display_related: true\n---\n\nText.\n");
        Trees.write(
                dir.resolve("content/en/2024-02-02-toml.md"),
                "+++\ntitle = 'Toml'\n[params]\n  [params.author]\n    email = 'rana@example.org'\n"
                        + "    name = 'Rana Haddad'\n+++\n\nText.\n");
        Trees.write(
                dir.resolve("content/en/2024-02-03-json.md"),
                "{\n  \"title\": \"Json\",\n  \"params\": {\"authors\": [\"Ann Lee\", \"Omar Said\"]}\n}\n\nText.\n");
        Trees.write(
                dir.resolve("content/en/2024-02-04-own.md"),
                "---\ntitle: Own\nauthor: Desk\nparams:\n  author: Not shown\n---\n\nText.\n");
        Trees.write(
                dir.resolve("content/en/2024-02-05-odd.md"),
                "---\ntitle: Odd\nparams:\n  author:\n    - email: x@example.org\n    - Lina Haddad\n---\n\nText.\n");
        Path out = dir.resolve("out");
        BuildReport report = Arshif.builder()
                .siteRoot(dir)
                .output(out)
                .clock(HugoContentTest.CLOCK)
                .build()
                .build();
        assertEquals(
                List.of("content/en/2024-02-05-odd.md:5:7: warning: params.author is read as the byline, but this is a"
                        + " mapping, not a name, so it is left out of it; write the name as text (author: Jane Doe), or"
                        + " give the mapping a name: key"),
                report.findings().stream().map(Diagnostic::format).toList());

        String yaml = page(out, "en/2024/02/yaml/index.html");
        assertTrue(yaml.contains("<span class=\"author\"><bdi>John Smith</bdi></span>"), yaml);
        assertTrue(yaml.contains("\"author\":[{\"@type\":\"Person\",\"name\":\"John Smith\"}]"), yaml);
        String toml = page(out, "en/2024/02/toml/index.html");
        assertTrue(toml.contains("<bdi>Rana Haddad</bdi>"), toml);
        assertFalse(toml.contains("rana@example.org"), "the name, not the mapping");
        String json = page(out, "en/2024/02/json/index.html");
        assertTrue(json.contains("<bdi>Ann Lee</bdi></span>, <span class=\"author\"><bdi>Omar Said</bdi>"), json);
        String own = page(out, "en/2024/02/own/index.html");
        assertTrue(own.contains("<bdi>Desk</bdi>") && !own.contains("Not shown"), own);
        assertTrue(page(out, "en/2024/02/odd/index.html").contains("<bdi>Lina Haddad</bdi>"));
        String feed = page(out, "en/feed.xml");
        assertTrue(feed.contains("<author><name>John Smith</name></author>"), feed);
    }

    private static String page(Path out, String file) throws IOException {
        return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
    }
}
