package org.arshif.site.view;

/**
 * A dispatch's lead image.
 *
 * @param href     the link from the page (with the base path)
 * @param absolute the absolute URL, for {@code og:image}, JSON-LD and feeds (the link when the site has no base URL)
 * @param alt      the text for readers who cannot see it, or empty
 * @param caption  the figure's caption, or empty
 * @param width    pixels, 0 when unknown (the template then writes no size)
 * @param height   pixels, 0 when unknown
 * @param type     media type, or empty when unknown
 * @param length   bytes, 0 when unknown
 */
public record ImageView(
        String href, String absolute, String alt, String caption, int width, int height, String type, long length) {}
