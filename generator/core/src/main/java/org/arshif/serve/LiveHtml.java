package org.arshif.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.arshif.diag.Diagnostic;

/** What the preview adds to an HTML page: the reload script and style, and the error overlay when there are errors. */
final class LiveHtml {
    static final String HEAD = "<link rel=\"stylesheet\" href=\"/__arshif/live.css\">\n"
            + "<script src=\"/__arshif/live.js\" defer></script>\n";

    private LiveHtml() {}

    /** The page as served: the reload script and style, and the overlay of {@code errors} in {@code words}. */
    static byte[] inject(byte[] page, List<Diagnostic> errors, OverlayWords words) {
        String html = new String(page, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(html.length() + 1024);
        int head = html.indexOf("</head>");
        int body = html.indexOf("<body");
        int bodyEnd = body < 0 ? -1 : html.indexOf('>', body);
        if (head < 0 || bodyEnd < 0 || bodyEnd < head) {
            return page; // not a page of ours; leave it alone
        }
        sb.append(html, 0, head).append(HEAD).append(html, head, bodyEnd + 1);
        if (!errors.isEmpty()) {
            sb.append("\n<div id=\"arshif-overlay\" class=\"arshif-overlay\" role=\"alert\" lang=\"")
                    .append(words.lang())
                    .append("\" dir=\"")
                    .append(words.dir())
                    .append("\">")
                    .append("<h2>")
                    .append(escape(words.heading(errors.size())))
                    .append("</h2><ul>");
            for (Diagnostic d : errors) {
                sb.append("<li><code dir=\"ltr\">").append(escape(d.format())).append("</code></li>");
            }
            sb.append("</ul><p>")
                    .append(escape(words.fix()))
                    .append("</p>")
                    .append("<button type=\"button\" id=\"arshif-overlay-close\">")
                    .append(escape(words.dismiss()))
                    .append("</button></div>");
        }
        sb.append(html, bodyEnd + 1, html.length());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
