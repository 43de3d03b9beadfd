package org.arshif.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Folder trees for tests: copy, read whole, compare and report the first difference in words. */
public final class Trees {
    private Trees() {}

    /** A folder under {@code src/test/resources/sites/} of the core (see {@link #testResource}). */
    public static Path site(String name) {
        Path p = testResource("sites/" + name);
        if (!Files.isDirectory(p) && !name.endsWith("-expected")) {
            throw new IllegalStateException("no test site at " + p);
        }
        return p;
    }

    /**
     * A file or folder under the core's {@code src/test/resources/}, by path, for the tests of every module: system
     * property {@code arshif.testResources} (the POM sets it), else relative to the folder Surefire runs in.
     */
    public static Path testResource(String relative) {
        return Path.of(System.getProperty("arshif.testResources", "src/test/resources"), relative)
                .toAbsolutePath()
                .normalize();
    }

    /** Copies a folder tree into {@code to} (created if needed) and returns {@code to}. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code root}, by {@code /}-separated relative path, with its bytes. */
    public static SortedMap<String, byte[]> read(Path root) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Every file and folder under {@code root} (folders as {@code name/} with no bytes), by relative path: an
     * incremental build must leave no empty folder behind either.
     */
    public static SortedMap<String, byte[]> withFolders(Path root) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                boolean folder = Files.isDirectory(p);
                out.put(
                        root.relativize(p).toString().replace('\\', '/') + (folder ? "/" : ""),
                        folder ? new byte[0] : Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Asserts two trees read by {@link #withFolders} or {@link #read} hold the same paths with the same bytes. */
    public static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same files");
        for (String file : expected.keySet()) {
            assertArrayEquals(expected.get(file), actual.get(file), what + ": the same bytes in " + file);
        }
    }

    /**
     * The first difference between two trees, in words: files only on one side, or the first differing line of
     * the first differing file. Empty when the trees are byte-identical.
     */
    public static Optional<String> firstDifference(Path expected, Path actual) {
        SortedMap<String, byte[]> want = read(expected);
        SortedMap<String, byte[]> got = read(actual);
        TreeSet<String> missing = new TreeSet<>(want.keySet());
        missing.removeAll(got.keySet());
        TreeSet<String> extra = new TreeSet<>(got.keySet());
        extra.removeAll(want.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            return Optional.of("the trees hold different files:\n  missing from " + actual + ": " + missing
                    + "\n  not expected (absent from " + expected + "): " + extra);
        }
        for (var e : want.entrySet()) {
            byte[] w = e.getValue();
            byte[] g = got.get(e.getKey());
            if (!Arrays.equals(w, g)) {
                return Optional.of(e.getKey() + " differs: " + firstDifferentLine(w, g));
            }
        }
        return Optional.empty();
    }

    /** {@code line N:\n  expected: …\n  actual:   …} for the first line that differs. */
    public static String firstDifferentLine(byte[] expected, byte[] actual) {
        List<String> w = lines(expected);
        List<String> g = lines(actual);
        for (int i = 0; i < Math.max(w.size(), g.size()); i++) {
            String a = i < w.size() ? w.get(i) : "<end of file>";
            String b = i < g.size() ? g.get(i) : "<end of file>";
            if (!a.equals(b)) {
                return "line " + (i + 1) + ":\n  expected: " + a + "\n  actual:   " + b;
            }
        }
        return "same lines, different bytes (line ends or a final newline?)";
    }

    private static List<String> lines(byte[] bytes) {
        return new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
    }

    /** Replaces {@code target}'s contents with {@code source}'s. */
    public static void replace(Path source, Path target) {
        deleteTree(target);
        copy(source, target);
    }

    /**
     * Makes {@code to} a tree of hard links to {@code from}'s files (as an incremental build's staging is), so a
     * test can start each trial from the same site without copying its bytes.
     */
    public static Path link(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createLink(target, p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a UTF-8 text file, creating its folders. */
    public static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in a folder, sorted. */
    public static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
