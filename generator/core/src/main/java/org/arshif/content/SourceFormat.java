package org.arshif.content;

/** How a dispatch's body is written. */
public enum SourceFormat {
    /** CommonMark with YAML front-matter, {@code .md}. */
    MARKDOWN,
    /** The agency's plain text, {@code .txt}: title, dateline, paragraphs, footer, teaser. No markup. */
    AGENCY_TEXT
}
