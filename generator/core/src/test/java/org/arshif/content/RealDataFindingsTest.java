package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * Findings that real imported archives needed: a headline with no text, and plain text in a {@code .md} file that
 * Markdown turns into lists (with the lists a writer means left alone).
 */
class RealDataFindingsTest {
    private static final String PROSE = "وقال الوزير في تصريح للصحفيين إن المحادثات تناولت سبل تعزيز التعاون"
            + " الاقتصادي بين البلدين في مجالات الطاقة والنقل والتجارة";

    private static List<String> findings(String path, String text) {
        Diagnostics d = new Diagnostics();
        Readers.reader().read(path, text.getBytes(StandardCharsets.UTF_8), d);
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aTitleWithNoTextIsAWarningAtTheEndOfTheFrontMatter() {
        assertEquals(
                List.of("content/ar/2015-07-21-0001.md:4:1: warning: the dispatch has a title but no text;"
                        + " write the article below the front-matter, or delete the file"),
                findings("content/ar/2015-07-21-0001.md", "---\ntitle: \"عنوان بلا نص\"\nsource: okaz\n---\n\n"));
        assertEquals(
                List.of("content/en/2015-07-21-x.md:1:1: warning: the dispatch has a title but no text;"
                        + " write the article below the title, or delete the file"),
                findings("content/en/2015-07-21-x.md", "# Headline only\n"));
    }

    @Test
    void aParagraphThatStartsWithADashIsPlainTextNotAList() {
        String text = "---\ntitle: عنوان\n---\n\nالفقرة الأولى من الخبر.\n\n- " + PROSE + ".\n";
        assertEquals(
                List.of("content/ar/2015-07-21-a.md:7:1: warning: this plain text will show as a list, because"
                        + " the line starts with '- '; write it as .txt, or escape the list markers ('\\- ')"),
                findings("content/ar/2015-07-21-a.md", text));
    }

    @Test
    void numberedParagraphsArePlainText() {
        String text = "# Title\n\n1. " + PROSE + " " + PROSE + ".\n\n2. " + PROSE + " " + PROSE + ".\n";
        assertEquals(
                List.of("content/ar/2015-07-21-b.md:3:1: warning: this plain text will show as a list, because"
                        + " the line starts with '1. '; write it as .txt, or escape the list markers ('1\\. ')"),
                findings("content/ar/2015-07-21-b.md", text));
    }

    @Test
    void aHardWrappedLineThatStartsWithADashBreaksIntoTheParagraph() {
        String text = "# Title\n\nThe minister said the talks went well\n- and that more would follow.\n";
        assertEquals(
                List.of("content/en/2015-07-21-c.md:4:1: warning: this plain text will show as a list, because"
                        + " the line starts with '- '; write it as .txt, or escape the list markers ('\\- ')"),
                findings("content/en/2015-07-21-c.md", text));
    }

    @Test
    void realMarkdownListsAreFine() {
        String text = "# Title\n\nThe fair in numbers:\n- 40 countries\n- 1,200 companies\n- 10 days\n\n"
                + "Steps:\n\n1. Register online.\n2. Collect the badge at the gate.\n3. Visit the halls.\n\n"
                + "* one item\n";
        assertEquals(List.of(), findings("content/en/2015-07-21-d.md", text));
    }
}
