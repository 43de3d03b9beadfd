package org.arshif.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the stripper keeps: every token as written, the spaces that keep two tokens apart, and the line breaks that
 * may end a statement. That the real client still runs stripped is {@link ServedClientTest}'s.
 */
class ScriptStripperTest {
    @TempDir
    Path tmp;

    private static String strip(String js) {
        return ScriptStripper.strip(js);
    }

    @Test
    void commentsAndIndentationGoAndTokensStayAsWritten() {
        assertEquals(
                "const a=1;function f(x,y){return x+y;}\n",
                strip(
                        "// @ts-check\n/** doc */\nconst a = 1; // one\nfunction f(x, y) {\n  /* sum */\n  return x + y;\n}\n"));
        assertEquals(
                "say('// no',\"/* no */\",`a ${b} // c`);\n", strip("say('// no', \"/* no */\", `a ${ b } // c`);"));
        assertEquals("x=s.replace(/\\/\\/|\\/\\*/g,'')\n", strip("x = s.replace(/\\/\\/|\\/\\*/g, '')"));
        assertEquals("t=/[/]/.test(a)/2\n", strip("t = /[/]/.test(a) / 2"));
    }

    @Test
    void spacesStayWhereTokensWouldRunTogether() {
        assertEquals("a+ +b;a- -b;a+ ++b;x=a/ /r/.source\n", strip("a + +b; a - -b; a + ++b; x = a / /r/.source"));
        assertEquals(
                "typeof a;return'x';1 .toString();c?.5:1\n", strip("typeof a; return 'x'; 1 .toString(); c ? .5 : 1"));
        assertEquals(
                "const{k}=o;for(const[k,v]of m)g(k,v)\n", strip("const { k } = o;\nfor (const [k, v] of m) g(k, v)"));
    }

    @Test
    void aLineBreakThatMayEndAStatementStays() {
        assertEquals("let j=i\n++j\n", strip("let j = i\n++j\n"));
        assertEquals("return\nx\n", strip("return\n  x\n"));
        assertEquals("return\nx\n", strip("return /* a line\n break */ x"), "a comment's line break counts");
        assertEquals("const a=b\nconst c=d\n", strip("const a = b\nconst c = d\n"));
        assertEquals("f()\n[1].map(g)\n", strip("f()\n[1].map(g)\n"), "kept, though it joins the lines either way");
    }

    @Test
    void aLineBreakThatCannotEndAStatementGoes() {
        assertEquals("x=a+b.c(d)?e:f\n", strip("x = a +\n  b\n  .c(\n    d\n  )\n  ? e\n  : f\n"));
        assertEquals("o={a:1,b:[2,3],}\n", strip("o = {\n  a: 1,\n  b: [\n    2,\n    3\n  ],\n}\n"));
        assertEquals("f(`${a}`)\n", strip("f(`${\n  a\n}`)"));
    }

    @Test
    void whatIsNotClosedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> strip("x = 'open"));
        assertThrows(IllegalArgumentException.class, () -> strip("x = `open ${a}"));
        assertThrows(IllegalArgumentException.class, () -> strip("x /* open"));
    }

    @Test
    void strippingTwiceChangesNothingMore() throws IOException {
        String once = strip(Files.readString(tricky(), StandardCharsets.UTF_8));
        assertEquals(once, strip(once));
    }

    /** tricky.mjs prints what each of its constructs computes; stripped, it must print the same. */
    @Test
    void trickyConstructsComputeTheSameWhenStripped() throws IOException, InterruptedException {
        String source = Files.readString(tricky(), StandardCharsets.UTF_8);
        Path stripped = Trees.write(tmp.resolve("tricky.mjs"), strip(source));
        String want = node(tricky());
        assertEquals(54, want.lines().count(), want);
        assertEquals(want, node(stripped));
        String out = Files.readString(stripped, StandardCharsets.UTF_8);
        assertFalse(out.contains("@ts-check") || out.contains("comment over lines"), out);
        assertTrue(out.contains("// kept: inside a template"), out);
        assertTrue(out.length() < source.length() * 0.6, out.length() + " of " + source.length());
    }

    private static Path tricky() {
        return Trees.testResource("script-stripper/tricky.mjs");
    }

    /** What node prints running {@code script}; a failure if it exits otherwise than with 0. */
    static String node(Path script) throws IOException, InterruptedException {
        return node(List.of(script.toString()), script.getParent());
    }

    /** What {@code node ARGS} prints, run in {@code dir}; a failure if it exits otherwise than with 0. */
    static String node(List<String> args, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
