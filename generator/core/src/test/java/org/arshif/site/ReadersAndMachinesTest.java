package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.arshif.Arshif;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Feeds read by a real feed library, the sitemap checked against its schema, robots.txt, JSON-LD parsed. */
class ReadersAndMachinesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    @TempDir
    Path dir;

    private Path root;

    @BeforeEach
    void archive() throws IOException {
        root = dir.resolve("archive");
        write("arshif.yml", "baseUrl: https://news.example/archive/\nlanguages: [ar, en]\npageSize: 2\n");
        write("content/tags.yml", "syria:\n  ar: سورية\n  en: Syria\n");
        write(
                "content/ar/2017-05-22-قمة.md",
                "---\ntitle: قمة في سوتشي\ndate: 2017-05-22T10:30:00+03:00\n"
                        + "translationKey: summit\ntags: [syria]\ndateline: سوتشي\nsource: سانا\n---\n\nنص الخبر.\n");
        write(
                "content/en/2017-05-22-summit.md",
                "---\ntitle: Summit in Sochi\ndate: 2017-05-22T10:30:00+03:00\n"
                        + "translationKey: summit\ntags: [syria]\ndateline: Sochi\n---\n\nThe text & more.\n");
        for (int i = 1; i <= 4; i++) {
            write(
                    "content/ar/2017-0" + i + "-01-a" + i + ".md",
                    "---\ntitle: خبر " + i + "\ntags: [syria]\n---\n\nنص.\n");
        }
    }

    private Path build(int sitemapLimit) {
        Path out = dir.resolve("site-" + sitemapLimit);
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(CLOCK)
                .sitemapLimit(sitemapLimit)
                .build()
                .build();
        return out;
    }

    @Test
    void atomFeedsPerLanguageAndTagParseWithRome() throws Exception {
        Path site = build(50_000);
        SyndFeed ar = feed(site.resolve("ar/feed.xml"));
        assertEquals("atom_1.0", ar.getFeedType());
        assertEquals(5, ar.getEntries().size());
        SyndEntry first = ar.getEntries().get(0);
        assertEquals("قمة في سوتشي", first.getTitle());
        assertEquals("https://news.example/archive/ar/2017/05/%D9%82%D9%85%D8%A9/", first.getLink());
        assertEquals(
                Instant.parse("2017-05-22T07:30:00Z"), first.getPublishedDate().toInstant());
        assertEquals("سانا", first.getAuthor());
        assertEquals(
                List.of("سورية"),
                first.getCategories().stream().map(c -> c.getName()).toList());

        SyndFeed en = feed(site.resolve("en/feed.xml"));
        assertEquals(1, en.getEntries().size());
        assertTrue(en.getEntries().get(0).getContents().get(0).getValue().contains("The text &amp; more."));
        SyndFeed tag = feed(site.resolve("en/tags/syria/feed.xml"));
        assertEquals("Summit in Sochi", tag.getEntries().get(0).getTitle());

        String home = Files.readString(site.resolve("ar/index.html"));
        assertTrue(
                home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"أرشيف\""
                        + " href=\"/archive/ar/feed.xml\">"),
                home);
        String tagPage = Files.readString(site.resolve("en/tags/syria/index.html"));
        assertTrue(
                tagPage.contains(
                        "type=\"application/atom+xml\" title=\"Syria\" href=\"/archive/en/tags/syria/feed.xml\""),
                tagPage);
    }

    @Test
    void tagFeedsCarrySummariesAndLaterListPagesBriefCards() throws Exception {
        Path site = build(50_000);
        SyndEntry inTag =
                feed(site.resolve("ar/tags/syria/feed.xml")).getEntries().get(0);
        assertEquals("قمة في سوتشي", inTag.getTitle());
        assertEquals(List.of(), inTag.getContents(), "no full text again in a tag's feed");
        assertEquals("نص الخبر.", inTag.getDescription().getValue());
        SyndEntry inLanguage = feed(site.resolve("ar/feed.xml")).getEntries().get(0);
        assertTrue(inLanguage.getContents().get(0).getValue().contains("نص الخبر."), "the language's feed has it");

        String first = Files.readString(site.resolve("ar/tags/syria/index.html"));
        assertTrue(first.contains("<p class=\"summary\">") && first.contains("<ul class=\"tags\">"), first);
        String later = Files.readString(site.resolve("ar/tags/syria/page/2/index.html"));
        assertTrue(later.contains("<h2 class=\"card-title\">") && later.contains("<time datetime="), later);
        assertFalse(later.contains("<p class=\"summary\">") || later.contains("<ul class=\"tags\">"), later);
        assertFalse(later.contains("<li class=\"card\" lang="), "a card in the page's language repeats no lang");
    }

    @Test
    void aYearsPageListsItsMonthsWhosePagesListTheDispatches() throws Exception {
        Path site = build(50_000);
        String year = Files.readString(site.resolve("ar/2017/index.html"));
        assertTrue(
                year.contains("<ul class=\"months\">\n<li><a href=\"/archive/ar/2017/05/\">مايو</a>"
                        + " <span class=\"count\">(<bdi>1</bdi>)</span></li>"),
                year);
        assertTrue(year.contains("<a href=\"/archive/ar/2017/01/\">يناير</a>"), year);
        assertFalse(year.contains("class=\"card\"") || year.contains("class=\"pagination\""), year);
        assertFalse(Files.exists(site.resolve("ar/2017/page/2")), "five dispatches, two a page: one page still");
        String may = Files.readString(site.resolve("ar/2017/05/index.html"));
        assertTrue(may.contains("<a href=\"/archive/ar/2017/05/قمة/\">قمة في سوتشي</a>"), may);
    }

    @Test
    void hreflangAlternatesOnlyWhereAPageHasAnotherLanguagesVersion() throws Exception {
        Path site = build(50_000);
        String translated = Files.readString(site.resolve("ar/2017/05/قمة/index.html"));
        assertTrue(
                translated.contains("<link rel=\"alternate\" hreflang=\"en\""
                        + " href=\"https://news.example/archive/en/2017/05/summit/\">"),
                translated);
        assertTrue(translated.contains("hreflang=\"x-default\""), translated);
        String untranslated = Files.readString(site.resolve("ar/2017/01/a1/index.html"));
        assertFalse(untranslated.contains("hreflang=\"x-default\""), "no other version: " + untranslated);
        assertTrue(untranslated.contains("<link rel=\"canonical\""), untranslated);
        String tagFirst = Files.readString(site.resolve("ar/tags/syria/index.html"));
        assertTrue(tagFirst.contains("hreflang=\"en\" href=\"https://news.example/archive/en/tags/syria/\""));
        String tagLater = Files.readString(site.resolve("ar/tags/syria/page/2/index.html"));
        assertFalse(tagLater.contains("hreflang=\"x-default\""), "a later page's is not the other's first page");
        assertTrue(
                tagLater.contains("<a href=\"/archive/en/tags/syria/\" lang=\"en\" dir=\"ltr\" hreflang=\"en\""),
                "the switcher still goes there: " + tagLater);
    }

    @Test
    void sitemapValidatesLeavesHreflangToThePagesAndRobotsNamesIt() throws Exception {
        Path site = build(50_000);
        Path sitemap = site.resolve("sitemap.xml");
        validate(sitemap, "sitemap.xsd");
        Document doc = parse(sitemap);
        Element summit = urlElement(doc, "https://news.example/archive/en/2017/05/summit/");
        assertEquals(
                0,
                doc.getElementsByTagNameNS(XHTML_NS, "link").getLength(),
                "the pages' own hreflang links are the one place search engines read them from");
        assertEquals(1, summit.getElementsByTagNameNS(SITEMAP_NS, "loc").getLength());
        String summitPage = Files.readString(site.resolve("en/2017/05/summit/index.html"));
        assertTrue(
                summitPage.contains("hreflang=\"ar\" href=\"https://news.example/archive/ar/2017/05/قمة/\""),
                "the translated page names its Arabic version: " + summitPage);
        assertEquals(
                1,
                urlElement(doc, "https://news.example/archive/ar/2017/01/a1/")
                        .getElementsByTagNameNS(SITEMAP_NS, "loc")
                        .getLength());

        assertEquals(
                "User-agent: *\nAllow: /\n\nSitemap: https://news.example/archive/sitemap.xml\n",
                Files.readString(site.resolve("robots.txt")));
    }

    @Test
    void aSitemapOverTheLimitBecomesAnIndexOfValidSitemaps() throws Exception {
        Set<String> whole = locs(parse(build(50_000).resolve("sitemap.xml")));
        Path site = build(5);
        Path index = site.resolve("sitemap.xml");
        validate(index, "siteindex.xsd");
        Document doc = parse(index);
        NodeList parts = doc.getElementsByTagNameNS(SITEMAP_NS, "loc");
        int expectedParts = (whole.size() + 4) / 5;
        assertEquals(expectedParts, parts.getLength());
        Set<String> union = new TreeSet<>();
        for (int i = 1; i <= expectedParts; i++) {
            assertEquals(
                    "https://news.example/archive/sitemap-" + i + ".xml",
                    parts.item(i - 1).getTextContent());
            Path part = site.resolve("sitemap-" + i + ".xml");
            validate(part, "sitemap.xsd");
            Set<String> locs = locs(parse(part));
            assertTrue(locs.size() <= 5);
            union.addAll(locs);
        }
        assertEquals(whole, union, "the parts list every URL of the single sitemap");
        assertTrue(Files.readString(site.resolve("robots.txt"))
                .contains("Sitemap: https://news.example/archive/sitemap.xml"));
    }

    @Test
    void articlesCarryOpenGraphAndNewsArticleJsonLd() throws Exception {
        Path site = build(50_000);
        String html = Files.readString(site.resolve("ar/2017/05/قمة/index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<meta property=\"og:title\" content=\"قمة في سوتشي\">"), html);
        assertTrue(html.contains(
                "<meta property=\"og:url\" content=\"https://news.example/archive/ar/2017/05/%D9%82%D9%85%D8%A9/\">"));
        assertTrue(html.contains("<meta property=\"og:locale\" content=\"ar_AR\">"));
        assertTrue(html.contains("<meta property=\"article:published_time\" content=\"2017-05-22\">"));
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "JSON-LD block");
        JsonNode ld = new ObjectMapper().readTree(m.group(1));
        assertEquals("https://schema.org", ld.get("@context").asText());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals("قمة في سوتشي", ld.get("headline").asText());
        assertEquals("ar", ld.get("inLanguage").asText());
        assertEquals(
                Instant.parse("2017-05-22T07:30:00Z"),
                java.time.OffsetDateTime.parse(ld.get("datePublished").asText()).toInstant());
        assertNotNull(ld.get("dateModified"));
        assertEquals("Place", ld.get("locationCreated").get("@type").asText());
        assertEquals("سوتشي", ld.get("locationCreated").get("name").asText());
        assertEquals(
                "https://news.example/archive/en/2017/05/summit/",
                ld.get("workTranslation").get(0).get("url").asText());
        assertEquals(
                "https://news.example/archive/ar/2017/05/قمة/", ld.get("url").asText(), "an IRI, as JSON-LD's ids are");
        assertNull(ld.get("mainEntityOfPage"), "it only repeated the url");
        assertNull(ld.get("description"), "the meta description and og:description carry it");
        assertTrue(
                html.contains("<link rel=\"canonical\" href=\"https://news.example/archive/ar/2017/05/قمة/\">"),
                "the canonical link is an IRI: browsers and crawlers percent-encode it when they follow it");
    }

    private static SyndFeed feed(Path file) throws Exception {
        try (XmlReader reader = new XmlReader(file.toFile())) {
            return new SyndFeedInput().build(reader);
        }
    }

    private static void validate(Path xml, String xsd) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Source[] sources = {
            new StreamSource(ReadersAndMachinesTest.class
                    .getResource("/xsd/xhtml-link.xsd")
                    .toString()),
            new StreamSource(
                    ReadersAndMachinesTest.class.getResource("/xsd/" + xsd).toString())
        };
        Schema schema = factory.newSchema(sources);
        schema.newValidator().validate(new StreamSource(xml.toFile()));
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(xml.toFile());
    }

    private static Element urlElement(Document doc, String loc) {
        NodeList urls = doc.getElementsByTagNameNS(SITEMAP_NS, "url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element u = (Element) urls.item(i);
            if (u.getElementsByTagNameNS(SITEMAP_NS, "loc")
                    .item(0)
                    .getTextContent()
                    .equals(loc)) {
                return u;
            }
        }
        throw new AssertionError("no <url> for " + loc);
    }

    private static Set<String> locs(Document doc) {
        Set<String> out = new TreeSet<>();
        NodeList locs = doc.getElementsByTagNameNS(SITEMAP_NS, "loc");
        for (int i = 0; i < locs.getLength(); i++) {
            out.add(locs.item(i).getTextContent());
        }
        return out;
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
