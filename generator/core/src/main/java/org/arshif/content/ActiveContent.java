package org.arshif.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.internal.SourceText;

/**
 * Scripts in a media file that a browser runs when the file is opened on its own: an HTML, XHTML, SVG or XML file
 * published from {@code content/} runs them on the site's own origin, outside its pages' templates and their
 * Content-Security-Policy. Only a site that lets raw HTML through ({@code markdownRawHtml: true}) publishes such
 * files; others get a finding at the script. Stateless.
 *
 * <pre>{@code
 * ActiveContent.find(Path.of("content/media/logo.svg"))
 *         .ifPresent(found -> System.out.println(found.line() + ":" + found.column() + " " + found.what()));
 * }</pre>
 */
public final class ActiveContent {
    /** Extensions of files a browser renders as a document that can hold scripts. */
    private static final Set<String> DOCUMENTS = Set.of("html", "htm", "xhtml", "xht", "shtml", "svg", "xml");

    /**
     * Elements that run or embed code, event-handler attributes (also after {@code /} or a namespace prefix), a
     * {@code javascript:} link (a URL parser drops tabs and line breaks inside it), and XML entity declarations
     * (which can spell a script out of characters no pattern sees). Matched on the text with its character
     * references decoded, as a browser reads attribute values.
     */
    private static final Pattern ACTIVE =
            Pattern.compile("(?i)<\\s*(script|foreignobject|iframe|embed|object|handler)\\b"
                    + "|[\\s/:\"']on[a-z]+\\s*="
                    + "|j[\\t\\n\\r]*a[\\t\\n\\r]*v[\\t\\n\\r]*a[\\t\\n\\r]*s[\\t\\n\\r]*c[\\t\\n\\r]*r[\\t\\n\\r]*i[\\t\\n\\r]*p[\\t\\n\\r]*t[\\t\\n\\r]*:"
                    + "|<!entity");

    private static final Pattern REFERENCE =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|colon|Tab|NewLine);?");

    private ActiveContent() {}

    /** Documents larger than this are not read through (a news graphic is far smaller): they are a finding too. */
    public static final long MAX_BYTES = 16L << 20;

    /**
     * Where a script is, and what it is as written ({@code <script}, {@code onload=}); or, for a file over
     * {@link #MAX_BYTES}, line and column 0 and {@code what} empty.
     */
    public record Found(int line, int column, String what) {
        /** Whether the file was too large to look through. */
        public boolean tooLarge() {
            return what.isEmpty();
        }
    }

    /** Whether a file of this name is a document a browser could run scripts in. */
    public static boolean isDocument(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && DOCUMENTS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The first script in {@code file}, if it holds one; an unreadable file holds none (the copy will say), and one
     * over {@link #MAX_BYTES} is {@link Found#tooLarge}.
     */
    public static Optional<Found> find(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.of(new Found(0, 0, ""));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        String text = decode(bytes);
        int[] origin = new int[text.length() + 1];
        String read = withReferencesDecoded(text, origin);
        Matcher m = ACTIVE.matcher(read);
        if (!m.find()) {
            return Optional.empty();
        }
        // The event-handler alternative starts at the character before the attribute's name.
        int start = "/:\"'".indexOf(read.charAt(m.start())) >= 0 || Character.isWhitespace(read.charAt(m.start()))
                ? m.start() + 1
                : m.start();
        int[] at = SourceText.lineAndColumn(text, origin[start]);
        String what = text.substring(origin[start], origin[m.end()]).replaceAll("\\s+", " ");
        return Optional.of(new Found(at[0], at[1], what));
    }

    /**
     * The text with its numeric references and {@code &colon;}, {@code &Tab;}, {@code &NewLine;} decoded, except
     * those for markup characters (an escaped {@code &#60;script} is text, not an element); {@code origin[i]} is
     * where the decoded text's char {@code i} came from.
     */
    private static String withReferencesDecoded(String text, int[] origin) {
        StringBuilder read = new StringBuilder(text.length());
        Matcher ref = REFERENCE.matcher(text);
        int from = 0;
        while (ref.find()) {
            int cp = codePoint(ref.group(1));
            if (cp < 0 || cp == '<' || cp == '>' || cp == '&' || !Character.isValidCodePoint(cp)) {
                continue;
            }
            for (int i = from; i < ref.start(); i++) {
                origin[read.length()] = i;
                read.append(text.charAt(i));
            }
            for (char c : Character.toChars(cp)) {
                origin[read.length()] = ref.start();
                read.append(c);
            }
            from = ref.end();
        }
        for (int i = from; i <= text.length(); i++) {
            origin[read.length()] = i;
            if (i < text.length()) {
                read.append(text.charAt(i));
            }
        }
        return read.toString();
    }

    private static int codePoint(String reference) {
        return switch (reference) {
            case "colon" -> ':';
            case "Tab" -> '\t';
            case "NewLine" -> '\n';
            default ->
                reference.charAt(1) == 'x' || reference.charAt(1) == 'X'
                        ? Integer.parseInt(reference.substring(2), 16)
                        : Integer.parseInt(reference.substring(1));
        };
    }

    /** UTF-8, or UTF-16 by its byte-order mark, as a browser reads an XML or HTML file. */
    private static String decode(byte[] bytes) {
        if (bytes.length >= 2
                && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                        || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
