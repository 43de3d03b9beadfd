package org.arshif.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.arshif.internal.BoundedInput;

/**
 * An image file's pixel size and media type, read from its header with {@code javax.imageio} without decoding
 * the pixels. The reader reads what it asks for, and never past the file's first {@link #HEAD_BYTES}, so a hostile
 * file (a JPEG whose size marker never comes, a huge declared size) costs at most that much and never a pixel buffer.
 *
 * @param width   pixels, or 0 when unknown
 * @param height  pixels, or 0 when unknown
 * @param type    the media type by file extension ({@code image/jpeg}), or empty for a file that is no image
 * @param length  the file's size in bytes
 * @param problem why the file cannot be used as the image it claims to be, or empty
 */
public record ImageHeader(int width, int height, String type, long length, String problem) {
    /** JPEG headers may follow 64 KB segments of EXIF and ICC data; the size marker comes well within this. */
    static final int HEAD_BYTES = 1 << 20;
    /** More pixels than any news photo has: a header that declares more is damaged or hostile. */
    static final long MAX_PIXELS = 400_000_000L;

    private static final Map<String, String> TYPES = Map.of(
            "jpg",
            "image/jpeg",
            "jpeg",
            "image/jpeg",
            "png",
            "image/png",
            "gif",
            "image/gif",
            "webp",
            "image/webp",
            "svg",
            "image/svg+xml",
            "avif",
            "image/avif");

    /** Whether sizes are shown: the header was read and is plausible. */
    public boolean hasSize() {
        return width > 0 && height > 0 && problem.isEmpty();
    }

    /** The media type for a file name by its extension, or empty when it is not an image Arshif knows. */
    public static String typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : TYPES.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), "");
    }

    /** Reads the header of {@code file}; every failure is a {@link #problem}, never an exception. */
    public static ImageHeader read(Path file) {
        String type = typeOf(file.getFileName().toString());
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            return new ImageHeader(0, 0, type, 0, "cannot read the file: " + e.getMessage());
        }
        if (type.isEmpty()) {
            return new ImageHeader(0, 0, "", length, "");
        }
        if (length == 0) {
            return new ImageHeader(
                    0,
                    0,
                    type,
                    0,
                    "the file is empty (0 bytes: an upload or copy that failed?), so no browser shows anything; copy"
                            + " or export the photo again");
        }
        // Read as the image reader asks, so a header costs a few kilobytes, not the photo.
        try (InputStream raw = Files.newInputStream(file)) {
            // a JPEG's EXIF is in its first bytes, which the image reader reads too: read once, for both
            byte[] first = type.equals("image/jpeg") ? raw.readNBytes(ExifOrientation.HEAD) : new byte[0];
            InputStream head =
                    new BoundedInput(new SequenceInputStream(new ByteArrayInputStream(first), raw), HEAD_BYTES);
            ImageHeader header = turned(first, sized(head, type, length));
            return header.problem().isEmpty() && cutShort(file, type, length)
                    ? new ImageHeader(
                            header.width(),
                            header.height(),
                            type,
                            length,
                            "the file ends before its image does (no " + name(type) + " end marker: a copy or upload"
                                    + " cut short?), so a browser shows part of it or nothing; copy or export it again")
                    : header;
        } catch (IOException e) {
            return new ImageHeader(0, 0, type, length, "cannot read the file: " + e.getMessage());
        }
    }

    /** {@code header} with its width and height swapped when its EXIF turns the photo a quarter, as browsers show it. */
    private static ImageHeader turned(byte[] jpegHead, ImageHeader header) {
        return header.type().equals("image/jpeg") && header.width() > 0 && ExifOrientation.quarterTurn(jpegHead)
                ? new ImageHeader(header.height(), header.width(), header.type(), header.length(), header.problem())
                : header;
    }

    private static ImageHeader sized(InputStream head, String type, long length) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(head)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                // Java reads JPEG, PNG and GIF; WebP, SVG and AVIF are shown without sizes.
                return knownWithoutReader(type)
                        ? new ImageHeader(0, 0, type, length, "")
                        : new ImageHeader(
                                0,
                                0,
                                type,
                                length,
                                "the file is not a " + name(type)
                                        + " image (its first bytes are not an image header); export it again, or fix its extension");
            }
            ImageReader reader = readers.next();
            String actual = actualType(reader);
            if (!actual.isEmpty() && !actual.equals(type)) {
                return new ImageHeader(
                        0,
                        0,
                        type,
                        length,
                        "the file is a " + name(actual) + " image named as a " + name(type) + " one: browsers show it,"
                                + " but a server sends it as " + type + ", which some readers and feed clients refuse;"
                                + " rename it with the extension ." + extension(actual) + ", or export it as a "
                                + name(type));
            }
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return new ImageHeader(
                            0,
                            0,
                            type,
                            length,
                            "the image header declares " + width + "×" + height
                                    + " pixels, which no photo has: the file is damaged; export it again");
                }
                return new ImageHeader(width, height, type, length, "");
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // A truncated or damaged header: ImageIO reports these as IIOException, or as runtime exceptions.
            return new ImageHeader(
                    0,
                    0,
                    type,
                    length,
                    "the image header cannot be read (" + reason(e)
                            + "): the file is truncated or damaged; export it again");
        }
    }

    /** The media type the reader found the file's first bytes to be, or empty when it does not say. */
    private static String actualType(ImageReader reader) {
        String[] types = reader.getOriginatingProvider() == null
                ? null
                : reader.getOriginatingProvider().getMIMETypes();
        return types == null || types.length == 0 ? "" : TYPES.getOrDefault(extension(types[0]), "");
    }

    /** {@code png} for {@code image/png}, {@code jpg} for {@code image/jpeg}. */
    private static String extension(String type) {
        String sub = type.substring(type.indexOf('/') + 1);
        return sub.equals("jpeg") ? "jpg" : sub;
    }

    /**
     * Whether a JPEG, PNG or GIF lacks the marker that ends its format (JPEG's EOI, PNG's IEND chunk, GIF's
     * trailer) near its end: a photo copied or uploaded in part has its header, and so its size, but not its pixels.
     */
    private static boolean cutShort(Path file, String type, long length) throws IOException {
        byte[] end = switch (type) {
            case "image/jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD9};
            case "image/png" -> new byte[] {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
            case "image/gif" -> new byte[] {0x3B};
            default -> null;
        };
        if (end == null) {
            return false;
        }
        // cameras and editors may leave a few bytes after the end marker: it is looked for in the last kilobyte
        int tail = (int) Math.min(length, 1024);
        byte[] last = new byte[tail];
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(length - tail);
            ByteBuffer buffer = ByteBuffer.wrap(last);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the whole tail
            }
        }
        for (int i = tail - end.length; i >= 0; i--) {
            if (Arrays.equals(last, i, i + end.length, end, 0, end.length)) {
                return false;
            }
        }
        return true;
    }

    private static boolean knownWithoutReader(String type) {
        return !(type.equals("image/jpeg") || type.equals("image/png") || type.equals("image/gif"));
    }

    private static String name(String type) {
        return type.substring("image/".length()).toUpperCase(Locale.ROOT);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
