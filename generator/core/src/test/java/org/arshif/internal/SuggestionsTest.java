package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.arshif.content.DispatchReader;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void transpositionsCountAsOneEdit() {
        assertEquals(1, Suggestions.distance("tgas", "tags"));
        assertEquals(1, Suggestions.distance("tilte", "title"));
        assertEquals(2, Suggestions.distance("tgsa", "tags"));
        assertEquals(0, Suggestions.distance("", ""));
        assertEquals(3, Suggestions.distance("", "abc"));
    }

    @Test
    void misspelledFrontMatterKeysFindTheKeyTheyMeant() {
        Set<String> known = DispatchReader.KNOWN_KEYS;
        assertEquals(Optional.of("tags"), Suggestions.closest("tgas", known));
        assertEquals(Optional.of("summary"), Suggestions.closest("sumary", known));
        assertEquals(Optional.of("title"), Suggestions.closest("tilte", known));
        assertEquals(Optional.of("date"), Suggestions.closest("dat", known));
        assertEquals(Optional.of("translationKey"), Suggestions.closest("translationkey", known));
        assertEquals(Optional.of("title"), Suggestions.closest("Title", known));
        assertEquals(Optional.of("dateline"), Suggestions.closest("datelnie", known));
    }

    @Test
    void keysOfTheirOwnAreNotTakenForTypos() {
        Set<String> known = DispatchReader.KNOWN_KEYS;
        // two edits from a short key is too far: 'tgsa' is not 'tags', 'dt' is not 'date'
        assertEquals(Optional.empty(), Suggestions.closest("tgsa", known));
        assertEquals(Optional.empty(), Suggestions.closest("dt", known));
        assertEquals(Optional.empty(), Suggestions.closest("byline", known));
        assertEquals(Optional.empty(), Suggestions.closest("subtitle", known));
        assertEquals(Optional.empty(), Suggestions.closest("", known));
        assertEquals(Optional.empty(), Suggestions.closest("x".repeat(100_000), known));
    }

    @Test
    void theNearestKeyWinsAndTiesGoToTheFirstInSortedOrder() {
        assertEquals(Optional.of("abcd"), Suggestions.closest("abce", List.of("abxx", "abcd")));
        assertEquals(Optional.of("abcd"), Suggestions.closest("abcx", List.of("abce", "abcd")));
        assertEquals(Optional.of("abcd"), Suggestions.closest("abcx", List.of("abcd", "abce")));
    }
}
