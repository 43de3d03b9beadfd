package org.arshif.content;

import java.util.List;
import java.util.Optional;

/**
 * A wire text's first paragraph written again right after itself ({@code DAMASCUS, May 4 (Reuters) - …} pasted
 * twice, or a wire's take that repeats its lead): the copy is not published, with a warning at its line. Only the
 * lead, and only a copy of some length: a short line repeated ({@code —}) may be meant.
 */
final class RepeatedLead {
    /** Below this many characters a repeated first paragraph is left as written. */
    private static final int MIN_LENGTH = 20;

    private RepeatedLead() {}

    /**
     * Removes the copy from {@code paragraphs}, collected from line index {@code from} of {@code lines}; the note
     * that says so, at the copy's first line.
     */
    static Optional<AgencyText.Note> drop(String[] lines, int from, List<String> paragraphs) {
        if (paragraphs.size() < 2
                || paragraphs.get(0).length() < MIN_LENGTH
                || !paragraphs.get(0).equals(paragraphs.get(1))) {
            return Optional.empty();
        }
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        while (i < lines.length && !lines[i].isBlank()) {
            i++; // the lead's own lines
        }
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        paragraphs.remove(1);
        return Optional.of(new AgencyText.Note(
                i + 1,
                true,
                "the first paragraph is written again on this line (pasted twice?): the copy is not published;"
                        + " delete it"));
    }
}
