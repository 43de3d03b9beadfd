package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Arshif's own code and built-in theme, as one fingerprint that every cache entry depends on.
 *
 * <p>A jar is identified by its content: the name, size and CRC-32 of every entry, read from its central directory
 * (no entry is inflated). Neither its path nor its time counts, so a CI runner that restores the build's cache and
 * downloads the same plugin jar again, at another time or into another home, still hits the cache, and a jar
 * replaced by another of the same size and time still misses it. A classes folder (a development build) is
 * identified by the built-in theme's files and its newest class file's time.
 */
final class CodeFingerprint {
    private CodeFingerprint() {}

    /** The code is fixed for the life of the process: computed once, on first use. */
    private static final class Holder {
        static final String VALUE =
                compute(PageCache.class.getProtectionDomain().getCodeSource());
    }

    static String current() {
        return Holder.VALUE;
    }

    static String compute(CodeSource code) {
        MessageDigest digest = sha256();
        if (code != null && code.getLocation() != null) {
            try {
                Path location = Path.of(code.getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    update(digest, "jar");
                    hashJarEntries(digest, location);
                } else if (Files.isDirectory(location)) {
                    hashTree(digest, location.resolve("org/arshif/theme"));
                    update(digest, "classes " + newestClass(location));
                }
            } catch (URISyntaxException | IOException | IllegalArgumentException | UncheckedIOException e) {
                // Unknown code: a fingerprint no later process repeats, so no cache is ever trusted.
                update(digest, "unknown code " + code.getLocation() + " " + System.nanoTime());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void hashJarEntries(MessageDigest digest, Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries =
                    zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                update(digest, entry.getName() + " " + entry.getSize() + " " + Long.toHexString(entry.getCrc()));
            }
        }
    }

    private static long newestClass(Path classes) throws IOException {
        try (Stream<Path> walk = Files.walk(classes.resolve("org/arshif"))) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .mapToLong(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toMillis();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .max()
                    .orElse(0);
        }
    }

    /** Every regular file under {@code root}, sorted, by relative path and content; a folder it cannot read misses. */
    static void hashTree(MessageDigest digest, Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, root.relativize(p).toString().replace('\\', '/'));
                digest.update(Files.readAllBytes(p));
            }
        } catch (IOException | UncheckedIOException e) {
            // An unreadable template or folder: the theme reports it as a finding; here it only makes the cache miss.
            update(digest, "unreadable " + System.nanoTime());
        }
    }

    static void update(MessageDigest digest, String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
