package org.arshif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyEncodingsTest {
    /** From the SANA sample in ../shared/samples, with a Latin word in it as wire text has. */
    static final String ARABIC = "بحث الرئيس الروسي فلاديمير بوتين والرئيس الإيراني حسن روحاني خلال اتصال هاتفي"
            + " اليوم الوضع في سورية (SANA) وتنفيذ مذكرة إنشاء مناطق تخفيف التوتر.\n";

    static Optional<String> guess(String text, String charset) {
        return LegacyEncodings.guess(text.getBytes(Charset.forName(charset))).map(LegacyEncodings.Encoding::iconvName);
    }

    @Test
    void arabicInEachOlderEncodingIsNamed() {
        assertEquals(Optional.of("WINDOWS-1256"), guess(ARABIC, "windows-1256"));
        assertEquals(Optional.of("ISO-8859-6"), guess(ARABIC, "ISO-8859-6"));
    }

    @Test
    void aShortArabicTextThatBothTablesReadAsLettersIsNamedByItsArticles() {
        // "نص الخبر" in ISO-8859-6 reads as Arabic letters in Windows-1256 too ("نص اننخبر"): named Windows-1256
        // before, whose iconv command would have turned the file into other words.
        String front = "---\ntitle: خبر\n---\n\nنص الخبر.\n";
        assertEquals(Optional.of("ISO-8859-6"), guess(front, "ISO-8859-6"));
        assertEquals(Optional.of("WINDOWS-1256"), guess(front, "windows-1256"));
        assertEquals(Optional.of("ISO-8859-6"), guess("قال الوزير إن المحادثات ستستأنف غدا.\n", "ISO-8859-6"));
    }

    @Test
    void aLongArabicTextWithBytePairsThatHappenToBeUtf8IsStillNamed() {
        // In Windows-1256 a letter before the Arabic comma ، (0xA1) makes a valid two-byte UTF-8 sequence.
        String text = "بحث الرئيسان الوضع في سورية، وشددا على أهمية الجهود المشتركة لحل الأزمة فيها.\n";
        assertEquals(Optional.of("WINDOWS-1256"), guess(text.repeat(20), "windows-1256"));
    }

    @Test
    void westernTextIsNotTakenForArabic() {
        // Each of é, ï, ç is an Arabic letter in ISO-8859-6: inside Latin words they are not.
        assertEquals(Optional.of("WINDOWS-1252"), guess("Café au lait, naïve façade.\n", "windows-1252"));
    }

    @Test
    void utf8WithADamagedByteAndBytesOfNoScriptAreNotGuessed() {
        byte[] utf8 = ARABIC.getBytes(StandardCharsets.UTF_8);
        utf8[10] = (byte) 0xC8;
        assertEquals(Optional.empty(), LegacyEncodings.guess(utf8));
        assertEquals(Optional.empty(), LegacyEncodings.guess(new byte[] {(byte) 0x80, (byte) 0x81, 'a', (byte) 0x9F}));
        assertEquals(Optional.empty(), LegacyEncodings.guess("ascii only".getBytes(StandardCharsets.US_ASCII)));
    }
}
