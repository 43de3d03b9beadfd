package org.arshif.search.index.internal;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** NFC text and the leads shown on result cards. */
final class Excerpts {
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** Room beyond the lead for the words that end it. */
    private static final int LEAD_SLACK = 64;

    private Excerpts() {}

    static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** The lead of a body: only its beginning is normalized, with room for the words that end the lead. */
    static String leadOf(String body) {
        String head =
                body.length() > IndexFormat.LEAD + LEAD_SLACK ? body.substring(0, IndexFormat.LEAD + LEAD_SLACK) : body;
        return lead(nfc(head));
    }

    /**
     * The first {@link IndexFormat#LEAD} characters of {@code text}, whitespace collapsed, cut at a space when one
     * is not too near the start (never inside a surrogate pair), and ending with an ellipsis when text was cut.
     */
    static String lead(String text) {
        int end = Math.min(text.length(), IndexFormat.LEAD);
        if (end < text.length()) {
            int space = end;
            while (space > 1 && !Character.isWhitespace(text.charAt(space))) {
                space--;
            }
            if (space > 20) {
                end = space;
            }
        }
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        String lead = SPACE.matcher(text.substring(0, end)).replaceAll(" ").strip();
        return lead + (end < text.length() ? " …" : "");
    }

    /** The lead without its last tenth (at a space), ending with an ellipsis; empty when little is left. */
    static String shorten(String lead) {
        String body = lead.endsWith(" …") ? lead.substring(0, lead.length() - 2) : lead;
        if (body.length() < 40) {
            return "";
        }
        int cut = body.lastIndexOf(' ', body.length() - Math.max(4, body.length() / 10));
        if (cut <= 0) {
            return "";
        }
        return body.substring(0, cut).stripTrailing() + " …";
    }
}
