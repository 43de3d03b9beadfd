package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input, round twelve: what round eleven left open, and new cases of messy archives. */
class RoundTwelveFindingsTest {
    @TempDir
    Path tmp;

    private static String wire(String embargo, String dateline) {
        return "Talks resume\n" + embargo + "\n" + dateline + " — Talks resumed on Thursday.\n";
    }

    private static OffsetDateTime held(String embargo, String dateline) {
        return Readers.read("content/en/ap.txt", wire(embargo, dateline)).meta().publish();
    }

    @Test
    void britishSummerTimeInSummerHoldsUntilLondonsReadingAndNamesDhakas() {
        // In July BST is London's +01:00 or Dhaka's +06:00: London's is the later, so neither publishes it early.
        String july = "GENEVA, July 4, 2017 (AP)";
        String line = "EMBARGOED UNTIL 0001 BST JULY 5 2017";
        assertEquals(OffsetDateTime.parse("2017-07-05T00:01+01:00"), held(line, july));
        assertEquals(
                "content/en/ap.txt:2:1: warning: the embargo names 'BST', British Summer Time (+01:00), which London"
                        + " keeps on 2017-07-05, or Bangladesh Standard Time (+06:00): it reads as 2017-07-05T00:01+01:00"
                        + " or 2017-07-05T00:01+06:00, five hours apart, and the dispatch is held until the later,"
                        + " 2017-07-05T00:01+01:00; write the time with the offset meant in place of 'BST' (+01:00 for"
                        + " London, +06:00 for Dhaka), or give publishDate in front-matter",
                Readers.findings("content/en/ap.txt", wire(line, july)).get(0));
        // Without a year, 25-31 October is read in the dispatch's year: 28 October 2017 was summer time, the 30th not.
        String october = "GENEVA, Oct. 27, 2017 (AP)";
        assertEquals(OffsetDateTime.parse("2017-10-28T00:01+01:00"), held("EMBARGOED UNTIL 0001 BST OCT 28", october));
        assertEquals(OffsetDateTime.parse("2017-10-30T00:01Z"), held("EMBARGOED UNTIL 0001 BST OCT 30", october));
        // In 2018 the change fell at 01:00 GMT on the 28th, in 2017 on the 29th: noon on the 28th is GMT in one only.
        assertEquals(
                OffsetDateTime.parse("2018-10-28T12:00Z"),
                held("EMBARGOED UNTIL 1200 BST OCT 28", "GENEVA, Oct. 27, 2018 (AP)"));
        assertEquals(
                OffsetDateTime.parse("2017-10-28T12:00+01:00"),
                held("EMBARGOED UNTIL 1200 BST OCT 28", "GENEVA, Oct. 27, 2017 (AP)"));
        assertEquals(
                OffsetDateTime.parse("2017-03-26T12:00+01:00"),
                held("EMBARGOED UNTIL 1200 BST MARCH 26", "GENEVA, March 24, 2017 (AP)"));
    }

    private static String sana(String line) {
        return "تستأنف المحادثات\n" + line + "\nدمشق - 4 أيار 2017 (سانا) - استؤنفت المحادثات يوم الخميس.\n";
    }

    @Test
    void aHijriDayInBstIsReadAndTheThirtiethIsNamedAtItsColumn() {
        // 12 Ramadan 1438 was 7 June 2017, a day of British Summer Time.
        String bst = "يحظر النشر قبل الساعة 10:00 BST يوم 12 رمضان";
        assertEquals(
                OffsetDateTime.parse("2017-06-07T10:00+01:00"),
                Readers.read("content/ar/sana.txt", sana(bst)).meta().publish());
        String line = "يحظر النشر قبل الساعة 10:00 بتوقيت مكة المكرمة يوم 30 رمضان";
        int column = line.indexOf("30") + 1;
        String warning = Readers.findings("content/ar/sana.txt", sana(line)).stream()
                .filter(f -> f.contains("is not a day of 1438 AH"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                warning.startsWith("content/ar/sana.txt:2:" + column + ": warning: the embargo's day, 30 رمضان"),
                warning);
        // An indented line: the column counts the spaces before it.
        String indented = Readers.findings("content/ar/sana.txt", sana("   " + line)).stream()
                .filter(f -> f.contains("is not a day of 1438 AH"))
                .findFirst()
                .orElseThrow();
        assertTrue(indented.startsWith("content/ar/sana.txt:2:" + (column + 3) + ": warning:"), indented);
    }

    @Test
    void aNelBeforeTheClosingFenceAndInTomlIsALineEnd() {
        String closing = "---\ntitle: A\ndate: 2017-05-04\u0085---\n\nText.\n";
        assertEquals(
                OffsetDateTime.parse("2017-05-04T00:00Z"),
                Readers.read("content/en/a.md", closing).date());
        assertEquals(
                List.of("content/en/a.md:3:17: warning: NEL (U+0085), a line end in some editors and in mainframe"
                        + " exports, ends this front-matter line where the file's other lines end in line feeds: the"
                        + " front-matter is closed by the '---' after it only with it read as a line end, so it is (and"
                        + " the lines after it are counted one more in this file's findings); replace it with a line"
                        + " feed"),
                Readers.findings("content/en/a.md", closing));
        String toml = "+++\ntitle = \"A\"\u0085date = 2017-05-04\n+++\n\nText.\n";
        assertEquals("A", Readers.read("content/en/a.md", toml).title());
        assertEquals(
                OffsetDateTime.parse("2017-05-04T00:00Z"),
                Readers.read("content/en/a.md", toml).date());
        assertEquals(
                List.of("content/en/a.md:2:12: warning: NEL (U+0085), a line end in some editors and in mainframe"
                        + " exports, ends this front-matter line where the file's other lines end in line feeds: the"
                        + " front-matter is valid TOML only with it read as a line end, so it is (and the lines after"
                        + " it are counted one more in this file's findings); replace it with a line feed"),
                Readers.findings("content/en/a.md", toml));
        // JSON is not read by lines: the NEL is removed, and the file read.
        String json = "{\"title\": \"A\",\u0085\"date\": \"2017-05-04\"}\n\nText.\n";
        assertEquals("A", Readers.read("content/en/a.md", json).title());
    }

    /** ASCII as itself, the rest in Mac OS Arabic, as a Macintosh desk saved it. */
    private static byte[] macArabic(String text) {
        Charset mac = Charset.forName("x-MacArabic");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            ByteBuffer b = c < 0x80 ? ByteBuffer.wrap(new byte[] {(byte) c}) : mac.encode(String.valueOf(c));
            out.write(b.array(), b.position(), b.remaining());
        }
        return out.toByteArray();
    }

