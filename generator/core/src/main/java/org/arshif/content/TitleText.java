package org.arshif.content;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/**
 * A front-matter {@code title} as exports write it: on several lines (a YAML block, {@code title: |}), which a
 * headline never is, read as one line; with HTML's character references ({@code Q&amp;A}, {@code &#8211;}, from a
 * WordPress export), which Hugo shows as written, read as the characters they stand for; and one of punctuation
 * alone ({@code —}, {@code ***}, a desk's placeholder), named. Each with a warning at the key. Stateless.
 */
final class TitleText {
    private static final Pattern REFERENCE = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-z]+));");
    /** The named references an export leaves in a headline; any other is left as written. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", "\u00A0"),
            Map.entry("ndash", "–"),
            Map.entry("mdash", "—"),
            Map.entry("hellip", "…"),
            Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"),
            Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"),
            Map.entry("laquo", "«"),
            Map.entry("raquo", "»"));

    /** More characters than a headline has: a line of a dozen words is under 150, 1,000 is paragraphs. */
    private static final int LONG = 1_000;

    private TitleText() {}

    /** The title written in front-matter, stripped and read as above; empty when there is none to show. */
    static Optional<String> read(YFields fm) {
        Optional<String> written = fm.string("title").map(String::strip).filter(Titles::isVisible);
        if (written.isEmpty()) {
            return written;
        }
        YNode at = fm.get("title").orElseThrow();
        String title = written.get();
        if (title.contains("\n")) {
            String joined = title.replaceAll("\\s*\\R\\s*", " ");
            fm.warning(
                    at,
                    "'title' is written on " + title.lines().count() + " lines (a YAML block?), and a headline is"
                            + " one: it is shown as '" + joined + "'; write it on one line");
            title = joined;
        }
        Set<String> references = new LinkedHashSet<>();
        String decoded = decoded(title, references);
        if (!references.isEmpty()) {
            fm.warning(
                    at,
                    "'title' holds HTML's character reference" + (references.size() > 1 ? "s " : " ")
                            + String.join(", ", references) + " (an export from WordPress?), which Hugo shows as"
                            + " written: it is shown as '" + decoded + "'; write the characters themselves");
            title = decoded;
        }
        int length = title.codePointCount(0, title.length());
        if (length > LONG) {
            fm.warning(
                    at,
                    String.format(Locale.ROOT, "'title' is %,d characters long", length) + ", where a headline is a"
                            + " line (the story pasted into it?): it is shown whole, in the page's heading, its <title>,"
                            + " the feeds and every list; write the headline there, and the story below the"
                            + " front-matter");
        }
        if (title.codePoints().allMatch(cp -> Character.isWhitespace(cp) || isPunctuation(cp))) {
            fm.warning(
                    at,
                    "'title' '" + title + "' is punctuation alone, no word (a placeholder left in?); write the"
                            + " dispatch's headline");
        }
        return Optional.of(title);
    }

    private static String decoded(String title, Set<String> references) {
        if (title.indexOf('&') < 0) {
            return title;
        }
        Matcher m = REFERENCE.matcher(title);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String character = character(m);
            if (character != null) {
                references.add("'" + m.group() + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(character != null ? character : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String character(Matcher m) {
        if (m.group(3) != null) {
            return NAMED.get(m.group(3));
        }
        int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
        return Character.isValidCodePoint(cp) && cp >= 0x20 && (cp < 0x7F || cp > 0x9F) && (cp < 0xD800 || cp > 0xDFFF)
                ? new String(Character.toChars(cp))
                : null;
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
