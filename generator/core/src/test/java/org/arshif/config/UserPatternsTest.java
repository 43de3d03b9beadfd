package org.arshif.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The guard in front of RE2/J: what it lets through, and the repetition bombs it stops before compiling. */
class UserPatternsTest {
    @Test
    void theDefaultPatternsAreAccepted() {
        for (String p : SiteConfig.defaults().footerPatterns()) {
            assertNull(UserPatterns.problem(p), p);
        }
        for (String p : SiteConfig.defaults().teaserPatterns()) {
            assertNull(UserPatterns.problem(p), p);
        }
    }

    @Test
    void countedRepetitionsMultiplyOut() {
        assertEquals(1, UserPatterns.expansion("a"));
        assertEquals(100, UserPatterns.expansion("a{100}"));
        assertEquals(6, UserPatterns.expansion("(ab){3}"));
        // Braces in a class, a property or after a backslash are no counts.
        assertEquals(5, UserPatterns.expansion("[a-z{5}]\\p{L}\\{9}"));
        assertEquals(10_001, UserPatterns.expansion("((a{100}){100}){100}"));
    }

    @Test
    void aRepetitionBombIsRejectedBeforeItIsCompiled() {
        // RE2/J compiles this to a million instructions; nested once more, it runs out of memory.
        assertEquals(
                "repeats too much: its {n} counts multiply out to more than 10000 characters; use * or +"
                        + " instead of large counts",
                UserPatterns.problem("((a{100}){100}){100}"));
        assertNull(UserPatterns.problem("(a{100}){100}"));
    }

    @Test
    void aVeryLongPatternIsRejected() {
        assertEquals("is longer than 1000 characters; shorten it", UserPatterns.problem("a".repeat(1001)));
    }
}
