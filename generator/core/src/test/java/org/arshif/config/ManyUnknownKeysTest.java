package org.arshif.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.arshif.internal.yaml.YFields;
import org.junit.jupiter.api.Test;

/** An arshif.yml of thousands of unknown keys (surely another file): the first named, the rest counted in one. */
class ManyUnknownKeysTest {

    @Test
    void theFirstHundredUnknownKeysAreNamedAndTheRestCountedAtTheFirstOfThem() {
        String yaml = "baseUrl: https://x.example/\ntilte: T\n"
                + IntStream.range(0, 5_000).mapToObj(i -> "k" + i + ": 1\n").collect(Collectors.joining());
        List<String> found = ConfigLoaderTest.problems(yaml);
        assertEquals(YFields.UNKNOWN_KEYS_NAMED + 1, found.size(), String.join("\n", found.subList(0, 3)));
        assertEquals("arshif.yml:2:1: error: unknown configuration key 'tilte'; did you mean 'title'?", found.get(0));
        assertTrue(
                found.get(1).startsWith("arshif.yml:3:1: error: unknown configuration key 'k0'; known keys: "),
                found.get(1));
        String rest = found.get(found.size() - 1);
        assertTrue(
                rest.startsWith("arshif.yml:102:1: error: 4901 more unknown configuration keys from here to line"
                        + " 5002, besides the 100 named above (only the first 100 of a kind are named one by one); is this"
                        + " the right file? Known keys: agencies, "),
                rest);
    }

    @Test
    void aHundredUnknownKeysAreAllNamed() {
        String yaml = "baseUrl: https://x.example/\n"
                + IntStream.range(0, 100).mapToObj(i -> "k" + i + ": 1\n").collect(Collectors.joining());
        List<String> found = ConfigLoaderTest.problems(yaml);
        assertEquals(100, found.size());
        assertTrue(found.stream().allMatch(f -> f.contains(": error: unknown configuration key 'k")));
    }
}
