package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Control characters never reach a converted body, whether written in the Markdown or by a reference. */
class MarkdownControlsTest {
    private final MarkdownText markdown = new MarkdownText(false, false, "");

    @Test
    void aControlWrittenByReferenceIsDroppedWithAWarning() {
        MarkdownText.Converted c = markdown.convert("# Entity\n\nEscape &#27; by reference.\n", true);
        assertEquals(Optional.of("Entity"), c.title());
        assertEquals("<p>Escape  by reference.</p>\n", c.html());
        assertEquals(0x1B, c.findings().get(0).codePoint());
    }

    @Test
    void aControlWrittenInTheMarkdownItselfIsDroppedWithAWarning() {
        // Not read from a file (which is cleaned first): the conversion still looks, though there is no '&'.
        MarkdownText.Converted c = markdown.convert("# Bell\u0007\n\nA\u0000b and c\u001Ad.\n", true);
        assertEquals(Optional.of("Bell"), c.title());
        assertFalse(c.html().chars().anyMatch(ch -> ch < 0x20 && ch != '\n'), c.html());
        assertFalse(c.plainText().chars().anyMatch(ch -> ch < 0x20 && ch != '\n'), c.plainText());
        assertEquals(1, c.findings().size());
    }

    @Test
    void textWithoutAReferenceOrAControlIsConvertedAsItIs() {
        MarkdownText.Converted c = markdown.convert("# عنوان\n\nنص *مائل* و [رابط](/ar/).\n", true);
        assertEquals(Optional.of("عنوان"), c.title());
        assertEquals("<p>نص <em>مائل</em> و <a href=\"/ar/\">رابط</a>.</p>\n", c.html());
        assertEquals(List.of(), c.findings());
        assertTrue(c.plainText().startsWith("نص مائل"), c.plainText());
    }
}
