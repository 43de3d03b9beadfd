package org.arshif.search.index.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The preset dictionary a language's cards are deflated with (format 9): a card is ~250 bytes deflated alone, and
 * most of its words, its month name and the start of its url are in every other card, which deflate cannot see.
 * With the commonest words of the language before it (a fixed list, {@code cards-<lang>.txt}, made by
 * {@code bench/report/card-dictionary.py}; a language without one gets the url's start only), a card is ~20 %
 * smaller. The client inflates a card after the dictionary as a stored block, so that it needs no inflater of its
 * own. Fixed, not made from the site's cards: an edit then never changes another document's card.
 */
final class CardDictionary {
    private CardDictionary() {}

    /** The dictionary of language {@code lang}'s cards, as the manifest carries it ({@code cards.dict}). */
    static String text(String lang) {
        String words = "";
        try (InputStream in = CardDictionary.class.getResourceAsStream("cards-" + lang + ".txt")) {
            if (in != null) {
                words = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip() + " ";
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // every card begins so: [url starting /<lang>/<year>/ ...
        return words + "\",\"[\"/" + lang + "/20";
    }

    /** {@link #text} in UTF-8, as the deflater takes it. */
    static byte[] of(String lang) {
        return text(lang).getBytes(StandardCharsets.UTF_8);
    }
}
