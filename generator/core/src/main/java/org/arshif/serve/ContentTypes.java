package org.arshif.serve;

import java.util.Locale;

/** The {@code Content-Type} the preview sends for a site file, by its extension. */
final class ContentTypes {
    private ContentTypes() {}

    static String of(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json";
            case "xml" -> file.endsWith("feed.xml") ? "application/atom+xml" : "application/xml";
            case "txt" -> "text/plain; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "woff2" -> "font/woff2";
            default -> "application/octet-stream";
        };
    }
}
