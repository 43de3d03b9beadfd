package org.arshif.content;

import java.util.Optional;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.yaml.YFields;

/**
 * Resolves what a dispatch shows: its lead image ({@code image}, or the first of Hugo's {@code images}) with its
 * findings, and the sizes of the images in its Markdown.
 */
record LeadImages(Media media, String basePath) {

    /** The sizes of the images in the body of the dispatch at {@code path}, when they are media files Java reads. */
    MarkdownText.ImageSizes sizes(String path) {
        return destination -> media.resolve(path, destination, basePath)
                .map(t -> media.header(t.source()))
                .filter(ImageHeader::hasSize)
                .map(h -> new int[] {h.width(), h.height()});
    }

    /** The lead image, or null without one; a missing file is an error, a missing text or a bad file a warning. */
    LeadImage lead(String path, YFields fm, Diagnostics d) {
        String key = fm.has("image") ? "image" : "images";
        Optional<String> written = key.equals("image")
                ? fm.string(key)
                : fm.stringList(key).filter(l -> !l.isEmpty()).map(l -> l.get(0));
        if (written.isEmpty() || written.get().isBlank()) {
            return null;
        }
        String src = written.get().strip();
        int[] at = fm.position(key);
        String alt = fm.string("imageAlt").map(String::strip).orElse("");
        String caption = fm.string("imageCaption").map(String::strip).orElse(alt);
        if (alt.isEmpty() && caption.isEmpty()) {
            d.warning(
                    path,
                    at[0],
                    at[1],
                    "the lead image '" + src + "' has no text for readers who cannot see it;"
                            + " add imageAlt: (what the photo shows) or imageCaption:");
        }
        String description = alt.isEmpty() ? caption : alt;
        if (src.startsWith("https://") || src.startsWith("http://")) {
            return new LeadImage(src, description, caption, 0, 0, ImageHeader.typeOf(src), 0);
        }
        Optional<Media.Target> target = media.resolve(path, src, basePath);
        if (target.isEmpty()) {
            d.error(
                    path,
                    at[0],
                    at[1],
                    media.firstInsideFolder(path, src, basePath)
                            .map(inside -> "the lead image '" + src + "' is a folder, not a photo: name the photo"
                                    + " in it, such as '" + inside + "'")
                            .orElseGet(() -> "the lead image '" + src + "' points to no file: "
                                    + media.resolveIgnoringCase(path, src, basePath)
                                            .map(t -> Media.caseOnlyHint("'" + t.href() + "'"))
                                            .orElse(Media.placementHint(path))));
            return null;
        }
        ImageHeader h = media.header(target.get().source());
        if (!h.problem().isEmpty()) {
            d.warning(path, at[0], at[1], "the lead image " + target.get().source() + ": " + h.problem());
        }
        return new LeadImage(
                target.get().href(),
                description,
                caption,
                h.hasSize() ? h.width() : 0,
                h.hasSize() ? h.height() : 0,
                h.type(),
                h.length());
    }
}
