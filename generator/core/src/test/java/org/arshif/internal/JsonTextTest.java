package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** JSON strings: plain texts appended whole, and every escape where it falls (at the start, inside, at the end). */
class JsonTextTest {
    private static String quote(String s, boolean inScript) {
        StringBuilder sb = new StringBuilder("x");
        JsonText.quote(sb, s, inScript);
        return sb.toString();
    }

    @Test
    void plainTextsAreQuotedAsTheyAre() {
        assertEquals("x\"\"", quote("", false));
        assertEquals("x\"قمة في سوتشي\"", quote("قمة في سوتشي", false));
        assertEquals("x\"a <b> & c\"", quote("a <b> & c", false));
        assertEquals("x\"\uD83D\uDE00 paired\"", quote("\uD83D\uDE00 paired", false));
    }

    @Test
    void escapesWhereverTheyFall() {
        assertEquals("x\"\\\"a\\\\b\\n\"", quote("\"a\\b\n", false));
        assertEquals("x\"نص\\r\\t\\u0001\\u2028\\u2029\"", quote("نص\r\t\u0001\u2028\u2029", false));
        assertEquals("x\"a\\u003cb\\u003e \\u0026\"", quote("a<b> &", true));
        assertEquals("x\"lone \\ufffd and \uD83D\uDE00\"", quote("lone \uD800 and \uD83D\uDE00", false));
        assertEquals("x\"\\ufffd\"", quote("\uDC00", false));
    }
}
