package org.arshif.content;

import java.nio.charset.StandardCharsets;

/**
 * Whether a JPEG's EXIF orientation turns it a quarter (orientations 5 to 8: a phone held upright writes its sensor's
 * landscape pixels and this tag): browsers show it turned, so the width and height a page gives it are the header's
 * swapped, or the photo is squeezed into the wrong box. Reads the first APP1 segment only. Stateless.
 */
final class ExifOrientation {
    /** EXIF sits in an APP1 segment near the start: a camera's thumbnail keeps it under 64 KB. */
    static final int HEAD = 64 * 1024;

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    /** Whether the EXIF orientation in {@code head} (a JPEG's first {@link #HEAD} bytes) is a quarter turn. */
    static boolean quarterTurn(byte[] head) {
        int orientation = orientation(head);
        return orientation >= 5 && orientation <= 8;
    }

    /** The orientation tag of the EXIF in {@code b} (a JPEG's first bytes), or 0. */
    static int orientation(byte[] b) {
        int at = 2;
        while (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && at + 4 <= b.length) {
            int marker = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
            int length = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || length < 2) {
                return 0; // no marker, or the image data starts: no EXIF before it
            }
            if (marker == 0xFFE1
                    && at + 10 <= b.length
                    && new String(b, at + 4, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
                return inTiff(b, at + 10, Math.min(b.length, at + 2 + length));
            }
            at += 2 + length;
        }
        return 0;
    }

    /** The orientation in the TIFF structure at {@code start} (to {@code end}) of {@code b}, or 0. */
    private static int inTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 0;
        }
        boolean big = b[start] == 'M';
        int ifd = start + (int) read(b, start + 4, 4, big);
        if (ifd < start || ifd + 2 > end) {
            return 0;
        }
        int entries = (int) read(b, ifd, 2, big);
        for (int i = 0; i < entries && ifd + 2 + i * 12 + 12 <= end; i++) {
            int entry = ifd + 2 + i * 12;
            if (read(b, entry, 2, big) == ORIENTATION_TAG) {
                return (int) read(b, entry + 8, 2, big);
            }
        }
        return 0;
    }

    private static long read(byte[] b, int at, int bytes, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            int octet = b[at + (bigEndian ? i : bytes - 1 - i)] & 0xFF;
            v = (v << 8) | octet;
        }
        return v;
    }
}
