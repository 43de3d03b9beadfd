package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RoutesTest {
    private final Routes routes = new Routes("/archive", "https://news.example");

    @Test
    void htmlLinksAreIrisWithArabicLettersKept() {
        assertEquals("/archive/ar/2017/05/قمة-في-سوتشي/", routes.iri("/ar/2017/05/قمة-في-سوتشي/"));
        assertEquals("https://news.example/archive/ar/tags/طقس/", routes.absoluteIri("/ar/tags/طقس/"));
        assertEquals(
                "/archive/ar/2017/05/%D9%82%D9%85%D8%A9/",
                routes.href("/ar/2017/05/قمة/"), "sitemaps and feeds keep the percent-encoded URI");
    }

    @Test
    void anIriNamesTheSameUrlAsTheUri() {
        for (String path : new String[] {"/ar/2017/05/قمة 50% #1?/", "/ar/tags/إعادة-الإعمار/", "/en/fair/"}) {
            String iri = routes.iri(path);
            // RFC 3987's mapping to a URI (java.net.URI's toASCIIString) gives back the percent-encoded link.
            assertEquals(routes.href(path), URI.create(iri).toASCIIString(), iri);
        }
        assertEquals("/archive/ar/2017/05/قمة%2050%25%20%231%3F/", routes.iri("/ar/2017/05/قمة 50% #1?/"));
    }

    @Test
    void marksThatAreNotLettersStayEncoded() {
        // RLM, LRI and a no-break space: invisible in a link, forbidden in IRIs (RFC 3987 4.1) or read as a break.
        assertEquals("/archive/a%E2%80%8Fb%E2%81%A6c%C2%A0d/", routes.iri("/a\u200Fb\u2066c\u00A0d/"));
        assertEquals("/archive/%F3%A0%80%81/", routes.iri("/\uDB40\uDC01/"), "a tag character");
    }
}
