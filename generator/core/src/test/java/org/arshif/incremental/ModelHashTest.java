package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.arshif.content.SourceFormat;
import org.arshif.site.JsonLd;
import org.arshif.site.pages.SharedInput;
import org.junit.jupiter.api.Test;

/** Properties of page fingerprints: equal models agree, and any change a template could see changes them. */
class ModelHashTest {

    /** A view model with one component of every kind the walk knows. */
    record Card(
            String title,
            int count,
            long id,
            double score,
            boolean draft,
            Character mark,
            SourceFormat format,
            LocalDate day,
            OffsetDateTime time,
            List<String> tags,
            Map<String, Object> params,
            String[] words,
            Optional<String> note,
            Card related) {}

    record Pair(String first, String second) {}

    private static Card card() {
        return new Card(
                "قمة في سوتشي",
                3,
                42L,
                0.5,
                false,
                'x',
                SourceFormat.MARKDOWN,
                LocalDate.of(2017, 5, 22),
                OffsetDateTime.parse("2017-05-22T09:00+03:00"),
                List.of("syria", "russia"),
                ordered("a", 1, "b", List.of("x")),
                new String[] {"w1", "w2"},
                Optional.of("n"),
                new Card(
                        "older",
                        0,
                        0,
                        0,
                        false,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        Map.of(),
                        new String[0],
                        Optional.empty(),
                        null));
    }

    private static String hash(Object model) throws ModelHash.Unhashable {
        return new ModelHash().of("article.ftlh", model);
    }

    @Test
    void equalModelsGiveEqualFingerprintsWhateverTheirInstances() throws Exception {
        assertEquals(hash(card()), hash(card()));
        ModelHash reused = new ModelHash(); // its caches change nothing
        assertEquals(reused.of("article.ftlh", card()), reused.of("article.ftlh", card()));
        assertEquals(hash(card()), reused.of("article.ftlh", card()));
        // a template sees a list, whichever list it is
        assertEquals(hash(List.of("a", "b")), hash(new ArrayList<>(Arrays.asList("a", "b"))));
        assertEquals(hash(ordered("a", 1, "b", 2)), hash(new TreeMap<>(Map.of("b", 2, "a", 1))));
        assertEquals(32, hash(card()).length());
        assertTrue(hash(card()).matches("[0-9a-f]{32}"));
    }

    @Test
    void everyComponentChangesTheFingerprint() throws Exception {
        List<UnaryOperator<Card>> edits = List.of(
                c -> with(c, 0, "قمة في سوتشي."),
                c -> with(c, 1, 4),
                c -> with(c, 2, 43L),
                c -> with(c, 3, 0.25),
                c -> with(c, 4, true),
                c -> with(c, 5, 'y'),
                c -> with(c, 6, SourceFormat.AGENCY_TEXT),
                c -> with(c, 7, LocalDate.of(2017, 5, 23)),
                c -> with(c, 8, OffsetDateTime.parse("2017-05-22T09:00+02:00")),
                c -> with(c, 9, List.of("syria")),
                c -> with(c, 10, ordered("a", 1, "b", List.of("y"))),
                c -> with(c, 11, new String[] {"w1", "w3"}),
                c -> with(c, 12, Optional.empty()),
                c -> with(c, 13, null));
        assertEquals(Card.class.getRecordComponents().length, edits.size(), "one edit per component");
        String original = hash(card());
        List<String> seen = new ArrayList<>(List.of(original));
        for (int i = 0; i < edits.size(); i++) {
            String edited = hash(edits.get(i).apply(card()));
            assertTrue(!seen.contains(edited), "component " + Card.class.getRecordComponents()[i].getName());
            seen.add(edited);
        }
    }

    @Test
    void orderAndNestingCount() throws Exception {
        assertNotEquals(hash(new Pair("a", "b")), hash(new Pair("b", "a")), "record components in order");
        assertNotEquals(hash(List.of("a", "b")), hash(List.of("b", "a")), "list order");
        assertNotEquals(
                hash(ordered("a", 1, "b", 2)), hash(ordered("b", 2, "a", 1)), "map order, as a template sees it");
        assertNotEquals(hash(List.of("ab", "c")), hash(List.of("a", "bc")), "where one string ends");
        assertNotEquals(hash(List.of(List.of("a"), List.of())), hash(List.of(List.of(), List.of("a"))), "nesting");
        assertNotEquals(hash(List.of("a", "b")), hash(ordered("a", "b")), "a list is not a map");
        assertNotEquals(hash(List.of("a")), hash(new String[] {"a"}), "nor an array");
    }

