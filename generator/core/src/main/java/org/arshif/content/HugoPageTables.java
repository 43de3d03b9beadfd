package org.arshif.content;

import java.util.List;
import java.util.Locale;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/**
 * Hugo keys of a page that mean something to Hugo alone and would otherwise be kept as silent params: {@code
 * resources} (TOML's {@code [[resources]]}: titles and names for a bundle's files by glob), {@code cascade} in a
 * dispatch rather than a section page (Hugo gives a page's cascade to the pages below it, and a dispatch has none),
 * and {@code outputs} naming a format Arshif does not write. Each a warning at its key, saying what happens instead;
 * the value is still kept for templates as {@code article.params}.
 */
final class HugoPageTables {
    private HugoPageTables() {}

    static void named(String path, YFields fm, Diagnostics d) {
        if (fm.has("resources")) {
            int[] at = fm.position("resources");
            d.warning(
                    path,
                    at[0],
                    at[1],
                    "'resources' (Hugo's titles and names for a bundle's files, by glob) is not"
                            + " applied: a photo's text is the alt text and title written in the dispatch's Markdown, as"
                            + " ![alt](photo.jpg \"title\"); the table is kept for templates as article.params.resources");
        }
        if (fm.has("cascade")) {
            int[] at = fm.position("cascade");
            d.warning(
                    path,
                    at[0],
                    at[1],
                    "'cascade' in a dispatch gives its keys to no page: Hugo, and Arshif, apply"
                            + " a cascade from a section page to the pages below it; move it to the folder's _index.md, or"
                            + " write its keys in this dispatch's own front-matter");
        }
        YNode outputs = fm.get("outputs").orElse(null);
        // a list, or one text (outputs: amp), which Hugo reads as a list of one
        List<YNode> formats = outputs instanceof YNode.Seq seq
                ? seq.items()
                : outputs instanceof YNode.Scalar ? List.of(outputs) : List.of();
        for (YNode item : formats) {
            if (item instanceof YNode.Scalar s
                    && !s.text().strip().toLowerCase(Locale.ROOT).equals("html")) {
                d.warning(
                        path,
                        s.line(),
                        s.column(),
                        "'outputs' names '" + s.text().strip() + "', a format Arshif"
                                + " does not write: a dispatch is one HTML page, in the feeds, the sitemap and the search"
                                + " index; delete it from 'outputs'");
            }
        }
    }
}
