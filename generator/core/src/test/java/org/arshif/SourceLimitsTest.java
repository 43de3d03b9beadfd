package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The house limits on main code (the core's and the front ends'): no top-level class over 400 lines, no method or constructor over 60. The sources
 * are parsed with javac's own tree API, so a method's span is exact (from its first modifier to its closing brace).
 */
class SourceLimitsTest {
    static final int MAX_CLASS_LINES = 400;
    static final int MAX_METHOD_LINES = 60;
    static final Path MAIN = Path.of("src", "main", "java");
    /** The front ends' main code, beside the core's (Surefire runs in generator/core/). */
    static final List<Path> FRONT_ENDS =
            List.of(Path.of("..", "maven-plugin", "src", "main", "java"), Path.of("..", "cli", "src", "main", "java"));

    @Test
    void noClassOver400LinesAndNoMethodOver60() throws IOException {
        List<Path> sources = sources();
        assertFalse(sources.isEmpty(), "no sources found under " + MAIN.toAbsolutePath());
        List<String> overLimit = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null, units);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                overLimit.addAll(measure(unit, positions));
            }
        }
        assertEquals(List.of(), overLimit, "over the house limits");
    }

    /** The limits are real: a long method and a long class are both reported. */
    @Test
    void theMeasureFindsALongMethod() throws IOException {
        StringBuilder src = new StringBuilder("class Long {\n  void m() {\n");
        for (int i = 0; i < 70; i++) {
            src.append("    int a").append(i).append(" = ").append(i).append(";\n");
        }
        src.append("  }\n");
        for (int i = 0; i < 340; i++) {
            src.append("  int f").append(i).append(";\n");
        }
        src.append("}\n");
        Path dir = Files.createTempDirectory("limits");
        Path file = Files.writeString(dir.resolve("Long.java"), src);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(
                    null, files, null, List.of("-proc:none"), null, files.getJavaFileObjectsFromPaths(List.of(file)));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            List<String> found = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                found.addAll(measure(unit, positions));
            }
            assertEquals(2, found.size(), found::toString);
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }

    private static List<Path> sources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path root : Stream.concat(Stream.of(MAIN), FRONT_ENDS.stream()).toList()) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            }
        }
        return sources;
    }

    private static List<String> measure(CompilationUnitTree unit, SourcePositions positions) {
        LineMap lines = unit.getLineMap();
        String name = Path.of(unit.getSourceFile().toUri()).getFileName().toString();
        List<String> found = new ArrayList<>();
        for (Tree type : unit.getTypeDecls()) {
            long span = span(unit, type, positions, lines);
            if (span > MAX_CLASS_LINES) {
                found.add(name + ": class of " + span + " lines");
            }
        }
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree method, Void unused) {
                long span = span(unit, method, positions, lines);
                if (span > MAX_METHOD_LINES) {
                    found.add(name + ": " + method.getName() + " of " + span + " lines");
                }
                return super.visitMethod(method, unused);
            }
        }.scan(unit, null);
        return found;
    }

    private static long span(CompilationUnitTree unit, Tree tree, SourcePositions positions, LineMap lines) {
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        return lines.getLineNumber(end) - lines.getLineNumber(start) + 1;
    }
}