    @Test
    void valuesThatPrintAlikeAreStillDifferent() throws Exception {
        List<Object> values = Arrays.asList(
                null,
                "",
                "1",
                1,
                1L,
                1.0,
                '1',
                true,
                "true",
                Optional.empty(),
                Optional.of(""),
                List.of(),
                Map.of(),
                LocalDate.of(2017, 5, 22),
                "2017-05-22");
        List<String> hashes = new ArrayList<>();
        for (Object v : values) {
            hashes.add(hash(Arrays.asList(v)));
        }
        assertEquals(values.size(), hashes.stream().distinct().count(), values.toString());
    }

    @Test
    void theTemplateIsPartOfTheFingerprint() throws Exception {
        ModelHash h = new ModelHash();
        assertNotEquals(h.of("article.ftlh", card()), h.of("list.ftlh", card()));
    }

    @Test
    void aSharedPartCountsByItsValueAndIsComputedOncePerValue() throws Exception {
        ModelHash h = new ModelHash();
        String a = h.of("list", List.of(new SharedInput(List.of("card", 1)), new SharedInput(List.of("card", 2))));
        String b = h.of("list", List.of(new SharedInput(List.of("card", 1)), new SharedInput(List.of("card", 3))));
        assertNotEquals(a, b, "a remembered part does not hide another value");
        assertEquals(
                a,
                new ModelHash()
                        .of("list", List.of(new SharedInput(List.of("card", 1)), new SharedInput(List.of("card", 2)))),
                "the same with a fresh hasher");
        assertNotEquals(
                a,
                h.of("list", List.of(List.of("card", 1), List.of("card", 2))),
                "a shared part is not the same model as its value in place");
    }

    @Test
    void aSharedPartIsLookedUpByItsValueWithItsHashTakenOnce() {
        List<Object> card = new ArrayList<>(List.of("card", 1));
        SharedInput one = new SharedInput(card);
        SharedInput other = new SharedInput(new ArrayList<>(card));
        assertEquals(one, other, "two parts of the same value are one part");
        assertEquals(one.hashCode(), other.hashCode());
        assertNotEquals(one, new SharedInput(List.of("card", 2)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SharedInput(card, card.hashCode() + 1),
                "a hash that is not the value's would hide the part from its lookups");
    }

    @Test
    void jsonLdCountsByItsText() throws Exception {
        assertEquals(hash(new JsonLd("{\"a\":1}")), hash(new JsonLd("{\"a\":1}")));
        assertNotEquals(hash(new JsonLd("{\"a\":1}")), hash(new JsonLd("{\"a\":2}")));
    }

    @Test
    void whatItCannotWalkIsUnhashableAndACycleDoesNotHang() {
        assertThrows(ModelHash.Unhashable.class, () -> hash(List.of(new Object())));
        assertThrows(
                ModelHash.Unhashable.class, () -> hash(Map.of("k", List.of(1).iterator())));
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> assertThrows(ModelHash.Unhashable.class, () -> hash(cycle)));
    }

    private static Card with(Card c, int component, Object value) {
        Object[] v = {
            c.title(),
            c.count(),
            c.id(),
            c.score(),
            c.draft(),
            c.mark(),
            c.format(),
            c.day(),
            c.time(),
            c.tags(),
            c.params(),
            c.words(),
            c.note(),
            c.related()
        };
        v[component] = value;
        return new Card(
                (String) v[0],
                (Integer) v[1],
                (Long) v[2],
                (Double) v[3],
                (Boolean) v[4],
                (Character) v[5],
                (SourceFormat) v[6],
                (LocalDate) v[7],
                (OffsetDateTime) v[8],
                cast(v[9]),
                cast(v[10]),
                (String[]) v[11],
                cast(v[12]),
                (Card) v[13]);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
