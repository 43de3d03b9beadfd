package org.arshif.content;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Severity;

/**
 * One dispatch, fully read: the unit the site is built from.
 *
 * @param path             source file relative to the site root, {@code /}-separated
 * @param lang             language code
 * @param title            plain-text title
 * @param date             publication date
 * @param lastmod          last modification (front-matter {@code lastmod}, else the last commit, else date)
 * @param tags             tag keys (URL slugs), sorted, without duplicates
 * @param tagLabels        each tag key as the editor wrote it, for tags outside the vocabulary
 * @param slug             last URL segment
 * @param aliases          old site paths that redirect here, each starting with {@code /}
 * @param translationGroup dispatches sharing it are translations of one another
 * @param summary          plain-text summary
 * @param draft            drafts are built only on request
 * @param dateline         place of filing, or empty
 * @param source           agency, or empty
 * @param body             the article body as HTML and as plain text, footer and teaser removed, kept deflated
 * @param params           front-matter keys Arshif does not know, for templates
 * @param format           how the body was written
 * @param footerFound      for agency text: whether a footer or teaser pattern matched
 * @param positions        where front-matter keys stand in the file, for findings that name one
 * @param section          the folders between the language folder and the file, date folders left out
 *                         ({@code economy/gulf}), or {@code ""}
 * @param permalink        the article's site path, from the {@code permalinks} pattern that applies
 * @param meta             Hugo's further keys: description, authors, categories, keywords, expiry, url
 * @param wire             what a wire's profile found (story, continuation part) and the month names to use
 * @param image            the lead image, or null
 */
public record Dispatch(
        String path,
        String lang,
        String title,
        OffsetDateTime date,
        OffsetDateTime lastmod,
        List<String> tags,
        Map<String, String> tagLabels,
        String slug,
        List<String> aliases,
        String translationGroup,
        String summary,
        boolean draft,
        String dateline,
        String source,
        Body body,
        Map<String, Object> params,
        SourceFormat format,
        boolean footerFound,
        Map<String, Position> positions,
        String section,
        String permalink,
        DispatchMeta meta,
        WireInfo wire,
        LeadImage image) {

    public Dispatch {
        tags = List.copyOf(tags);
        tagLabels = Map.copyOf(tagLabels);
        aliases = List.copyOf(aliases);
        // Most dispatches have no keys of their own: one shared empty map, not 16,000 copies.
        params = params.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        positions = Map.copyOf(positions);
    }

    /** This dispatch with another body (a kept dispatch's, sliced from the pack a build mapped). */
    public Dispatch withBody(Body other) {
        return new Dispatch(
                path,
                lang,
                title,
                date,
                lastmod,
                tags,
                tagLabels,
                slug,
                aliases,
                translationGroup,
                summary,
                draft,
                dateline,
                source,
                other,
                params,
                format,
                footerFound,
                positions,
                section,
                permalink,
                meta,
                wire,
                image);
    }

    /**
     * The {@link #positions()} key of a wire's embargo line that holds the dispatch ({@link EmbargoTime}): no
     * front-matter key, as it has a space.
     */
    public static final String EMBARGO_LINE = "embargo line";

    /**
     * Where a front-matter key is written: a line and column in the dispatch's own file, or, for a key a section page
     * cascades to it, in that section page.
     *
     * @param file the section page the key is written in (site-root-relative), or empty: the dispatch's own file
     */
    public record Position(int line, int column, String file) {
        public static final Position START = new Position(1, 1);
        // Front-matter keys sit on the first lines and columns; sharing those saves a million objects at 100k.
        private static final Position[][] COMMON = new Position[32][8];

        static {
            for (int line = 0; line < COMMON.length; line++) {
                for (int column = 0; column < COMMON[line].length; column++) {
                    COMMON[line][column] = new Position(line + 1, column + 1);
                }
            }
        }

        /** A position in the dispatch's own file. */
        public Position(int line, int column) {
            this(line, column, "");
        }

        /** The position, shared when it is a common one. */
        public static Position of(int line, int column) {
            return line >= 1 && line <= COMMON.length && column >= 1 && column <= COMMON[0].length
                    ? COMMON[line - 1][column - 1]
                    : new Position(line, column);
        }

        /** A position in {@code file}, or in the dispatch's own file when it is empty. */
        public static Position of(String file, int line, int column) {
            return file.isEmpty() ? of(line, column) : new Position(line, column, file);
        }
    }

    /** The article body as HTML, footer and teaser removed; inflated on each call. */
    public String bodyHtml() {
        return body.html();
    }

    /** The article body as plain text, for search and summaries; inflated on each call. */
    public String plainText() {
        return body.plainText();
    }

    /** Where the front-matter key is written (its own file's first line when it is not). */
    public Position position(String key) {
        return positions.getOrDefault(key, Position.START);
    }

    /** The file a position is in: this dispatch's, or the section page that cascades the key to it. */
    public String file(Position p) {
        return p.file().isEmpty() ? path : p.file();
    }

    /**
     * A finding about the key at {@code p}, where it is written: in a section page that cascades it, the message
     * names this dispatch.
     */
    public Diagnostic finding(Severity severity, Position p, String message) {
        return p.file().isEmpty()
                ? new Diagnostic(path, p.line(), p.column(), severity, message)
                : new Diagnostic(
                        p.file(),
                        p.line(),
                        p.column(),
                        severity,
                        message + " (" + path + " is given this key by the cascade here)");
    }
}
