package org.arshif.content;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.arshif.content.wire.WireCalendar;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.TextControls;

/**
 * A dispatch's body, read in its format: agency plain text through the wire profiles, or Markdown (with Hugo's
 * {@code <!--more-->}, image sizes and the findings for imported text). Immutable and thread-safe.
 */
final class DispatchBodies {
    private final MarkdownText markdown;
    private final AgencyText agencyText;
    private final LeadImages images;
    private final StrayLists strayLists = new StrayLists();

    /** @param images the site's photos, or null (then no image has a size) */
    DispatchBodies(MarkdownText markdown, AgencyText agencyText, LeadImages images) {
        this.markdown = markdown;
        this.agencyText = agencyText;
        this.images = images;
    }

    /**
     * What the body gave: its title and dateline (when it carries them), HTML, plain text and lead paragraph, and
     * what a wire's profile found (the dateline's date, or null), and the instant a wire's embargo line holds the
     * dispatch until ({@link EmbargoTime}), or null, with that line's number in the file (0 without one).
     */
    record Parts(
            String title,
            String dateline,
            String html,
            String plainText,
            String firstParagraph,
            boolean footerFound,
            boolean unreadable,
            String summary,
            AgencyText.Wire wire,
            LocalDate datelineDate,
            EmbargoTime.Held embargo,
            int embargoLine) {

        /** A Markdown body's parts: no dateline, footer, wire or embargo. */
        static Parts markdown(String title, MarkdownText.Converted converted, boolean unreadable, String summary) {
            return new Parts(
                    title,
                    "",
                    converted.html(),
                    converted.plainText(),
                    converted.firstParagraph(),
                    false,
                    unreadable,
                    summary,
                    AgencyText.Wire.NONE,
                    null,
                    null,
                    0);
        }

        Parts withTitle(String newTitle) {
            return new Parts(
                    newTitle,
                    dateline,
                    html,
                    plainText,
                    firstParagraph,
                    footerFound,
                    unreadable,
                    summary,
                    wire,
                    datelineDate,
                    embargo,
                    embargoLine);
        }
    }

    Parts agency(String path, FrontMatterSplit split, Optional<String> fmTitle, Diagnostics d) {
        AgencyText.Parsed parsed = agencyText.parse(split.body(), fmTitle, path);
        if (parsed.paragraphs().isEmpty()) {
            d.error(
                    path,
                    split.bodyLine(),
                    1,
                    "the dispatch has a title but no paragraphs (a file cut short?); add its text below the title,"
                            + " or remove the file");
        }
        headerOrder(path, split, parsed, d);
        for (AgencyText.Note note : parsed.notes()) {
            int line = split.bodyLine() + note.line() - 1;
            if (note.warning()) {
                d.warning(path, line, 1, note.message());
            } else {
                d.notice(path, line, 1, note.message());
            }
        }
        // the embargo line that holds the dispatch longest, if any names its instant
        Optional<AgencyText.Note> holding = parsed.notes().stream()
                .filter(n -> n.until() != null)
                .max(Comparator.comparing(AgencyText.Note::until, EmbargoTime.Held.ORDER));
        LocalDate datelineDate = null;
        if (parsed.wire().dateline() != null) {
            WireCalendar.Result date = WireCalendar.date(parsed.wire().dateline());
            int line = split.bodyLine() + parsed.wire().datelineLine() - 1;
            date.problems().forEach(problem -> d.warning(path, line, 1, problem));
            datelineDate = date.date().orElse(null);
        }
        return new Parts(
                parsed.title(),
                parsed.dateline(),
                AgencyText.toHtml(parsed.paragraphs()),
                parsed.plainText(),
                parsed.paragraphs().isEmpty() ? "" : parsed.paragraphs().get(0),
                parsed.footerFound(),
                false,
                "",
                parsed.wire(),
                datelineDate,
                holding.map(AgencyText.Note::until).orElse(null),
                holding.map(n -> split.bodyLine() + n.line() - 1).orElse(0));
    }

