package org.arshif.check;

import java.util.List;
import java.util.Locale;
import org.arshif.content.MarkdownText;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Severity;

/** Why a link in a dispatch points nowhere, and whether that stops the build or is only worth a warning. */
record LinkProblem(Severity severity, String message) {

    static LinkProblem error(String message) {
        return new LinkProblem(Severity.ERROR, message);
    }

    static LinkProblem warning(String message) {
        return new LinkProblem(Severity.WARNING, message);
    }

    /**
     * A link to another site, or one whose scheme pages do not keep ({@code javascript:}, {@code ftp:}, {@code
     * file:}): those are published empty, as a link to nowhere, so the editor hears of it. Null when it is kept.
     */
    static LinkProblem droppedScheme(String what, String written) {
        // a URL parser takes tabs and line breaks out before it reads the scheme: java&#9;script: is javascript:
        String dest = unspaced(written);
        String spaced =
                dest.equals(written) ? "" : " (written with a tab or line break inside, which browsers take out)";
        int colon = dest.indexOf(':');
        String scheme = colon < 0 ? "" : dest.substring(0, colon).toLowerCase(Locale.ROOT);
        boolean image = what.equals("image");
        List<String> kept = image ? MarkdownText.IMAGE_SCHEMES : MarkdownText.LINK_SCHEMES;
        if (colon < 0 || MarkdownText.keeps(image, scheme, dest)) {
            return null;
        }
        String shown = dest.length() > 60 ? dest.substring(0, 60) + "…" : dest;
        String why = scheme.equals("javascript") || scheme.equals("vbscript")
                ? "runs a script, which pages never do"
                : scheme.equals("data")
                        ? (image
                                ? "is data of another type than an image"
                                : "is a 'data:' address, which browsers refuse to open from a link")
                        : "uses '" + scheme + ":', which pages do not " + (image ? "show images from" : "link to")
                                + " (they keep " + String.join(", ", kept.subList(0, kept.size() - 1)) + " and "
                                + kept.get(kept.size() - 1) + ")";
        return warning(what + " '" + shown + "'" + spaced + " " + why + ": it is published as an empty " + what
                + "; point it at an https:// address, or write the address as text");
    }

    /** {@code dest} without the ASCII tabs and line breaks a URL parser removes from anywhere in it. */
    static String unspaced(String dest) {
        return dest.indexOf('\t') < 0 && dest.indexOf('\n') < 0 && dest.indexOf('\r') < 0
                ? dest
                : dest.replace("\t", "").replace("\n", "").replace("\r", "");
    }

    /** The finding at the link's place in {@code path}. */
    Diagnostic at(String path, int line, int column) {
        return new Diagnostic(path, line, column, severity, message);
    }
}
