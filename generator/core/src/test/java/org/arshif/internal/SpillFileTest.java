package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTest {
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void bytesComeBackFromWhereTheyWereWrittenAndTheFileGoesWithClose(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("cache");
        SpillFile spill = new SpillFile(folder, "analyses.bin-");
        assertEquals(false, Files.exists(folder), "nothing is made before the first write");
        byte[] a = "كلمة أولى".getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[100_000];
        Arrays.fill(b, (byte) 7);
        b[99_999] = 9;
        long atA = spill.write(a, 0, a.length);
        long atB = spill.write(b, 1, b.length - 1);
        assertEquals(List.of(0L, (long) a.length), List.of(atA, atB));
        assertEquals(a.length + b.length - 1L, spill.size());

        ByteBuffer small = ByteBuffer.allocate(64);
        ByteBuffer readA = spill.read(atA, a.length, small);
        assertSame(small, readA, "a buffer large enough is reused");
        assertArrayEquals(a, Arrays.copyOf(readA.array(), readA.remaining()));
        ByteBuffer readB = spill.read(atB, b.length - 1, small);
        assertArrayEquals(Arrays.copyOfRange(b, 1, b.length), Arrays.copyOf(readB.array(), readB.remaining()));
        assertThrows(IOException.class, () -> spill.read(atB, b.length, null), "past what was written");

        spill.close();
        assertEquals(List.of(), names(folder), "closed: no file left in the cache folder");
        assertThrows(IOException.class, () -> spill.read(atA, a.length, null));
        assertThrows(IOException.class, () -> spill.write(a, 0, a.length));
    }

    @Test
    void onLinuxTheFileHasNoNameWhileItIsWrittenSoAKilledBuildLeavesNone(@TempDir Path dir) throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"));
        try (SpillFile spill = new SpillFile(dir, "analyses.bin-")) {
            spill.write(new byte[] {1, 2, 3}, 0, 3);
            assertEquals(List.of(), names(dir), "unlinked when opened (DELETE_ON_CLOSE)");
            assertArrayEquals(
                    new byte[] {2, 3}, Arrays.copyOf(spill.read(1, 2, null).array(), 2));
        }
    }
}
