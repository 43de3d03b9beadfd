package org.arshif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos: a page bundle's files beside its page, shared ones under {@code /media/}, sizes and lazy loading on
 * {@code <img>}, the lead image on the article, in lists, in {@code og:image}, JSON-LD and the Atom feed; missing,
 * undescribed and hostile images as findings; and an incremental build that copies a photo only when it changed.
 */
class MediaTest {
    private static final String AR_BUNDLE = "content/ar/2017-05-22-putin-call/";
    private static final String EN_BUNDLE = "content/en/2017-05-22-putin-call/";
    private static final String AR_PAGE = "ar/2017/05/putin-call/";

    @TempDir
    Path tmp;

    /** The fixture site with its photos, which are made here (real JPEG, PNG and GIF files written by ImageIO). */
    Path site() throws IOException {
        return photoSite(tmp.resolve("src"));
    }

    /** The fixture site with its photos, copied into {@code dir}. */
    static Path photoSite(Path dir) throws IOException {
        Path root = Trees.copy(Trees.site("media"), dir);
        image(root.resolve(AR_BUNDLE + "kremlin.jpg"), "jpg", 1200, 800);
        image(root.resolve(AR_BUNDLE + "call.png"), "png", 640, 480);
        image(root.resolve(EN_BUNDLE + "kremlin.jpg"), "jpg", 1200, 800);
        image(root.resolve("content/media/map.gif"), "gif", 300, 200);
        return root;
    }

