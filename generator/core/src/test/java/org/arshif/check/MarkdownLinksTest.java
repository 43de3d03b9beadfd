package org.arshif.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Link targets, with the shortcut that skips the parse of a body without '[' or '<' losing none. */
class MarkdownLinksTest {
    private final MarkdownLinks links = new MarkdownLinks();

    @Test
    void anAutolinkIsFoundWithoutAnyBracket() {
        assertEquals(
                List.of(new MarkdownLinks.Target(false, "https://example.com/a", "", 6, 5)),
                links.targets("نص\n\nsee <https://example.com/a> here\n", 4));
    }

    @Test
    void referenceLinksAndImagesAreFound() {
        assertEquals(
                List.of(
                        new MarkdownLinks.Target(false, "/en/nowhere/", "", 1, 1),
                        new MarkdownLinks.Target(true, "map.png", "a map", 3, 1)),
                links.targets("[x]\n\n![a map](map.png)\n\n[x]: /en/nowhere/\n", 1));
    }

    @Test
    void aBodyWithoutLinksHasNoTargets() {
        assertEquals(List.of(), links.targets("نص الخبر (سانا) {x} http://example.com/a\n", 5));
    }
}
