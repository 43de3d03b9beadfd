package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hugo's cascade target globs, matched as Hugo's glob library matches them, with {@code /} the separator. */
class HugoGlobTest {
    private static final List<String> PATHS =
            List.of("/news", "/news/fair", "/news/local/fair", "/newsroom/fair", "/sport/fair");

    private static List<String> matched(String glob) {
        HugoGlob compiled = HugoGlob.compile(glob).glob().orElseThrow();
        return PATHS.stream().filter(compiled::matches).toList();
    }

    @Test
    void oneStarStaysInASegmentTwoCrossThem() {
        assertEquals(List.of("/news/fair"), matched("/news/*"));
        assertEquals(List.of("/news/fair", "/news/local/fair"), matched("/news/**"));
        assertEquals(List.of("/news", "/news/fair", "/news/local/fair"), matched("{/news,/news/**}"));
        assertEquals(List.of("/news/fair", "/newsroom/fair", "/sport/fair"), matched("/*/fair"));
    }

    @Test
    void classesAlternativesEscapesAndCase() {
        assertEquals(List.of("/news/fair", "/newsroom/fair"), matched("/new[s]*/fair"));
        assertEquals(List.of("/sport/fair"), matched("/[!n]*/fair"));
        assertEquals(List.of("/news/fair", "/sport/fair"), matched("/{news,sport}/f?ir"));
        assertEquals(List.of("/news/fair"), matched("/NEWS/Fair"));
        assertEquals(List.of(), matched("/news/\\*"));
    }

    @Test
    void whatIsNotAGlobSaysWhy() {
        assertEquals(
                "a '{' is never closed with '}'", HugoGlob.compile("{/news").problem());
        assertEquals("a '}' closes no '{'", HugoGlob.compile("/news}").problem());
        assertEquals(
                "a '[' is never closed with ']'", HugoGlob.compile("/[news").problem());
        assertEquals(
                "it ends with a '\\' that escapes nothing",
                HugoGlob.compile("/news\\").problem());
    }
}
