package org.arshif.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies a fixture archive from the test resources into a fresh folder (outside any git repository). */
public final class TestFiles {
    private TestFiles() {}

    public static Path copyFixture(String name, Path into) {
        // By path, not as a class-path resource: the front ends' tests see this class inside the core's test jar.
        copyTree(org.arshif.testing.Trees.testResource("fixtures/" + name), into);
        return into;
    }

    public static void copyTree(Path from, Path into) {
        try (Stream<Path> walk = Files.walk(from)) {
            List<Path> all = walk.sorted().toList();
            for (Path p : all) {
                Path target = into.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
