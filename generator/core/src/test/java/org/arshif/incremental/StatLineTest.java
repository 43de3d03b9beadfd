package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded stat bytes compared field by field agree with the formatted line compared as bytes: for a file, a
 * folder and a link, at the times the file system keeps, and every line one byte away from the real one (a byte
 * changed, left out or added); numbers are read exactly as written, with the ends of a long, and not past them,
 * nor with a leading zero or a sign.
 */
class StatLineTest {
    @TempDir
    Path dir;

    @Test
    void aRecordedLineMatchesExactlyWhenItsBytesAreTheFormattedLine() throws IOException {
        Path file = Files.writeString(dir.resolve("page.html"), "<p>خبر</p>", StandardCharsets.UTF_8);
        Path folder = Files.createDirectory(dir.resolve("2024"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        for (Path path : List.of(file, folder, link)) {
            assertAgrees(path);
        }
        for (long seconds : new long[] {-86_400L * 365 * 30, -1, 0, 1, 1_764_600_000L}) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(seconds, 123_456_789)));
            assertAgrees(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.MAX)); // saturates to Long.MAX_VALUE nanoseconds
        assertAgrees(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(-9_300_000_000L))); // Long.MIN_VALUE
        assertAgrees(file);
    }

    @Test
    void numbersPastALongOrWrittenOtherwiseDoNotMatch() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "a");
        BasicFileAttributes a = stat(file);
        String key = String.valueOf(a.fileKey());
        long nanos = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        assertTrue(matches("f 1 " + nanos + " " + key, a));
        for (String size : List.of("01", "+1", "-1", "-0", "1" + "0".repeat(19), "18446744073709551617")) {
            assertFalse(matches("f " + size + " " + nanos + " " + key, a), size);
        }
        assertFalse(matches("f 1 " + nanos + "0 " + key, a), "ten times the time");
        assertFalse(matches("f 1 " + nanos + " " + key + " ", a), "a trailing space");
    }

    /**
     * A number is read exactly as {@link Long#toString(long)} writes it, negative ones and the ends of a long
     * included (a file system may not keep a time before 1970, so the files above need not reach them).
     */
    @Test
    void aNumberMatchesOnlyItsOwnDecimalText() {
        long[] values = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1_000_000_007L, -10, -1, 0, 1, 9, 10, Long.MAX_VALUE};
        for (long value : values) {
            for (long other : values) {
                byte[] text = (Long.toString(other) + " ").getBytes(StandardCharsets.US_ASCII);
                int end = StatLine.number(text, 0, text.length, value);
                assertEquals(value == other ? text.length - 1 : -1, end, value + " read from " + other);
            }
            for (String near : List.of("+" + value, "0" + value, value + "0", "-" + value, "--1")) {
                byte[] text = near.getBytes(StandardCharsets.US_ASCII);
                assertEquals(-1, StatLine.number(text, 0, text.length, value), near);
            }
        }
        byte[] past = "9223372036854775808 -9223372036854775809".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, StatLine.number(past, 0, 19, Long.MIN_VALUE), "a long's maximum plus one");
        assertEquals(-1, StatLine.number(past, 20, past.length, Long.MAX_VALUE), "a long's minimum minus one");
    }

    private static void assertAgrees(Path path) throws IOException {
        BasicFileAttributes a = stat(path);
        byte[] real = TreeStats.stat(a).getBytes(StandardCharsets.UTF_8);
        assertTrue(StatLine.matches(real, 0, real.length, a), TreeStats.stat(a));
        for (byte[] near : nearLines(real)) {
            assertEquals(
                    Arrays.equals(near, real),
                    StatLine.matches(near, 0, near.length, a),
                    new String(near, StandardCharsets.UTF_8));
        }
        byte[] framed = ("x\0" + TreeStats.stat(a) + "\0y").getBytes(StandardCharsets.UTF_8);
        assertTrue(StatLine.matches(framed, 2, framed.length - 2, a), "read in place between other bytes");
    }

    /** Every line one byte away from {@code real}: a byte changed, left out, or added. */
    private static List<byte[]> nearLines(byte[] real) {
        List<byte[]> near = new ArrayList<>();
        byte[] replacements = "09- +x(".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= real.length; i++) {
            for (byte r : replacements) {
                if (i < real.length) {
                    byte[] changed = real.clone();
                    changed[i] = r;
                    near.add(changed);
                }
                byte[] added = new byte[real.length + 1];
                System.arraycopy(real, 0, added, 0, i);
                added[i] = r;
                System.arraycopy(real, i, added, i + 1, real.length - i);
                near.add(added);
            }
            if (i < real.length) {
                byte[] left = new byte[real.length - 1];
                System.arraycopy(real, 0, left, 0, i);
                System.arraycopy(real, i + 1, left, i, real.length - i - 1);
                near.add(left);
            }
        }
        return near;
    }

    private static boolean matches(String line, BasicFileAttributes a) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return StatLine.matches(bytes, 0, bytes.length, a);
    }

    private static BasicFileAttributes stat(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
