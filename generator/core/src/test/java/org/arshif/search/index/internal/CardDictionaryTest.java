package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class CardDictionaryTest {
    private static final String CARD = "[\"/ar/2016/05/وزير-الخارجية-يبحث-مع-نظيره-الروسي-104211/\","
            + "\"وزير الخارجية يبحث مع نظيره الروسي الأوضاع في المنطقة\",\"2016-05-12\",\"12 مايو 2016\",[3,41],"
            + "\"بحث وزير الخارجية اليوم مع نظيره الروسي في اتصال هاتفي الأوضاع في المنطقة وسبل تعزيز العلاقات بين"
            + " البلدين التي …\"]";

    @Test
    void aCardIsSmallerAfterItsLanguagesDictionaryAndInflatesBackWithIt() throws Exception {
        byte[] json = CARD.getBytes(StandardCharsets.UTF_8);
        byte[] dict = CardDictionary.of("ar");
        Deflater d = Blob.rawDeflater();
        byte[] alone = Blob.deflateRaw(d, json);
        byte[] after = Blob.deflateRaw(d, json, dict);
        d.end();
        assertTrue(after.length < alone.length * 0.85, alone.length + " → " + after.length);

        Inflater inf = new Inflater(true);
        inf.setDictionary(dict);
        inf.setInput(after);
        byte[] out = new byte[4096];
        int n = inf.inflate(out);
        inf.end();
        assertEquals(CARD, new String(out, 0, n, StandardCharsets.UTF_8));
    }

    @Test
    void aLanguageWithoutAWordListGetsTheStartOfItsUrlsOnly() {
        assertEquals("\",\"[\"/fr/20", CardDictionary.text("fr"));
        assertTrue(CardDictionary.text("en").endsWith(" December \",\"[\"/en/20"), "the English months, last");
        assertTrue(CardDictionary.of("ar").length < 64 * 1024, "the client reads it as one stored block");
    }
}
