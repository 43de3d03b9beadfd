package org.arshif.pipeline;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.arshif.site.Assets;
import org.arshif.site.Routes;
import org.arshif.site.SiteSink;
import org.arshif.site.Theme;

/** The first stage of a run: the theme's static files, copied into the site. */
final class ThemeAssets {
    private ThemeAssets() {}

    /** Copies the theme's static files; CSS and images get content-hashed names, so they can be cached forever. */
    static Assets write(Theme theme, Routes routes, SiteSink out) {
        Map<String, String> links = new TreeMap<>();
        for (String file : theme.staticFiles()) {
            byte[] bytes = theme.read(file).orElseThrow();
            String logical = file.substring(Theme.STATIC_DIR.length());
            String target = file;
            if (!logical.endsWith(".js") && !logical.endsWith(".txt")) {
                int dot = file.lastIndexOf('.');
                target = dot > file.lastIndexOf('/')
                        ? file.substring(0, dot) + "." + shortHash(bytes) + file.substring(dot)
                        : file + "." + shortHash(bytes);
            }
            out.write(target, bytes);
            links.put(logical, routes.href("/" + target));
        }
        return new Assets(links);
    }

    /** The first 40 bits of the SHA-256 of bytes, in hex. */
    static String shortHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
