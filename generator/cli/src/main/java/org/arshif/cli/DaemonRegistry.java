package org.arshif.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a warm build process (see {@link BuildDaemon}) can be found: its port on the loopback address, the token a
 * client must send first, its pid and the identity key of its JVM. One file, {@value #FILE}, in the registry folder
 * ({@code <cache>/daemon/}), written atomically and readable by its owner only: the token is what keeps other users
 * of the machine from handing it builds. The file is also the process's lease: it ends when the file is gone (a
 * {@code mvn clean}) or names another process.
 */
record DaemonRegistry(int port, String token, long pid, String key) {
    static final String FILE = "registry";
    /** The kernel's random source, which {@link SecureRandom} reads on Linux and macOS too. */
    private static final Path KERNEL_RANDOM = Path.of("/dev/urandom");

    /**
     * A new token: 32 random bytes in hex, read from {@code /dev/urandom} where there is one. {@link SecureRandom}
     * reads the same bytes there, but first sets up Java's security providers: 0.07–0.13 s of a new process's start,
     * before it can register (measured by hand, w30-mvn), which a first {@code mvn package} waits for. Elsewhere
     * (Windows), {@link SecureRandom}.
     */
    static String newToken() {
        byte[] token = new byte[32];
        try (InputStream in = Files.newInputStream(KERNEL_RANDOM)) {
            if (in.readNBytes(token, 0, token.length) == token.length) {
                return HexFormat.of().formatHex(token);
            }
        } catch (IOException | RuntimeException noKernelSource) {
            // SecureRandom below
        }
        new SecureRandom().nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    /** The registry in {@code folder}; empty when there is none, or it cannot be read as one. */
    static Optional<DaemonRegistry> read(Path folder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException goneOrUnreadable) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space > 0) {
                values.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        try {
            return Optional.of(new DaemonRegistry(
                            Integer.parseInt(values.get("port")),
                            values.get("token"),
                            Long.parseLong(values.get("pid")),
                            values.get("key")))
                    .filter(r -> r.token() != null && r.key() != null);
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** Writes this registry into {@code folder}: a private temporary file, then renamed over the old one. */
    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        FileAttribute<?>[] ownerOnly =
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                        }
                        : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(folder, FILE + ".", ".tmp", ownerOnly);
        try {
            Files.writeString(
                    temporary,
                    "port " + port + "\ntoken " + token + "\npid " + pid + "\nkey " + key + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.move(temporary, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Whether {@code folder}'s registry is still this one (the same process and token). */
    boolean stillIn(Path folder) {
        return read(folder).filter(this::equals).isPresent();
    }

    /** Deletes {@code folder}'s registry if it is still this one (a newer process's is left alone). */
    void withdraw(Path folder) {
        if (stillIn(folder)) {
            try {
                Files.deleteIfExists(folder.resolve(FILE));
            } catch (IOException e) {
                // the next client finds the pid gone and starts a new process
            }
        }
    }
}
