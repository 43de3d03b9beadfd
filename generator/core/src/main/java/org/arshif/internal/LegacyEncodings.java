package org.arshif.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Optional;

/**
 * Which older encoding a file that is not UTF-8 was most likely saved in, so that the finding can say how to
 * convert it: Arabic newsroom systems on Windows wrote Windows-1256, some Unix ones ISO-8859-6, and Western editors
 * Windows-1252, and Mac OS Arabic (old Macintosh desks: ISO-8859-6's letters, with « » and Arabic digits). Only a file whose bytes past ASCII are mostly not UTF-8 is guessed at: one whose valid sequences
 * outnumber its bad bytes is UTF-8 with a damaged byte. (A long Windows-1256 text has a few byte pairs that happen
 * to be UTF-8: a letter before the Arabic comma ، 0xA1 is one.) Stateless.
 */
public final class LegacyEncodings {
    /**
     * A candidate: the Java charset, the name {@code iconv} knows it by (empty when it knows none), and what it is
     * for a reader.
     */
    public record Encoding(String charset, String iconvName, String description) {
        /** A command that converts FILE to UTF-8 as NEW. */
        public String converter() {
            return iconvName.isEmpty()
                    // glibc's iconv has no Mac Arabic table; Python's codec has one
                    ? "python3 -c \"import sys; sys.stdout.write(open(sys.argv[1], encoding='mac_arabic').read())\""
                            + " FILE > NEW (iconv has no Mac Arabic table)"
                    : "iconv -f " + iconvName + " -t UTF-8 FILE > NEW";
        }
    }

    private static final List<Encoding> CANDIDATES = List.of(
            new Encoding("windows-1256", "WINDOWS-1256", "Arabic text in Windows-1256"),
            new Encoding("ISO-8859-6", "ISO-8859-6", "Arabic text in ISO-8859-6"),
            new Encoding("windows-1252", "WINDOWS-1252", "Western text in Windows-1252 (Latin-1)"),
            // after ISO-8859-6, whose letters it shares: chosen only for what that table lacks (« », Arabic digits)
            new Encoding("x-MacArabic", "", "Arabic text in Mac OS Arabic"));
    /** Share of the non-ASCII characters that must be letters of the candidate's script. */
    private static final double MIN_LETTER_SHARE = 0.8;

    private LegacyEncodings() {}

    /** The encoding {@code bytes} read best in, if one reads them as letters of its script. */
    public static Optional<Encoding> guess(byte[] bytes) {
        if (mostlyUtf8(bytes)) {
            return Optional.empty();
        }
        Encoding best = null;
        double bestShare = MIN_LETTER_SHARE;
        for (Encoding candidate : CANDIDATES) {
            double share = letterShare(bytes, candidate);
            if (share > bestShare
                    || share >= MIN_LETTER_SHARE && share == bestShare && moreArticles(bytes, candidate, best)) {
                best = candidate;
                bestShare = share;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Between two Arabic tables that both read every byte as a letter (a short text: "نص الخبر" in ISO-8859-6 is
     * Arabic letters in Windows-1256 too, "نص اننخبر"), the one that reads more definite articles ال: the two tables
     * agree on ا but not on ل, and the article is in most Arabic sentences.
     */
    private static boolean moreArticles(byte[] bytes, Encoding candidate, Encoding than) {
        return than != null && articles(bytes, candidate) > articles(bytes, than);
    }

    private static int articles(byte[] bytes, Encoding encoding) {
        String text = new String(bytes, Charset.forName(encoding.charset()));
        int n = 0;
        for (int at = text.indexOf("ال"); at >= 0; at = text.indexOf("ال", at + 2)) {
            n++;
        }
        return n;
    }

    /**
     * The share of non-ASCII characters that are letters of the candidate's script; 0 if a byte is unmapped or read
     * as a C1 control.
     */
    private static double letterShare(byte[] bytes, Encoding candidate) {
        if (!Charset.isSupported(candidate.charset())) {
            return 0;
        }
        CharBuffer text;
        try {
            text = Charset.forName(candidate.charset())
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return 0;
        }
        boolean arabic = candidate.description().startsWith("Arabic");
        int nonAscii = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                // a C1 control is no text's character: a byte this table leaves unassigned (« in Mac Arabic, read
                // as ISO-8859-6), which iconv would turn into an invisible control
                return 0;
            }
            if (c >= 0x80) {
                nonAscii++;
                // An Arabic letter inside a Latin word ("Caf" + "ى") is a Western byte read in the wrong table.
                boolean ofScript = arabic
                        ? Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC
                                && !isAsciiLetter(text, i - 1)
                                && !isAsciiLetter(text, i + 1)
                        : c >= 0xC0 && c <= 0xFF && Character.isLetter(c);
                letters += ofScript ? 1 : 0;
            }
        }
        return nonAscii == 0 ? 0 : (double) letters / nonAscii;
    }

    private static boolean isAsciiLetter(CharSequence text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether the valid UTF-8 sequences of two to four bytes outnumber the bytes past ASCII in none. */
    private static boolean mostlyUtf8(byte[] bytes) {
        int valid = 0;
        int bad = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int continuations =
                    b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
            boolean all = continuations > 0 && i + continuations < bytes.length;
            for (int k = 1; all && k <= continuations; k++) {
                all = (bytes[i + k] & 0xC0) == 0x80;
            }
            if (all) {
                valid++;
                i += continuations + 1;
            } else {
                bad += b >= 0x80 ? 1 : 0;
                i++;
            }
        }
        return valid > bad;
    }
}