    /**
     * A wire's header lines out of order, which would publish without a word: the title written again as the first
     * paragraph, or a dateline where the title belongs (the dateline sentence as the headline).
     */
    private void headerOrder(String path, FrontMatterSplit split, AgencyText.Parsed parsed, Diagnostics d) {
        if (parsed.titleLine() == 0 || parsed.paragraphs().isEmpty()) {
            return; // the title is the front-matter's
        }
        int line = split.bodyLine() + parsed.titleLine() - 1;
        if (parsed.paragraphs().get(0).strip().equals(parsed.title().strip())) {
            d.warning(
                    path,
                    line,
                    1,
                    "the first paragraph repeats the title (a header written twice?); remove the second one");
        } else if (parsed.wire().dateline() == null
                && agencyText
                                .parse("-\n\n" + parsed.title(), Optional.empty(), path)
                                .wire()
                                .dateline()
                        != null) {
            d.warning(
                    path,
                    line,
                    1,
                    "the title line reads as a dateline, which comes after the title; put the headline on the"
                            + " first line, then the dateline and the text");
        }
    }

    /**
     * Where the first {@code <!--more-->} outside code is, or -1: one in a code sample (a page about Hugo) is code,
     * neither cut out of it nor the end of the summary.
     */
    private static int moreOutsideCode(String text) {
        int more = text.indexOf(HugoKeys.MORE);
        if (more < 0) {
            return -1;
        }
        MarkdownCode code = MarkdownCode.of(text);
        while (more >= 0 && code.contains(more)) {
            more = text.indexOf(HugoKeys.MORE, more + HugoKeys.MORE.length());
        }
        return more;
    }

    Parts markdown(String path, FrontMatterSplit split, Optional<String> fmTitle, Diagnostics d) {
        HugoShortcodes.Rewritten rewritten = HugoShortcodes.rewrite(split.body());
        rewritten.findings().forEach(f -> d.warning(path, f.line() + split.bodyLine() - 1, f.column(), f.message()));
        HtmlComments.unclosed(split.body())
                .ifPresent(at -> d.warning(path, at[0] + split.bodyLine() - 1, at[1], HtmlComments.UNCLOSED));
        // Hugo's <!--more-->: what comes before it is the summary; the marker itself is no text.
        String text = rewritten.text();
        int more = moreOutsideCode(text);
        String summary = more < 0
                ? ""
                : markdown.convert(text.substring(0, more), fmTitle.isEmpty())
                        .plainText()
                        .replaceAll("\\s+", " ")
                        .strip();
        if (more >= 0) {
            text = text.substring(0, more) + text.substring(more + HugoKeys.MORE.length());
        }
        MarkdownText.Converted converted = markdown.convert(
                text, fmTitle.isEmpty(), images == null ? MarkdownText.ImageSizes.NONE : images.sizes(path));
        SpacedLinks.first(split.body(), converted.plainText())
                .ifPresent(f -> d.warning(path, f.line() + split.bodyLine() - 1, f.column(), f.message()));
        boolean unreadable = false;
        for (MarkdownText.Finding f : converted.findings()) {
            unreadable |= f.error();
            int line = f.line() + split.bodyLine() - 1;
            d.add(
                    f.error()
                            ? Diagnostic.error(path, line, f.column(), f.message())
                            : f.codePoint() < 0
                                    ? Diagnostic.warning(path, line, f.column(), f.message())
                                    : TextControls.warning(path, line, f.column(), f.codePoint()));
        }
        if (!unreadable) {
            strayLists
                    .find(split.body())
                    .ifPresent(f -> d.warning(path, f.line() + split.bodyLine() - 1, f.column(), f.message()));
            if (converted.plainText().isBlank()
                    && (fmTitle.isPresent() || converted.title().isPresent())) {
                // Imported archives hold headline-only records; they would publish as empty pages.
                d.warning(
                        path,
                        Math.max(1, split.bodyLine() - 1),
                        1,
                        "the dispatch has a title but no text;"
                                + " write the article below "
                                + (split.text().isPresent() ? "the front-matter" : "the title")
                                + ", or delete the file");
            }
        }
        return Parts.markdown(fmTitle.or(converted::title).orElse(""), converted, unreadable, summary);
    }
}
