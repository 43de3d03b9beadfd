package org.arshif;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Every feed and sitemap the test sites produce parses with the JDK's XML parser: one control character in a
 * title made a whole {@code feed.xml} unreadable to every feed reader.
 */
class WellFormedXmlTest {
    @TempDir
    Path tmp;

    /**
     * The test sites: the fixture and the plugin's integration tests' sites (never this repository's own archive,
     * which a newsroom replaces; the root build checks that one).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "src/test/resources/sites/bilingual",
                "../maven-plugin/src/it/bilingual-site",
                "../maven-plugin/src/it/drafts-future",
                "src/test/resources/sites/sections"
            })
    void everyFeedAndSitemapOfATestSiteIsWellFormed(String site) {
        // Built where they are (the sample's dates come from git); only the output is written, into tmp.
        Path root = Path.of(site).toAbsolutePath().normalize();
        Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(InvalidSitesTest.CLOCK)
                .drafts(true)
                .future(true)
                .baseUrl("https://desk.example/archive/")
                .build()
                .build();
        assertTrue(assertWellFormed(tmp.resolve("out")) >= 3, "feeds and a sitemap per site");
    }

    /** Parses every {@code .xml} file under {@code site}; returns how many there were. */
    static int assertWellFormed(Path site) {
        List<Path> xml;
        try (Stream<Path> walk = Files.walk(site)) {
            xml = walk.filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DocumentBuilder parser = parser();
        for (Path file : xml) {
            try {
                parser.parse(file.toFile());
            } catch (SAXException | IOException e) {
                fail(site.relativize(file) + " is not well-formed XML: " + e.getMessage());
            }
        }
        return xml.size();
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