    @Test
    void aMacArabicFileIsNamedWithAConverterThatKeepsItsQuotes() {
        byte[] mac =
                macArabic("---\ntitle: خبر عاجل\ndate: 2017-05-04\n---\n\nقال المتحدث: «نعم»، والمحادثات مستمرة.\n");
        assertEquals(
                List.of("content/ar/a.md:2:8: error: the file is not valid UTF-8 (bad byte 0xCE at byte offset 11); it"
                        + " reads as Arabic text in Mac OS Arabic, as older editors and newsroom systems save: convert it"
                        + " to UTF-8, for example with python3 -c \"import sys;"
                        + " sys.stdout.write(open(sys.argv[1], encoding='mac_arabic').read())\" FILE > NEW (iconv has"
                        + " no Mac Arabic table), or save it as UTF-8"),
                Readers.findings("content/ar/a.md", mac));
        // Without « » the letters are ISO-8859-6's own, and iconv converts it right.
        byte[] letters = macArabic("---\ntitle: خبر عاجل\ndate: 2017-05-04\n---\n\nقال المتحدث، والمحادثات مستمرة.\n");
        assertTrue(Readers.findings("content/ar/a.md", letters).get(0).contains("iconv -f ISO-8859-6 -t UTF-8"));
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    /** {@code jpeg} with an EXIF segment whose IFD0 holds the orientation tag alone, in big- or little-endian TIFF. */
    private static byte[] withOrientation(byte[] jpeg, int orientation, boolean bigEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(26)
                .order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put(bigEndian ? (byte) 'M' : (byte) 'I').put(bigEndian ? (byte) 'M' : (byte) 'I');
        tiff.putShort((short) 42).putInt(8).putShort((short) 1);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void aPhotoTurnedByItsExifIsSizedAsShownAndAnEmptyOneIsNamed() throws IOException {
        Path turned = tmp.resolve("turned.jpg");
        Files.write(turned, withOrientation(jpeg(40, 20), 6, true));
        ImageHeader header = ImageHeader.read(turned);
        assertEquals(List.of(20, 40, ""), List.of(header.width(), header.height(), header.problem()));
        Path intel = tmp.resolve("intel.jpg");
        Files.write(intel, withOrientation(jpeg(40, 20), 8, false));
        assertEquals(20, ImageHeader.read(intel).width());
        // Orientation 3 is upside down: a half turn keeps the sizes.
        Path upsideDown = tmp.resolve("upside.jpg");
        Files.write(upsideDown, withOrientation(jpeg(40, 20), 3, true));
        assertEquals(40, ImageHeader.read(upsideDown).width());
        Path empty = tmp.resolve("empty.jpg");
        Files.write(empty, new byte[0]);
        assertEquals(
                "the file is empty (0 bytes: an upload or copy that failed?), so no browser shows anything; copy or"
                        + " export the photo again",
                ImageHeader.read(empty).problem());
    }

    @Test
    void aHugoShortcodeWithAnArabicNameIsAShortcode() {
        String md = "---\ntitle: أ\ndate: 2017-05-04\n---\n\n{{% اقتباس مصدر=\"سانا\" %}}نص{{% /اقتباس %}}\n";
        assertEquals(
                List.of("content/ar/a.md:6:1: warning: {{% اقتباس %}} is a shortcode of the Hugo site,"
                        + " not one Arshif reads (figure, highlight, youtube, vimeo, x, twitter, tweet, instagram, gist,"
                        + " ref, relref): its tags are left out of the page and the text between them kept; write what"
                        + " it made as Markdown"),
                Readers.findings("content/ar/a.md", md));
        assertEquals("نص", Readers.read("content/ar/a.md", md).plainText().strip());
    }
}
