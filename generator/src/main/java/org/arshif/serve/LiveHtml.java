package org.arshif.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.arshif.diag.Diagnostic;

/** What the preview adds to an HTML page: the reload script and style, and the error overlay when there are errors. */
final class LiveHtml {
    static final String HEAD = "<link rel=\"stylesheet\" href=\"/__arshif/live.css\">\n"
            + "<script src=\"/__arshif/live.js\" defer></script>\n";

    private LiveHtml() {
    }

    static byte[] inject(byte[] page, List<Diagnostic> errors) {
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
            sb.append("\n<div id=\"arshif-overlay\" class=\"arshif-overlay\" role=\"alert\" lang=\"en\" dir=\"ltr\">")
                    .append("<h2>Arshif: ").append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
                    .append("; the last good version of the site is shown</h2><ul>");
            for (Diagnostic d : errors) {
                sb.append("<li><code>").append(escape(d.format())).append("</code></li>");
            }
            sb.append("</ul><p>Fix the file and save it: this page reloads by itself.</p>")
                    .append("<button type=\"button\" id=\"arshif-overlay-close\">Dismiss</button></div>");
        }
        sb.append(html, bodyEnd + 1, html.length());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
