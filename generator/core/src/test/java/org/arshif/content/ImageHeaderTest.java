package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image sizes from headers, with real files written by ImageIO, and the bound on what a hostile header costs. */
class ImageHeaderTest {
    @TempDir
    Path tmp;

    static void image(Path file, String format, int width, int height) throws IOException {
        assertTrue(ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, file.toFile()));
    }

    @Test
    void jpegPngAndGifSizesComeFromTheirHeaders() throws IOException {
        for (String format : new String[] {"jpg", "png", "gif"}) {
            Path file = tmp.resolve("photo." + format);
            image(file, format, 1201, 799);
            ImageHeader h = ImageHeader.read(file);
            assertEquals(new ImageHeader(1201, 799, ImageHeader.typeOf(file.toString()), Files.size(file), ""), h);
            assertTrue(h.hasSize());
        }
    }

    @Test
    void aFormatJavaDoesNotReadHasNoSizeAndNoProblem() throws IOException {
        Path webp = Files.write(
                tmp.resolve("photo.webp"), "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ImageHeader h = ImageHeader.read(webp);
        assertEquals(new ImageHeader(0, 0, "image/webp", Files.size(webp), ""), h);
        assertFalse(h.hasSize());
    }

    /**
     * 3 MB of EXIF-like segments before the size marker: the reader gives up at the first megabyte (a hostile file
     * costs no more than that), with a problem, where reading on would have found the size.
     */
    @Test
    void aSizeMarkerPastTheFirstMegabyteIsNotLookedFor() throws IOException {
        Path real = tmp.resolve("real.jpg");
        image(real, "jpg", 40, 30);
        byte[] photo = Files.readAllBytes(real);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        for (int i = 0; i < 48; i++) {
            jpeg.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) 0xFF, (byte) 0xFF});
            jpeg.writeBytes(new byte[0xFFFF - 2]);
        }
        jpeg.write(photo, 2, photo.length - 2);
        Path file = Files.write(tmp.resolve("long-exif.jpg"), jpeg.toByteArray());
        ImageHeader h = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ImageHeader.read(file));
        assertFalse(h.hasSize(), h::toString);
        assertTrue(h.problem().startsWith("the image header cannot be read ("), h.problem());
    }
}
