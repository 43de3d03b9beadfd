package org.arshif.content;

/**
 * A dispatch's lead photo, from its {@code image} key (or the first of Hugo's {@code images}): shown as a figure on
 * the article, a thumbnail in lists, {@code og:image}, the JSON-LD {@code image} and an Atom enclosure.
 *
 * @param href    as published: a name relative to the dispatch's page (a file of its bundle), a site path starting
 *                with {@code /} (shared media, without the base path), or an absolute {@code http(s)} URL
 * @param alt     the text for readers who cannot see it ({@code imageAlt}, else the caption), or empty
 * @param caption the figure's caption ({@code imageCaption}, else {@code imageAlt}), or empty
 * @param width   pixels, 0 when unknown (an external image, or a format Java does not read)
 * @param height  pixels, 0 when unknown
 * @param type    media type, or empty when unknown
 * @param length  bytes, 0 when unknown
 */
public record LeadImage(String href, String alt, String caption, int width, int height, String type, long length) {

    /** Whether {@link #href} is an absolute URL of another site. */
    public boolean external() {
        return href.startsWith("http://") || href.startsWith("https://");
    }
}
