package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page's bytes are exactly what {@code String.getBytes(UTF_8)} gives for its text, whatever the text holds. */
class PageBufferTest {

    @Test
    void thePageIsEncodedAsTheStringEncoderWould() {
        List<String> texts = List.of(
                "",
                "<p>plain ASCII</p>\n",
                "é ß ĳ ǅ – “quotes” … € ﷺ",
                "<h1>بوتين يبحث مع روحاني الوضع في سورية</h1>",
                "emoji 😀 and 𝄞 (pairs)",
                "lone high \uD83D at the middle",
                "lone low \uDE00 here",
                "ends on a high surrogate \uD83D",
                "\uDE00\uD83D swapped",
                "\u0000\u007F\u0080\u07FF\u0800\uFFFF");
        for (String text : texts) {
            PageBuffer buffer = new PageBuffer(4, Integer.MAX_VALUE, null);
            buffer.write(text);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), buffer.utf8(), text);
        }
    }

    @Test
    void everyWayOfWritingAppendsInOrderAndTheBufferGrows() {
        PageBuffer buffer = new PageBuffer(2, Integer.MAX_VALUE, null);
        StringBuilder expected = new StringBuilder();
        buffer.write("abc");
        expected.append("abc");
        buffer.write("xسلامy", 1, 4);
        expected.append("سلام");
        buffer.write(new char[] {'1', '2', '3', '4'}, 1, 2);
        expected.append("23");
        buffer.write('ق');
        expected.append('ق');
        buffer.append(new StringBuilder("sb"));
        expected.append("sb");
        buffer.append("0123456789", 2, 5);
        expected.append("234");
        buffer.append('!');
        expected.append('!');
        buffer.append(null);
        expected.append("null");
        buffer.append(null, 1, 3);
        expected.append("ul");
        String many = "ل".repeat(10_000);
        buffer.write(many);
        expected.append(many);
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), buffer.utf8());
    }
}
