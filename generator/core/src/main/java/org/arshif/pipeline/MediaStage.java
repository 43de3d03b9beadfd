package org.arshif.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.arshif.content.ActiveContent;
import org.arshif.content.Dispatch;
import org.arshif.content.Media;
import org.arshif.diag.Diagnostics;
import org.arshif.site.Library;
import org.arshif.site.Routes;
import org.arshif.site.SiteSink;

/**
 * The photos and other files of the site, published as they are: a page bundle's files beside its dispatch's page
 * (so {@code ![](photo.jpg)} works as written), the shared ones under {@code /media/}. Drafts and scheduled
 * dispatches publish no files. No renditions: each file is published once, at its own size.
 */
public final class MediaStage {
    private MediaStage() {}

    /** Every media file of the published site: its site path (no leading {@code /}) and its source file, sorted. */
    public static SortedMap<String, String> files(Library library, Diagnostics diagnostics) {
        Media media = library.media();
        SortedMap<String, String> out = new TreeMap<>(media.shared());
        for (String lang : media.hasBundles() ? library.model().languages() : List.<String>of()) {
            for (Dispatch d : library.model().articles(lang)) {
                Map<String, String> bundle = media.bundle(d.path());
                String page = bundle.isEmpty() ? "" : Routes.article(d).substring(1);
                for (Map.Entry<String, String> file : bundle.entrySet()) {
                    String name = file.getKey();
                    if (name.equals("index.html") || name.endsWith("/index.html")) {
                        diagnostics.error(
                                file.getValue(),
                                0,
                                0,
                                "a file named index.html in a page bundle would"
                                        + " replace a page of the site; rename it");
                    } else {
                        out.put(page + name, file.getValue());
                    }
                }
            }
        }
        if (!library.config().markdownRawHtml()) {
            // An error stops the build, so the file is never published; it stays listed for the links to it.
            out.values().forEach(source -> reportScript(source, media, diagnostics));
        }
        return out;
    }

    /** Reports a published document with a script in it: the site's origin would run it, outside any template. */
    private static void reportScript(String source, Media media, Diagnostics diagnostics) {
        String svgHint = source.toLowerCase(Locale.ROOT).endsWith(".svg")
                ? " (export the image again without scripts, or as PNG)"
                : "";
        media.script(source)
                .ifPresent(found -> diagnostics.error(
                        source,
                        found.line(),
                        found.column(),
                        (found.tooLarge()
                                        ? "this file is over the " + (ActiveContent.MAX_BYTES >> 20) + " MB that Arshif"
                                                + " looks through for scripts, which a browser would run on the site's"
                                                + " own origin when the file is opened; make it smaller" + svgHint
                                        : "this file holds a script ('" + found.what() + "'), which a browser runs"
                                                + " on the site's own origin when the file is opened; remove it"
                                                + svgHint)
                                + ", or set markdownRawHtml: true in arshif.yml if the archive's authors may"
                                + " publish scripts"));
    }

    /** Copies every media file into the site, in sorted order. */
    static void write(Library library, SiteSink sink, Diagnostics diagnostics) {
        Media media = library.media();
        files(library, diagnostics).forEach((sitePath, source) -> sink.copy(sitePath, media.file(source)));
    }
}
