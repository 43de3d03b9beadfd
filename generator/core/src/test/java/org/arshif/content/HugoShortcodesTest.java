package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hugo's shortcodes as Markdown: each form Hugo documents, the escape, the ones Arshif does not know. */
class HugoShortcodesTest {
    private static String text(String markdown) {
        return HugoShortcodes.rewrite(markdown).text();
    }

    private static List<String> findings(String markdown) {
        return HugoShortcodes.rewrite(markdown).findings().stream()
                .map(f -> f.line() + ":" + f.column() + " " + f.message())
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                // figure: alt, else caption, as the image's text; caption (or title) as its title; a link around it
                "{{< figure src=\"bridge.jpg\" alt=\"The old bridge\" >}}|![The old bridge](bridge.jpg)",
                "{{< figure src=\"bridge.jpg\" caption=\"The bridge at dawn\" >}}|![The bridge at dawn](bridge.jpg \"The bridge at dawn\")",
                "{{< figure src=\"/media/a b.jpg\" title=\"Say \\\"cheese\\\"\" link=\"https://x.org/\" >}}|[![Say \"cheese\"](</media/a b.jpg> \"Say \\\"cheese\\\"\")](https://x.org/)",
                "{{< figure src=\"a.jpg\" alt=\"[1] x\" />}}|![\\[1\\] x](a.jpg)",
                "{{% figure src=`a.jpg` %}}|![](a.jpg)",
                // embeds: a link to what they showed (no third-party frames under the pages' CSP)
                "{{< youtube 0RKpf3rK57I >}}|<https://www.youtube.com/watch?v=0RKpf3rK57I>",
                "{{< youtube id=\"0RKpf3rK57I\" title=\"The summit\" >}}|[The summit](https://www.youtube.com/watch?v=0RKpf3rK57I)",
                "{{< vimeo 55073825 >}}|<https://vimeo.com/55073825>",
                "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}|<https://x.com/SanDiegoZoo/status/1453110110599868418>",
                "{{< tweet 877500564405444608 >}}|<https://x.com/i/status/877500564405444608>",
                "{{< instagram CxOWiQNP2MO >}}|<https://www.instagram.com/p/CxOWiQNP2MO/>",
                "{{< gist spf13 7896402 >}}|<https://gist.github.com/spf13/7896402>",
                "{{< youtube \"javascript:alert(1)\" >}}|~~",
                // highlight: a fenced block, the same lines
                "{{< highlight go \"linenos=table\" >}}\\nfunc main() {}\\n{{< /highlight >}}|```go\\nfunc main() {}\\n```",
                // Hugo's escape shows the shortcode itself
                "Write {{</* figure src=\"a.jpg\" */>}} in Hugo|Write {{< figure src=\"a.jpg\" >}} in Hugo",
                // a site's own shortcode: the tags go, the text between them stays
                "{{% note %}}\\nMind the gap.\\n{{% /note %}}|\\nMind the gap.\\n",
                // not a shortcode: left as written
                "a {{ b }} and {{<}} and {{< x|a {{ b }} and {{<}} and {{< x",
            })
    void shortcodesBecomeTheMarkdownTheyStandFor(String hugo, String markdown) {
        assertEquals(markdown.replace("\\n", "\n"), text(hugo.replace("\\n", "\n")));
    }

    @Test
    void aBodyWithoutShortcodesIsReturnedAsItIs() {
        String body = "Plain text with {braces} and {{ a template }}.\n";
        assertSame(body, text(body));
    }

    @Test
    void everyLineKeepsItsNumber() {
        String hugo = "a\n{{< figure\n  src=\"a.jpg\"\n  caption=\"x\" >}}\nlast";
        String markdown = text(hugo);
        assertEquals(hugo.lines().count(), markdown.lines().count());
        assertTrue(markdown.endsWith("\nlast"));
    }

    @Test
    void unknownShortcodesAreNamedOncePerFileAtTheFirst() {
        assertEquals(
                List.of("2:3 {{% note %}} is a shortcode of the Hugo site, not one Arshif reads ("
                        + HugoShortcodes.KNOWN
                        + "): its tags are left out of the page and the text between them kept; write what it made as"
                        + " Markdown (1 more in this file)"),
                findings("x\n  {{% note %}}a{{% /note %}}\n{{% note %}}b{{% /note %}}\n"));
    }

    @Test
    void refIsItsPathWithAWarningToWriteTheUrl() {
        assertEquals("[see](other.md)", text("[see]({{< ref \"other.md\" >}})"));
        assertEquals(
                List.of("1:7 {{< ref \"other.md\" >}} is not resolved: Arshif links by URL; write the linked dispatch's"
                        + " URL, like /ar/2024/03/its-slug/, in its place"),
                findings("[see]({{< ref \"other.md\" >}})"));
    }

    @Test
    void aFigureWithoutSrcAndAnUnclosedQuoteAreFindings() {
        assertEquals(
                List.of(
                        "1:1 {{< figure >}} has no src: it is left out; write src=\"photo.jpg\", or the image as"
                                + " ![text](photo.jpg)",
                        "2:1 '{{<' starts a Hugo shortcode Arshif cannot read (a name, then parameters like"
                                + " key=\"value\", then '>}}'); it stays text: correct it, or escape it as {{</* … */>}}"),
                findings("{{< figure caption=\"x\" >}}\n{{< figure src=\"a.jpg >}}"));
    }

    @Test
    void manyOpeningsAreReadInLinearTime() {
        // Each opening is scanned only up to the next one: 2,000,000 of them, no closing, in well under a second.
        String hostile = "{{<".repeat(2_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(hostile, text(hostile)));
        String unclosed = ("{{< x \"" + "a".repeat(100) + "\n").repeat(50_000);
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertEquals(unclosed.length(), text(unclosed).length()));
    }
}