    static void image(Path file, String format, int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(width / 2, height / 2, 0xc0ffee);
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(picture, format, file.toFile()), format);
    }

    BuildReport build(Path root, Path cache) {
        return Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .cache(cache)
                .clock(InvalidSitesTest.CLOCK)
                .build()
                .build();
    }

    String page(String relPath) throws IOException {
        return Files.readString(tmp.resolve("out").resolve(relPath));
    }

    @Test
    void bundleAndSharedPhotosArePublishedByteForByteAtStableUrls() throws IOException {
        Path root = site();
        BuildReport report = build(root, null);
        assertEquals(List.of(), report.findings(), "a site whose photos are all there and described is clean");
        Path out = tmp.resolve("out");
        for (String[] copy : new String[][] {
            {AR_BUNDLE + "kremlin.jpg", AR_PAGE + "kremlin.jpg"},
            {AR_BUNDLE + "call.png", AR_PAGE + "call.png"},
            {EN_BUNDLE + "kremlin.jpg", "en/2017/05/putin-call/kremlin.jpg"},
            {"content/media/map.gif", "media/map.gif"}
        }) {
            assertArrayEquals(
                    Files.readAllBytes(root.resolve(copy[0])), Files.readAllBytes(out.resolve(copy[1])), copy[1]);
        }
        assertFalse(Files.exists(out.resolve(AR_PAGE + "index.md")), "the dispatch itself is not published");
    }

    @Test
    void bodyImagesGetTheirSizesAndLoadLazily() throws IOException {
        build(site(), null);
        String article = page(AR_PAGE + "index.html");
        assertTrue(
                article.contains("<img src=\"call.png\" alt=\"الرئيس بوتين خلال الاتصال\" width=\"640\""
                        + " height=\"480\" loading=\"lazy\" decoding=\"async\" />"),
                article);
        assertTrue(
                article.contains("<img src=\"/archive/media/map.gif\" alt=\"خريطة مناطق تخفيف التوتر\""
                        + " width=\"300\" height=\"200\" loading=\"lazy\" decoding=\"async\" />"),
                article);
    }

    @Test
    void theLeadImageIsAFigureAThumbnailOgImageJsonLdAndAnEnclosure() throws IOException {
        Path root = site();
        build(root, null);
        String absolute = "https://news.example/archive/" + AR_PAGE + "kremlin.jpg";
        String article = page(AR_PAGE + "index.html");
        assertTrue(
                article.contains("<figure class=\"lead-image\">\n<img src=\"/archive/" + AR_PAGE
                        + "kremlin.jpg\" alt=\"الكرملين في موسكو\" width=\"1200\" height=\"800\" decoding=\"async\">\n"
                        + "<figcaption>الكرملين في موسكو</figcaption>"),
                article);
        assertTrue(article.contains("<meta property=\"og:image\" content=\"" + absolute + "\">"), article);
        assertTrue(article.contains("<meta property=\"og:image:width\" content=\"1200\">"), article);
        assertTrue(article.contains("\"image\":\"" + absolute + "\""), "JSON-LD image: " + article);

        String home = page("ar/index.html");
        assertTrue(
                home.contains("<img class=\"thumbnail\" src=\"/archive/" + AR_PAGE + "kremlin.jpg\" alt=\"\""
                        + " width=\"1200\" height=\"800\" loading=\"lazy\" decoding=\"async\">"),
                home);

        long length = Files.size(root.resolve(AR_BUNDLE + "kremlin.jpg"));
        String feed = page("ar/feed.xml");
        assertTrue(
                feed.contains("<link rel=\"enclosure\" type=\"image/jpeg\" length=\"" + length + "\" href=\"" + absolute
                        + "\"/>"),
                feed);

        // Hugo's images: the first one, described by imageAlt, which is the caption too.
        String en = page("en/2017/05/putin-call/index.html");
        assertTrue(
                en.contains("<img src=\"/archive/en/2017/05/putin-call/kremlin.jpg\" alt=\"The Kremlin in"
                        + " Moscow\" width=\"1200\" height=\"800\" decoding=\"async\">\n<figcaption>The Kremlin in"
                        + " Moscow</figcaption>"),
                en);
    }

    @Test
    void missingImagesAreErrorsAtTheImageAndAtTheKey() throws IOException {
        Path root = site();
        Files.delete(root.resolve(AR_BUNDLE + "call.png"));
        // a name in neither language's bundle: Hugo shares a translated bundle's files (below)
        Path en = root.resolve(EN_BUNDLE + "index.md");
        Files.writeString(en, Files.readString(en).replace("images: [kremlin.jpg]", "images: [kremlin-en.jpg]"));
        ContentException e = assertThrows(ContentException.class, () -> build(root, null));
        List<String> errors = e.errors().stream().map(Diagnostic::format).toList();
        assertEquals(2, errors.size(), errors::toString);
        InvalidSitesTest.assertError(
                AR_BUNDLE + "index.md:11:1: error: image 'call.png' points to no file of the" + " site (/archive/"
                        + AR_PAGE + "call.png); put the file beside index.md in " + AR_BUNDLE,
                errors.get(0));
        InvalidSitesTest.assertError(
                EN_BUNDLE + "index.md:3:1: error: the lead image 'kremlin-en.jpg' points to no"
                        + " file: put the file beside index.md in " + EN_BUNDLE,
                errors.get(1));
        assertFalse(Files.exists(tmp.resolve("out")), "a failed build writes no site");
    }

    @Test
    void aLeadImageWhoseNameDiffersInCaseOnlyNamesTheFileAsItIs() throws IOException {
        Path root = site();
        Files.move(root.resolve(EN_BUNDLE + "kremlin.jpg"), root.resolve(EN_BUNDLE + "Kremlin.JPG"));
        Files.move(root.resolve(AR_BUNDLE + "kremlin.jpg"), root.resolve(AR_BUNDLE + "Kremlin.JPG"));
        ContentException e = assertThrows(ContentException.class, () -> build(root, null));
        String problem = "index.md:3:1: error: the lead image 'kremlin.jpg' points to no file: there is"
                + " 'Kremlin.JPG', whose name differs in case only: web hosts tell the two apart, so write it"
                + " as that";
        assertEquals(
                List.of(AR_BUNDLE + problem, EN_BUNDLE + problem),
                e.errors().stream().map(Diagnostic::format).toList());
    }

    @Test
    void aTranslatedBundlesFileMissingInOneLanguageIsTakenFromTheOtherAsHugoSharesIt() throws IOException {
        Path root = site();
        Files.delete(root.resolve(EN_BUNDLE + "kremlin.jpg"));
        Files.writeString(root.resolve(EN_BUNDLE + "notes.csv"), "en\n");
        Files.writeString(root.resolve(AR_BUNDLE + "notes.csv"), "ar\n");
        build(root, null);
        Path out = tmp.resolve("out");
        assertEquals(
                Files.size(root.resolve(AR_BUNDLE + "kremlin.jpg")),
                Files.size(out.resolve("en/2017/05/putin-call/kremlin.jpg")),
                "the Arabic bundle's photo, published beside the English page");
        assertTrue(Files.exists(out.resolve("en/2017/05/putin-call/call.png")), "the Arabic bundle's other photo");
        assertEquals("en\n", Files.readString(out.resolve("en/2017/05/putin-call/notes.csv")), "its own file wins");
        assertEquals("ar\n", Files.readString(out.resolve(AR_PAGE + "notes.csv")));
    }

    @Test
    void aLeadImageThatNamesAFolderSuggestsThePhotoInIt() throws IOException {
        Path root = site();
        // the photo moved into a folder of the name the front-matter gives
        Files.move(root.resolve(EN_BUNDLE + "kremlin.jpg"), root.resolve(EN_BUNDLE + "photo.tmp"));
        Files.createDirectories(root.resolve(EN_BUNDLE + "kremlin.jpg"));
        Files.move(root.resolve(EN_BUNDLE + "photo.tmp"), root.resolve(EN_BUNDLE + "kremlin.jpg/a.jpg"));
        ContentException e = assertThrows(ContentException.class, () -> build(root, null));
        assertEquals(
                List.of(EN_BUNDLE + "index.md:3:1: error: the lead image 'kremlin.jpg' is a folder, not a photo: name"
                        + " the photo in it, such as 'kremlin.jpg/a.jpg'"),
                e.errors().stream().map(Diagnostic::format).toList());
    }

    @Test
    void anImageWithoutTextIsAWarning() throws IOException {
        Path root = site();
        Path dispatch = root.resolve(AR_BUNDLE + "index.md");
        Files.writeString(
                dispatch,
                Files.readString(dispatch)
                        .replace("![الرئيس بوتين خلال الاتصال](call.png)", "![](call.png)")
                        .replace("imageCaption: الكرملين في موسكو\n", ""));
        List<String> warnings =
                build(root, null).findings().stream().map(Diagnostic::format).toList();
        assertEquals(
                List.of(
                        AR_BUNDLE + "index.md:3:1: warning: the lead image 'kremlin.jpg' has no text for readers"
                                + " who cannot see it; add imageAlt: (what the photo shows) or imageCaption:",
                        AR_BUNDLE
                                + "index.md:10:1: warning: image 'call.png' has no text for readers who cannot see it;"
                                + " write what it shows between the brackets: ![…](call.png)"),
                warnings);
    }

    @Test
    void hostileImageFilesAreFindingsNeverACrashOrAHang() throws IOException {
        Path root = site();
        byte[] jpeg = Files.readAllBytes(root.resolve(AR_BUNDLE + "kremlin.jpg"));
        Files.write(root.resolve(AR_BUNDLE + "kremlin.jpg"), Arrays.copyOf(jpeg, 300)); // truncated
        Files.write(root.resolve(AR_BUNDLE + "call.png"), pngDeclaring(100_000, 100_000)); // 10 gigapixels
        Files.writeString(root.resolve("content/media/map.gif"), "<html>not a GIF</html>"); // not an image
        BuildReport report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> build(root, null));
        List<String> warnings =
                report.findings().stream().map(Diagnostic::format).toList();
        assertEquals(4, warnings.size(), warnings::toString); // the Arabic page's three, and the English map
        assertTrue(
                warnings.get(0)
                        .startsWith(AR_BUNDLE + "index.md:3:1: warning: the lead image " + AR_BUNDLE
                                + "kremlin.jpg: the image header cannot be read ("),
                warnings.get(0));
        assertTrue(warnings.get(0).endsWith("): the file is truncated or damaged; export it again"), warnings.get(0));
        assertEquals(
                AR_BUNDLE + "index.md:11:1: warning: image 'call.png': the image header declares 100000×100000"
                        + " pixels, which no photo has: the file is damaged; export it again",
                warnings.get(1));
        assertEquals(
                AR_BUNDLE + "index.md:15:1: warning: image '/archive/media/map.gif': the file is not a GIF image"
                        + " (its first bytes are not an image header); export it again, or fix its extension",
                warnings.get(2));
        String article = page(AR_PAGE + "index.html");
        assertTrue(
                article.contains("<img src=\"call.png\" alt=\"الرئيس بوتين خلال الاتصال\" loading=\"lazy\""
                        + " decoding=\"async\" />"),
                "no sizes from a hostile header: " + article);
    }

    /** A valid PNG signature and IHDR chunk declaring {@code width}×{@code height}, and no pixels. */
    static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        png.writeBytes(ihdr.array());
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        // the IEND chunk that ends every whole PNG: without it the file reads as cut short (ImageHeader)
        png.writeBytes(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82});
        return png.toByteArray();
    }

    @Test
    void anIncrementalBuildCopiesAChangedPhotoAndLeavesAnUnchangedOneAlone() throws IOException {
        Path root = site();
        Path cache = tmp.resolve("cache");
        build(root, cache);
        Path out = tmp.resolve("out");
        Object mapBefore = fileKey(out.resolve("media/map.gif"));
        Object photoBefore = fileKey(out.resolve(AR_PAGE + "call.png"));

        build(root, cache);
        assertEquals(mapBefore, fileKey(out.resolve("media/map.gif")), "an unchanged photo is not rewritten");
        assertEquals(photoBefore, fileKey(out.resolve(AR_PAGE + "call.png")), "an unchanged photo is not rewritten");

        image(root.resolve(AR_BUNDLE + "call.png"), "png", 320, 240);
        build(root, cache);
        assertNotEquals(photoBefore, fileKey(out.resolve(AR_PAGE + "call.png")), "a changed photo is copied again");
        assertArrayEquals(
                Files.readAllBytes(root.resolve(AR_BUNDLE + "call.png")),
                Files.readAllBytes(out.resolve(AR_PAGE + "call.png")));
        assertEquals(mapBefore, fileKey(out.resolve("media/map.gif")), "the other photo is still not rewritten");
        assertTrue(
                page(AR_PAGE + "index.html")
                        .contains("alt=\"الرئيس بوتين خلال الاتصال\" width=\"320\"" + " height=\"240\""),
                "the page shows the new size");
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    @Test
    void twoBuildsOfPhotosAreByteIdentical() throws IOException {
        Path root = site();
        build(root, null);
        Path first = Files.move(tmp.resolve("out"), tmp.resolve("first"));
        build(root, null);
        assertEquals(java.util.Optional.empty(), Trees.firstDifference(first, tmp.resolve("out")));
    }

    /** A photo that is a link out of the site is refused like a dispatch would be, and nothing is published. */
    @Test
    void aPhotoLinkedFromOutsideTheSiteIsRefused() throws IOException {
        Path root = site();
        Path secret = Files.writeString(tmp.resolve("secret.jpg"), "not for the public");
        Files.delete(root.resolve(AR_BUNDLE + "call.png"));
        Files.createSymbolicLink(root.resolve(AR_BUNDLE + "call.png"), secret);
        ContentException e = assertThrows(ContentException.class, () -> build(root, null));
        List<String> errors = e.errors().stream().map(Diagnostic::format).toList();
        assertTrue(
                errors.get(0).startsWith(AR_BUNDLE + "call.png: error: a symbolic link to " + secret),
                errors::toString);
        assertFalse(Files.exists(tmp.resolve("out")), "a failed build writes no site");
    }
}
