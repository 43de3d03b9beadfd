package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void isTheStandardXxh3Of128Bits() {
        // xxHash's own test vector: XXH3_128bits of no input
        assertEquals(
                "99aa06d3014798d86001c324468d497f", new Fingerprint().finish().hex());
    }

    @Test
    void equalSequencesGiveEqualFingerprints() {
        String built = new StringBuilder("خبر").append(' ').append("عاجل").toString();
        assertEquals(
                new Fingerprint().tag(1).text("خبر عاجل").number(7).finish(),
                new Fingerprint().tag(1).text(built).number(7).finish());
    }

    @Test
    void aLongStringHashesAsItsCharactersOneByOne() {
        // Strings are copied out in chunks; a StringBuilder goes through putChars(CharSequence): same bytes.
        for (String unit : List.of("x", "خبر ", "\uD83D\uDCF0", "\uD800a")) {
            for (int length : new int[] {16, 17, 4095, 4096, 4097, 9000}) {
                StringBuilder text = new StringBuilder();
                while (text.length() < length) {
                    text.append(unit);
                }
                text.setLength(length); // may cut a surrogate pair in two: lone halves are kept
                assertEquals(
                        new Fingerprint().text(text).text("end").finish(),
                        new Fingerprint().text(text.toString()).text("end").finish(),
                        unit + " × " + length);
            }
        }
        Fingerprint reused = new Fingerprint().text("a".repeat(5000)).text("b".repeat(40));
        assertEquals(
                new Fingerprint()
                        .text(new StringBuilder("a".repeat(5000)))
                        .text(new StringBuilder("b".repeat(40)))
                        .finish(),
                reused.finish());
    }

    @Test
    void textBoundariesOrderAndKindsAllCount() {
        List<Fingerprint.Hash128> all = new ArrayList<>();
        all.add(new Fingerprint().text("ab").text("c").finish());
        all.add(new Fingerprint().text("a").text("bc").finish());
        all.add(new Fingerprint().text("c").text("ab").finish());
        all.add(new Fingerprint().text("abc").finish());
        all.add(new Fingerprint().text("").text("abc").finish());
        all.add(new Fingerprint().text("abc").text("").finish());
        all.add(new Fingerprint().tag(1).text("abc").finish());
        all.add(new Fingerprint().tag(2).text("abc").finish());
        all.add(new Fingerprint().number(1).finish());
        all.add(new Fingerprint().number(2).finish());
        all.add(new Fingerprint().text("\uD800").finish()); // lone surrogates are told apart,
        all.add(new Fingerprint().text("\uDC00").finish()); // not replaced by one '?'
        all.add(new Fingerprint().text("?").finish());
        all.add(new Fingerprint().text("é").finish()); // NFC and NFD differ: the caller normalizes
        all.add(new Fingerprint().text("e\u0301").finish());
        assertEquals(all.size(), new TreeSet<>(all).size(), "all different: " + all);
    }

    @Test
    void hexIsThirtyTwoDigitsAndOrderIsUnsigned() {
        Fingerprint.Hash128 small = new Fingerprint.Hash128(0, 1);
        Fingerprint.Hash128 large = new Fingerprint.Hash128(-1, 0); // 0xffff…: above every positive high half
        assertEquals("00000000000000000000000000000001", small.hex());
        assertEquals("ffffffffffffffff0000000000000000", large.hex());
        assertTrue(small.compareTo(large) < 0);
        assertNotEquals(small, large);
    }
}
