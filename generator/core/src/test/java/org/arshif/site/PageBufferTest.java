package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pages are encoded by hand from a buffer their thread reuses: the bytes must be those of a fresh String. */
class PageBufferTest {
    private static final int NO_LIMIT = 64 << 20;

    /** Text that reaches every branch of the encoder: ASCII, Arabic, three-byte, pairs and lone surrogates. */
    private static String randomText(Random random, int length) {
        char[] pool = {
            'a', '<', '\u00e9', '\u0627', '\u0644', '\u060c', '\u200f', '\u2014', '\ufeff', '\ud83d', '\ude00'
        };
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(8) == 0 ? (char) random.nextInt(0x10000) : pool[random.nextInt(pool.length)]);
        }
        return s.toString();
    }

    @Test
    void encodesExactlyAsStringGetBytesDoes() {
        Random random = new Random(42);
        PageBuffer.Scratch scratch = new PageBuffer.Scratch();
        for (int round = 0; round < 2_000; round++) {
            String text = randomText(random, random.nextInt(round < 1_000 ? 40 : 40_000));
            PageBuffer page = new PageBuffer(scratch, NO_LIMIT, null);
            page.write(text);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), page.utf8(), () -> "text: " + text);
        }
    }

    @Test
    void surrogatesOnTheirOwnBecomeQuestionMarksAsInAString() {
        for (String text : new String[] {"\ud83d", "a\ude00b", "\ud83d\ud83d\ude00", "\ude00\ud83d", "x\ud83d"}) {
            PageBuffer page = new PageBuffer(new PageBuffer.Scratch(), NO_LIMIT, null);
            page.write(text);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), page.utf8(), text);
        }
    }

    @Test
    void aPageBegunWhileAnotherRendersOnTheSameThreadKeepsItsOwnText() {
        PageBuffer.Scratch scratch = new PageBuffer.Scratch();
        new PageBuffer(scratch, NO_LIMIT, null).utf8(); // the thread now holds buffers
        PageBuffer outer = new PageBuffer(scratch, NO_LIMIT, null);
        outer.write("outer ");
        PageBuffer inner = new PageBuffer(scratch, NO_LIMIT, null);
        inner.write("inner");
        assertEquals("inner", new String(inner.utf8(), StandardCharsets.UTF_8));
        outer.write("page");
        assertEquals("outer page", new String(outer.utf8(), StandardCharsets.UTF_8));
    }

    @Test
    void everyWayOfWritingAppends() {
        PageBuffer page = new PageBuffer(new PageBuffer.Scratch(), NO_LIMIT, null);
        page.write("ab", 1, 1);
        page.write(new char[] {'c', 'd', 'e'}, 1, 2);
        page.write('f');
        page.append("gh").append("xijx", 1, 3).append('k').append(null).append(null, 1, 2);
        assertEquals("bdefghijknullu", new String(page.utf8(), StandardCharsets.UTF_8));
    }
}
