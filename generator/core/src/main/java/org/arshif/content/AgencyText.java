package org.arshif.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.arshif.config.WireSettings;
import org.arshif.content.wire.Dateline;
import org.arshif.content.wire.TitleParts;
import org.arshif.content.wire.WireForm;
import org.arshif.content.wire.WireForms;

/**
 * Reads the agency's plain-text form: a title line, a {@code CITY-AGENCY} dateline, paragraphs separated by
 * blank lines, then a promo footer and a "see also" teaser that are not part of the article.
 *
 * <pre>{@code
 * AgencyText reader = AgencyText.builder().agencies(List.of("سانا", "SANA")).build();
 * AgencyText.Parsed p = reader.parse(text, Optional.empty());
 * p.title();       // "بوتين يبحث مع روحاني ..."
 * p.dateline();    // "موسكو"
 * p.paragraphs();  // the article only
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class AgencyText {
    private final Pattern datelineLine;
    private final Pattern inlineArabicDateline;
    private final Pattern inlineLatinDateline;
    // Footer and teaser patterns come from arshif.yml: RE2/J, so a pattern like (a+)+$ cannot hang the build.
    private final LinePatterns cutPatterns;
    private final WireForms forms;

    private AgencyText(Builder b) {
        String agencies = b.agencies.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        // A city is one to four words; "دير الزور-سانا" and "موسكو - سانا" both count.
        String city = "(?<city>[\\p{L}\\p{M}][\\p{L}\\p{M}'.]*(?:[ \\u00A0][\\p{L}\\p{M}'.]+){0,3})";
        datelineLine = Pattern.compile("^\\s*" + city + "\\s*[-–—]\\s*(?<agency>" + agencies + ")\\s*[:.]?\\s*$");
        inlineArabicDateline = Pattern.compile("^" + city + "\\s*[-–—]\\s*(?<agency>" + agencies + ")\\s+(?=\\S)");
        inlineLatinDateline = Pattern.compile(
                "^(?<city>\\p{Lu}[\\p{L}.' ]{1,30}?),\\s*(?<agency>" + agencies + ")\\s*[-–—]\\s*(?=\\S)");
        List<String> cuts = new ArrayList<>(b.footerPatterns);
        cuts.addAll(b.teaserPatterns);
        cutPatterns = new LinePatterns(cuts);
        forms = new WireForms(b.wire);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The article in a plain-text dispatch.
     *
     * @param title        the title line (without a wire's category prefix and continuation marker), or the
     *                     front-matter title
     * @param titleLine    1-based line of the title within the parsed text, or 0 when it came from front-matter
     * @param dateline     the place of filing, empty when none was found
     * @param paragraphs   article paragraphs; lines inside a paragraph are kept apart by {@code \n}
     * @param footerFound  whether a footer, teaser or end marker line was found and cut
     * @param wire         what the agency profile found, or {@link Wire#NONE}
     * @param notes        lines left out that a finding names, in order
     */
    public record Parsed(
            String title,
            int titleLine,
            String dateline,
            List<String> paragraphs,
            boolean footerFound,
            Wire wire,
            List<Note> notes) {
        public String plainText() {
            return String.join("\n\n", paragraphs);
        }
    }

    /**
     * What the reader left out of the text and the reader of the site should be told: a wire's embargo line, a take
     * that ends in {@code --more--}.
     *
     * @param line    1-based line within the parsed text
     * @param warning a warning, else a notice
     * @param until   for an embargo line that names its instant in one way only ({@link EmbargoTime}), that instant;
     *                else null
     */
    public record Note(int line, boolean warning, String message, EmbargoTime.Held until) {
        Note(int line, boolean warning, String message) {
            this(line, warning, message, null);
        }
    }

    /**
     * What a wire's profile found in a dispatch.
     *
     * @param profile      the profile's name, or empty when none applied
     * @param title        the title taken apart (category, continuation)
     * @param dateline     the dateline as written, or null when none was found
     * @param datelineLine 1-based line of the dateline within the parsed text, or 0
     */
    public record Wire(String profile, TitleParts title, Dateline dateline, int datelineLine) {
        public static final Wire NONE = new Wire("", new TitleParts("", "", TitleParts.NONE), null, 0);
    }

    /** {@link #parse(String, Optional, String)} for a file whose folder chooses no profile. */
    public Parsed parse(String text, Optional<String> knownTitle) {
        return parse(text, knownTitle, "");
    }

    /**
     * @param knownTitle the front-matter title, if any; a first line equal to it is not repeated in the body
     * @param path       the file ({@code content/…}), whose folder may choose the agency profile
     */
    public Parsed parse(String text, Optional<String> knownTitle, String path) {
        String[] lines = withLineBreaks(text).split("\n", -1);
        Optional<WireForm> form = forms.choose(path, lines);
        List<Note> notes = new ArrayList<>();
        int i = skipBlank(lines, 0);
        String title;
        int titleLine = 0;
        if (knownTitle.isPresent()) {
            title = knownTitle.get();
            if (i < lines.length && lines[i].strip().equals(title.strip())) {
                i = skipBlank(lines, i + 1);
            }
        } else {
            i = headers(lines, i, notes);
            title = i < lines.length ? lines[i].strip() : "";
            titleLine = i + 1;
            i = skipRepeated(lines, skipBlank(lines, i + 1), title, "title", notes);
        }
        i = skipEmbargoes(lines, i, notes);
        // An editor's front-matter title is taken as written; a wire's title line loses its prefix and marker.
        TitleParts titleParts = knownTitle.isEmpty() && form.isPresent()
                ? form.get().title(title)
                : new TitleParts(title, "", TitleParts.NONE);
        String profile = form.map(WireForm::name).orElse("");
        Dateline found = null;
        int datelineAt = i + 1;
        if (i < lines.length) {
            Matcher m = datelineLine.matcher(lines[i]);
            if (m.matches()) {
                found = legacy(profile, m);
                i = skipRepeated(lines, skipBlank(lines, i + 1), lines[i].strip(), "dateline", notes);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        int cut = paragraphs(lines, i, form, paragraphs);
        RepeatedLead.drop(lines, i, paragraphs).ifPresent(notes::add);
        joinedAfter(lines, cut).ifPresent(notes::add);
        if (found == null && !paragraphs.isEmpty()) {
            datelineAt = i + 1;
            found = leadingDateline(form, profile, paragraphs);
        }
        if (cut >= 0 && WireMarks.isMore(lines[cut].strip())) {
            notes.add(more(lines, cut));
        }
        Wire wire = new Wire(profile, titleParts, found, found == null ? 0 : datelineAt);
        return new Parsed(
                titleParts.title(),
                titleLine,
                found == null ? "" : found.city(),
                List.copyOf(paragraphs),
                cut >= 0,
                wire,
                List.copyOf(notes));
    }

    /**
     * A wire's embargo lines between the title and the text ({@code EMBARGOED UNTIL 0001 GMT MAY 5},
     * {@code يحظر النشر قبل …}): not text, and in the way of the dateline; each a notice, since it holds nothing back.
     */
    private static int skipEmbargoes(String[] lines, int from, List<Note> notes) {
        int i = from;
        while (i < lines.length && WireMarks.isEmbargo(lines[i].strip())) {
            notes.add(embargo(lines, i));
            i = skipBlank(lines, i + 1);
        }
        return i;
    }

    /**
     * Past a header line written again right after itself (a title or dateline pasted twice, a wire's repeated
     * header): the copy is no text, and would otherwise be the first paragraph, hiding the dateline after it.
     */
    private static int skipRepeated(String[] lines, int i, String header, String what, List<Note> notes) {
        if (i < lines.length && !header.isEmpty() && lines[i].strip().equals(header)) {
            notes.add(new Note(
                    i + 1,
                    true,
                    "the " + what + " is written again on this line (a header pasted twice?): the copy is not"
                            + " published; delete it"));
            return skipBlank(lines, i + 1);
        }
        return i;
    }

    /**
     * A {@code CITY-AGENCY} dateline line after the cut (the footer, teaser or end marker): a second dispatch joined
     * to this one, which the cut leaves out.
     */
    private Optional<Note> joinedAfter(String[] lines, int cut) {
        for (int i = cut + 1; cut >= 0 && i < lines.length; i++) {
            if (!datelineLine.matcher(lines[i]).matches()) {
                continue;
            }
            int title = i - 1 > cut && lines[i - 1].isBlank() ? i - 2 : i - 1;
            if (title > cut && !lines[title].isBlank()) {
                return Optional.of(new Note(
                        title + 1,
                        true,
                        "another dispatch seems to start here (a title and a dateline, '" + lines[i].strip()
                                + "'), after the footer, teaser or end marker above it, from which nothing is"
                                + " published: two files joined into one? Split it into two files"));
            }
        }
        return Optional.empty();
    }

    /** Past the priority, slug and embargo lines above the headline: the headline's index. */
    private static int headers(String[] lines, int from, List<Note> notes) {
        int i = from;
        for (int h = 0; h < 3 && i < lines.length && isHeader(lines[i].strip()); h++) {
            int next = skipBlank(lines, i + 1);
            if (next < lines.length && WireMarks.isEmbargo(lines[i].strip())) {
                notes.add(embargo(lines, i));
            }
            i = next < lines.length ? next : i; // a header alone stays the title
        }
        return i;
    }

    private static Note more(String[] lines, int cut) {
        return new Note(
                cut + 1,
                true,
                "the dispatch ends with '" + lines[cut].strip() + "', the wire's sign that the"
                        + " story goes on in another take: what comes before it is published; add the next take to this"
                        + " file, or delete the marker if the story ends here");
    }

    private static Note embargo(String[] lines, int i) {
        String line = lines[i].strip();
        EmbargoTime.Reading reading = EmbargoTime.read(lines[i]); // as written, for the columns of its warnings
        return new Note(
                i + 1,
                false,
                reading.held()
                        .map(t -> "'" + line + "' is the wire's embargo line: it is not published, and the dispatch is"
                                + " not published before " + t.written() + ", as a publishDate later than its date"
                                + " holds it; to publish it at another time, give publishDate in front-matter")
                        .orElse("'" + line + "' is the wire's embargo line: it is not published, and it does not hold"
                                + " the dispatch back, since it " + reading.why() + "; to keep it off the site until"
                                + " then, give publishDate: YYYY-MM-DDTHH:MM:SSZ in front-matter"),
                reading.held().orElse(null));
    }

    /** The profile's dateline at the start of the first paragraph, or the {@code CITY-AGENCY} one; taken out of it. */
    private Dateline leadingDateline(Optional<WireForm> form, String profile, List<String> paragraphs) {
        Dateline found = form.flatMap(f -> f.dateline(paragraphs.get(0))).orElse(null);
        if (found == null) {
            return inlineDateline(profile, paragraphs);
        }
        String rest = paragraphs.get(0).substring(found.length()).strip();
        if (rest.isEmpty()) {
            paragraphs.remove(0);
        } else {
            paragraphs.set(0, rest);
        }
        return found;
    }

    /** A priority, slug or embargo line above the headline. */
    private static boolean isHeader(String line) {
        return WireMarks.isHeader(line) || WireMarks.isEmbargo(line);
    }

    /** A dateline of the {@code CITY-AGENCY} form, with the names of {@code agencies}: no date. */
    private static Dateline legacy(String profile, Matcher m) {
        return new Dateline(
                profile,
                m.group("city").strip(),
                m.group("agency"),
                Dateline.DateParts.NONE,
                Dateline.DateParts.NONE,
                0);
    }

    /** Collects the paragraphs from line {@code from} on; the index of the footer, teaser or end marker line that cut the text, or -1. */
    private int paragraphs(String[] lines, int from, Optional<WireForm> form, List<String> paragraphs) {
        StringBuilder current = new StringBuilder();
        int cut = -1;
        for (int i = from; i < lines.length; i++) {
            String line = lines[i].strip();
            if (isCut(line)
                    || !line.isEmpty() && (form.isPresent() && form.get().isEnd(line) || WireMarks.closes(lines, i))) {
                cut = i;
                break;
            }
            if (line.isEmpty()) {
                flush(current, paragraphs);
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(line);
            }
        }
        flush(current, paragraphs);
        return cut;
    }

    /** The CITY-AGENCY dateline at the start of the first paragraph, removed from it; null when none. */
    private Dateline inlineDateline(String profile, List<String> paragraphs) {
        String first = paragraphs.get(0);
        for (Pattern p : List.of(inlineArabicDateline, inlineLatinDateline)) {
            Matcher m = p.matcher(first);
            if (m.find()) {
                paragraphs.set(0, first.substring(m.end()));
                return legacy(profile, m);
            }
        }
        return null;
    }

    private boolean isCut(String line) {
        return cutPatterns.anyFinds(line);
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    /**
     * The text with Unicode's own separators as the breaks they stand for: text exported from word processors and
     * some news feeds ends its paragraphs with U+2029 and its lines with U+2028, and has no '\n' to read.
     */
    static String withLineBreaks(String text) {
        if (text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
            return text;
        }
        return text.replace("\u2029", "\n\n").replace('\u2028', '\n');
    }

    private static int skipBlank(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    /** Renders paragraphs as HTML; the text is plain, so every character is escaped and nothing is markup. */
    public static String toHtml(List<String> paragraphs) {
        StringBuilder sb = new StringBuilder();
        for (String p : paragraphs) {
            sb.append("<p>");
            Html.escape(p, sb);
            sb.append("</p>\n");
        }
        return sb.toString();
    }

    public static final class Builder {
        private List<String> agencies = List.of("سانا", "SANA");
        private List<String> footerPatterns = List.of();
        private List<String> teaserPatterns = List.of();
        private WireSettings wire = new WireSettings(List.of(), java.util.Map.of(), false);

        public Builder agencies(List<String> agencies) {
            this.agencies = List.copyOf(agencies);
            return this;
        }

        public Builder footerPatterns(List<String> patterns) {
            this.footerPatterns = List.copyOf(patterns);
            return this;
        }

        public Builder teaserPatterns(List<String> patterns) {
            this.teaserPatterns = List.copyOf(patterns);
            return this;
        }

        /** The agency profiles and the folders they apply to; none by default. */
        public Builder wire(WireSettings settings) {
            this.wire = settings;
            return this;
        }

        public AgencyText build() {
            return new AgencyText(this);
        }
    }
}
