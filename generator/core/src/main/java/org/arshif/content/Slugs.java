package org.arshif.content;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.arshif.internal.InvisibleCharacters;
import org.arshif.internal.PercentDecoding;

/** URL slugs. Arabic letters are kept: they are UTF-8 on disk and percent-encoded in links. */
public final class Slugs {
    /** Bytes in one URL segment, which is one file or folder name: file systems allow 255. */
    public static final int MAX_SEGMENT_BYTES = 200;
    /** Names Windows keeps for devices, with or without an extension: a folder {@code con/} cannot be made there. */
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    /** The fix for a whole archive moved from Hugo, in the one syntax every front end reads. */
    static final String HUGO_PATHS_FIX =
            "; for an archive moved from Hugo, hugoPaths: true in arshif.yml writes every URL as Hugo did";

    private Slugs() {}

    /** Bidi marks and controls, zero-width spaces and joiners, and other format characters: invisible in a URL. */
    public static boolean isInvisible(int cp) {
        return InvisibleCharacters.isInvisible(cp);
    }

    public static String withoutInvisible(String s) {
        return InvisibleCharacters.without(s);
    }

    /**
     * Why a tag cannot have a page, worded for the one who wrote it, or null; {@code key} is the URL segment that
     * the vocabulary makes of {@code raw}.
     */
    static String tagProblem(String raw, String key) {
        if (key.isEmpty()) {
            return "tag '" + raw + "' has no letters or digits to make a URL from; write the tag in words, or give it"
                    + " a key in content/tags.yml (a key such as 'questions:' with 'ar: \"" + raw.strip() + "\"')";
        }
        String problem = segmentProblem(key);
        return problem == null ? null : "tag '" + raw + "' makes the URL segment '" + key + "', which " + problem;
    }

    /**
     * Why one of Hugo's categories cannot have a page, worded for the one who wrote it, or null: its key (made as a
     * tag's, {@link #tagKey}) is its URL segment under {@code /<lang>/categories/}.
     */
    static String categoryProblem(String name) {
        String key = tagKey(name);
        if (key.isEmpty()) {
            return "category '" + name + "' has no letters or digits to make a URL from; write the category in words";
        }
        String problem = segmentProblem(key);
        return problem == null ? null : "category '" + name + "' makes the URL segment '" + key + "', which " + problem;
    }

