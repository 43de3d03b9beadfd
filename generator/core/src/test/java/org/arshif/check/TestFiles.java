package org.arshif.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies a fixture archive from the test resources into a fresh folder (outside any git repository). */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path copyFixture(String name, Path into) {
        try {
            Path from = Path.of(TestFiles.class.getResource("/fixtures/" + name).toURI());
            copyTree(from, into);
            return into;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
