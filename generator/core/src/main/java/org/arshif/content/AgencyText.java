package org.arshif.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.arshif.config.UserPatterns;

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
    private final List<com.google.re2j.Pattern> cutPatterns;

    private AgencyText(Builder b) {
        String agencies = b.agencies.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        // A city is one to four words; "دير الزور-سانا" and "موسكو - سانا" both count.
        String city = "(?<city>[\\p{L}\\p{M}][\\p{L}\\p{M}'.]*(?:[ \\u00A0][\\p{L}\\p{M}'.]+){0,3})";
        datelineLine = Pattern.compile("^\\s*" + city + "\\s*[-–—]\\s*(?<agency>" + agencies + ")\\s*[:.]?\\s*$");
        inlineArabicDateline = Pattern.compile("^" + city + "\\s*[-–—]\\s*(?<agency>" + agencies + ")\\s+(?=\\S)");
        inlineLatinDateline = Pattern.compile("^(?<city>\\p{Lu}[\\p{L}.' ]{1,30}?),\\s*(?<agency>" + agencies
                + ")\\s*[-–—]\\s*(?=\\S)");
        List<com.google.re2j.Pattern> cuts = new ArrayList<>();
        for (String p : b.footerPatterns) {
            cuts.add(UserPatterns.compile(p));
        }
        for (String p : b.teaserPatterns) {
            cuts.add(UserPatterns.compile(p));
        }
        cutPatterns = List.copyOf(cuts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The article in a plain-text dispatch.
     *
     * @param title        the title line, or the front-matter title
     * @param titleLine    1-based line of the title within the parsed text, or 0 when it came from front-matter
     * @param dateline     the place of filing, empty when none was found
     * @param paragraphs   article paragraphs; lines inside a paragraph are kept apart by {@code \n}
     * @param footerFound  whether a footer or teaser line was found and cut
     */
    public record Parsed(String title, int titleLine, String dateline, List<String> paragraphs,
                         boolean footerFound) {
        public String plainText() {
            return String.join("\n\n", paragraphs);
        }
    }

    /**
     * @param knownTitle the front-matter title, if any; a first line equal to it is not repeated in the body
     */
    public Parsed parse(String text, Optional<String> knownTitle) {
        String[] lines = text.split("\n", -1);
        int i = skipBlank(lines, 0);
        String title;
        int titleLine = 0;
        if (knownTitle.isPresent()) {
            title = knownTitle.get();
            if (i < lines.length && lines[i].strip().equals(title.strip())) {
                i = skipBlank(lines, i + 1);
            }
        } else {
            title = i < lines.length ? lines[i].strip() : "";
            titleLine = i + 1;
            i = skipBlank(lines, i + 1);
        }
        String dateline = "";
        if (i < lines.length) {
            Matcher m = datelineLine.matcher(lines[i]);
            if (m.matches()) {
                dateline = m.group("city").strip();
                i = skipBlank(lines, i + 1);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean footerFound = false;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (isCut(line)) {
                footerFound = true;
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
        if (dateline.isEmpty() && !paragraphs.isEmpty()) {
            String first = paragraphs.get(0);
            for (Pattern p : List.of(inlineArabicDateline, inlineLatinDateline)) {
                Matcher m = p.matcher(first);
                if (m.find()) {
                    dateline = m.group("city").strip();
                    paragraphs.set(0, first.substring(m.end()));
                    break;
                }
            }
        }
        return new Parsed(title, titleLine, dateline, List.copyOf(paragraphs), footerFound);
    }

    private boolean isCut(String line) {
        if (line.isEmpty()) {
            return false;
        }
        for (com.google.re2j.Pattern p : cutPatterns) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
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

        public AgencyText build() {
            return new AgencyText(this);
        }
    }
}