    /** Why a name cannot be one folder of the site on every system, or null: reserved names and length. */
    public static String segmentProblem(String segment) {
        if (WINDOWS_RESERVED.matcher(segment.strip()).matches()) {
            return "is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9); choose another";
        }
        int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SEGMENT_BYTES) {
            return "is " + bytes + " bytes long, over the " + MAX_SEGMENT_BYTES + " bytes a file name can safely"
                    + " take; shorten it";
        }
        return null;
    }

    /**
     * Lower case; runs of anything but letters, marks and digits become one '-'. Invisible characters are left out,
     * so a zero-width joiner inside a word does not split it into two.
     */
    public static String tagKey(String raw) {
        return hyphenate(
                arabicFolded(raw.strip().toLowerCase(Locale.ROOT)),
                Slugs::isInvisible,
                cp -> Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK);
    }

    /**
     * Arabic as a reader sees it, for a tag's identity: presentation forms (ﺳﻮﺭﻳﺎ, from text copied out of a PDF)
     * as the letters they show, and the tatweel (سـورية) and harakat (سوريّة) left out, so one word is one tag. The
     * same string when it holds none of them.
     */
    static String arabicFolded(String s) {
        int i = 0;
        while (i < s.length() && !isArabicVariant(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        String forms = typedArabic(s);
        StringBuilder sb = new StringBuilder(forms.length());
        for (int j = 0; j < forms.length(); j++) {
            char c = forms.charAt(j);
            if (!(c == '\u0640' || c >= '\u064B' && c <= '\u065F' || c == '\u0670')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code s} with its Arabic presentation forms as the letters they show; the same string without any. */
    public static String typedArabic(String s) {
        if (s.chars().noneMatch(Slugs::isPresentationForm)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            sb.append(isPresentationForm(c) ? Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC) : c);
        }
        return sb.toString();
    }

    private static boolean isPresentationForm(int c) {
        return c >= '\uFB50' && c <= '\uFDFF' || c >= '\uFE70' && c <= '\uFEFE';
    }

    private static boolean isArabicVariant(char c) {
        return c == '\u0640' || c >= '\u064B' && c <= '\u065F' || c == '\u0670' || isPresentationForm(c);
    }

    /**
     * Keeps the code points {@code keep} accepts, drops those {@code skip} names, and turns every run of the rest
     * into one '-', never leading or trailing.
     */
    public static String hyphenate(String s, IntPredicate skip, IntPredicate keep) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean dash = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (skip.test(cp)) {
                continue;
            }
            if (keep.test(cp)) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                dash = false;
                sb.appendCodePoint(cp);
            } else {
                dash = true;
            }
        }
        return sb.toString();
    }

    /**
     * Why a slug cannot be used as one URL segment, or null when it can. Slugs must not leave their folder.
     */
    public static String problem(String slug) {
        if (slug.isBlank()) {
            return "is empty";
        }
        if (slug.equals(".") || slug.equals("..") || slug.contains("/") || slug.contains("\\")) {
            return "would leave its folder (it contains '/', '\\\\' or is '.' or '..')";
        }
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (c < 0x20 || c == 0x7F || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>'
                    || c == '|' || c == '#' || c == '%') {
                String shown = c < 0x20 || c == 0x7F ? String.format(Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
                return "contains the character " + shown + ", which cannot be part of a file name or URL segment";
            }
        }
        if (slug.startsWith(" ") || slug.endsWith(" ") || slug.endsWith(".")) {
            return "starts or ends with a space or ends with '.'";
        }
        return segmentProblem(slug);
    }

    /**
     * The warning for a slug or url with a space: published as written ({@code %20} in links), where Hugo made a
     * hyphen of it, so an archive moved from Hugo would lose its old address.
     *
     * @param what    {@code slug 'a b'} or {@code url '/a b/'}
     * @param written the slug or url
     * @param where   what to change: {@code 'slug'}, {@code 'url'} or {@code the file}
     */
    static String spaced(String what, String written, String where) {
        return what + " holds a space, published as %20 in its URL, where Hugo writes a hyphen ('"
                + written.replace(' ', '-') + "'): an archive moved from Hugo loses its old address; write "
                + (where.equals("the file") ? "the file's name" : where) + " with hyphens, or give the old URL as an"
                + " alias" + (where.equals("'url'") ? "" : HUGO_PATHS_FIX); // hugoPaths leaves 'url' as written
    }

    /**
     * The warning for a Markdown dispatch's slug with capitals: Hugo lowercased its URL (unless the site set {@code
     * disablePathToLower}), Arshif keeps it as written, so a moved archive would lose its old address.
     */
    static String capitals(String slug, String where) {
        return capitals("slug '" + slug + "'", slug, where);
    }

    /**
     * The same for any part of a URL Hugo lowercased: {@code subject} names it ({@code the folder 'World', a
     * section,}), {@code slug} is its text.
     */
    static String capitals(String subject, String slug, String where) {
        boolean spaced = slug.contains(" ");
        return subject + " has capitals" + (spaced ? " and a space" : "") + ", which Hugo writes in lower case"
                + (spaced ? " with a hyphen" : "") + " in the URL ('"
                + HugoPaths.segment(slug) // the URL hugoPaths, which this names as the fix, would write
                + "') unless its site sets disablePathToLower; Arshif keeps " + (spaced ? "both" : "them") + ", so an"
                + " archive moved from Hugo loses its old address: write " + where + " in lower case"
                + (spaced ? " with hyphens" : "") + ", or give the old URL as an alias" + HUGO_PATHS_FIX;
    }

    /**
     * The text a slug written with percent-escapes stands for ({@code caf%C3%A9} → {@code café}, NFC), or null when
     * it has none, or its escapes are not UTF-8, or the text could not be a slug either.
     */
    static String percentDecoded(String slug) {
        String text = slug.indexOf('%') < 0 ? null : PercentDecoding.decodeStrictly(slug);
        if (text == null) {
            return null; // no escape, a stray '%', or escapes of bytes that are no UTF-8 text: nothing to suggest
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return problem(nfc) == null ? nfc : null;
    }
}
