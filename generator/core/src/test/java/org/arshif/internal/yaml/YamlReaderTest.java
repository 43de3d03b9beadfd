package org.arshif.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** The YAML reader's own composer: the values it builds, and the bounds that keep hostile YAML small. */
class YamlReaderTest {
    private final Diagnostics diagnostics = new Diagnostics();

    private Optional<YNode> parse(String yaml) {
        return YamlReader.parse(yaml, "x.yml", 0, diagnostics);
    }

    private List<String> findings() {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void coreSchemaScalarsKeysAndPositions() {
        YNode.Map map = (YNode.Map) parse("""
                date: 2017-05-01
                no: no
                n: 12
                f: 1.5
                t: true
                e:
                quoted: "12"
                tagged: !!str 12
                list: [a, {b: c}]
                """).orElseThrow();
        assertEquals(List.of(), findings());
        assertEquals(
                Map.of(
                        "date",
                        "2017-05-01",
                        "no",
                        "no",
                        "n",
                        12L,
                        "f",
                        1.5,
                        "t",
                        true,
                        "quoted",
                        "12",
                        "tagged",
                        "12",
                        "list",
                        List.of("a", Map.of("b", "c"))),
                withoutNulls(map));
        assertEquals(null, map.toJava() instanceof Map<?, ?> m ? m.get("e") : "not a map");
        YNode.Scalar n = (YNode.Scalar) map.entries().get("n");
        assertEquals(YNode.ScalarKind.INT, n.kind());
        assertEquals(3, n.line());
        assertEquals(4, n.column());
        assertEquals(YNode.ScalarKind.STRING, ((YNode.Scalar) map.entries().get("quoted")).kind());
    }

    private static Map<String, Object> withoutNulls(YNode.Map map) {
        Map<String, Object> out = new java.util.HashMap<>();
        map.entries().forEach((k, v) -> {
            if (v.toJava() != null) {
                out.put(k, v.toJava());
            }
        });
        return out;
    }

    @Test
    void anAliasSharesTheNodeItNames() {
        YNode.Map map = (YNode.Map) parse("a: &x [1, 2]\nb: *x\n").orElseThrow();
        assertSame(map.entries().get("a"), map.entries().get("b"));
        assertEquals(List.of(1L, 2L), map.entries().get("b").toJava());
    }

    @Test
    void mergeKeysAreReadAsYaml11ReadersDo() {
        // Hugo's YAML reader merges: the mapping's own keys win, then the first merged mapping's.
        YNode.Map map = (YNode.Map) parse("base: &b {title: Base, tags: [a]}\n<<: *b\ndate: 2017-05-01\n")
                .orElseThrow();
        assertEquals("Base", map.entries().get("title").toJava());
        assertEquals(List.of("a"), map.entries().get("tags").toJava());
        map = (YNode.Map) parse("<<: [{title: One, x: 1}, {title: Two, y: 2}]\ntitle: Own\n")
                .orElseThrow();
        assertEquals(Map.of("title", "Own", "x", 1L, "y", 2L), map.toJava());
        assertEquals(List.of(), findings());
        // Quoted, it is a key of its own.
        assertEquals(Map.of("<<", "text"), parse("\"<<\": text\n").orElseThrow().toJava());
        parse("<<: 5\ntitle: T\n");
        assertEquals(
                List.of("x.yml:1:1: error: the merge key '<<' takes a mapping or a list of mappings, such as"
                        + " '<<: *base' where '&base' names a mapping, not a number; quote it ('\"<<\"') if it is a"
                        + " key of its own"),
                findings());
    }

    @Test
    void anAliasToNoAnchorIsMalformed() {
        assertTrue(parse("a: *nowhere\n").isEmpty());
        assertEquals(
                List.of("x.yml:1:4: error: malformed YAML: alias '*nowhere' names no anchor; define '&nowhere'"
                        + " before it"),
                findings());
    }

    @Test
    void aSecondDocumentIsMalformed() {
        assertTrue(parse("a: 1\n---\nb: 2\n").isEmpty());
        assertEquals(
                List.of("x.yml:2:1: error: malformed YAML: more than one document (a second '---' line); keep"
                        + " one document"),
                findings());
    }

    @Test
    void nestingUpToTheLimitIsFineAndOneMoreIsAnError() {
        int max = YamlComposer.MAX_DEPTH;
        assertTrue(parse("[".repeat(max) + "]".repeat(max)).isPresent());
        assertEquals(List.of(), findings());
        assertTrue(parse("[".repeat(max + 1) + "]".repeat(max + 1)).isEmpty());
        assertEquals(
                List.of("x.yml:1:" + (max + 1) + ": error: the YAML is nested more than " + max + " levels deep"
                        + " (lists or mappings inside each other); flatten it"),
                findings());
    }

    @Test
    void anAliasThatWouldNestTooDeepIsAnErrorAtTheAlias() {
        int half = YamlComposer.MAX_DEPTH / 2 + 1;
        String deep = "a: &d " + "[".repeat(half) + "]".repeat(half) + "\nb: " + "[".repeat(half) + "*d"
                + "]".repeat(half) + "\n";
        assertTrue(parse(deep).isEmpty());
        assertEquals(
                List.of("x.yml:2:" + (4 + half) + ": error: the YAML is nested more than 64 levels deep once"
                        + " alias '*d' is expanded; flatten it"),
                findings());
    }

    @Test
    void aliasesMayRepeatAValueUpToTheBudget() {
        // 1,000 aliases of a list and its 9 values: 10,000 values, just at the limit.
        String list = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [" + "*a, ".repeat(999) + "*a]\n";
        assertTrue(parse(list).isPresent());
        assertEquals(List.of(), findings());
        assertTrue(parse(list.replace("b: [", "b: [*a, ")).isEmpty());
        assertEquals(1, findings().size());
        assertTrue(findings().get(0).contains("aliases expand to more than 10000 values"), findings()::toString);
    }

    @Test
    void controlCharactersFromEscapesAreDroppedWithOneWarning() {
        YNode.Map map = (YNode.Map)
                parse("a: \"x\\0y\"\nb: \"\\e[31m\"\nc: \"tab\\there\"\n").orElseThrow();
        assertEquals("xy", map.entries().get("a").toJava());
        assertEquals("[31m", map.entries().get("b").toJava());
        assertEquals("tab\there", map.entries().get("c").toJava());
        assertEquals(
                List.of("x.yml:1:4: warning: control character U+0000 (NULL) removed, with any others in this"
                        + " file: it cannot appear in HTML or XML; delete it from the file"),
                findings());
    }

    @Test
    void aLongLineIsReadWholeAndALongTextIsOneFinding() {
        // A 1.5 MB comment and value: read with a buffer that holds them (snakeyaml's 1 KiB one made them quadratic).
        String longLine = "x".repeat(1_500_000);
        YNode.Map map = (YNode.Map)
                parse("# " + longLine + "\ntitle: " + longLine + "\n").orElseThrow();
        assertEquals(longLine, map.entries().get("title").toJava());
        assertEquals(List.of(), findings());

        // Past snakeyaml's limit, a single comment or value ran over it without a word, and a value got its English.
        for (String yaml : List.of("# " + "x".repeat(3_200_000) + "\n", "title: " + "x".repeat(3_200_000) + "\n")) {
            Diagnostics local = new Diagnostics();
            assertTrue(YamlReader.parse(yaml, "arshif.yml", 4, local).isEmpty());
            assertEquals(
                    List.of("arshif.yml:5: error: the YAML is longer than 3,145,728 characters, the most Arshif reads"
                            + " in one configuration file or front-matter; shorten it (a dispatch's text goes below"
                            + " its front-matter, not in it)"),
                    local.sorted().stream().map(Diagnostic::format).toList());
        }
    }
}
