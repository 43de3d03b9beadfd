package org.arshif.check;

import java.util.ArrayList;
import java.util.List;
import org.arshif.content.SectionTexts;
import org.arshif.diag.Diagnostic;
import org.arshif.site.Routes;

/**
 * The links and images of the text of a section page ({@code content/<lang>/<section>/_index.md}), which stands
 * above its section's list (the home page's, {@code content/<lang>/_index.md},
 * above the home page's): checked as an article's are, from the list's URL, on the Markdown {@link SectionTexts} read,
 * so that a link there is not published broken while the same link in a dispatch is an error. Stateless.
 */
final class SectionPageLinks {
    private SectionPageLinks() {}

    /** The findings of every section page with a text, in the order of {@link SectionTexts#pages}. */
    static List<Diagnostic> check(SectionTexts texts, Context c) {
        List<Diagnostic> out = new ArrayList<>();
        for (SectionTexts.Page page : texts.pages()) {
            if (page.text().html() == null) {
                continue;
            }
            String path = page.text().path();
            String list = page.section().equals(SectionTexts.HOME)
                    ? Routes.home(page.lang(), 1)
                    : Routes.section(page.lang(), page.section(), 1);
            out.addAll(c.linkFindings(page.text().markdown(), page.text().markdownLine(), path, list, true));
        }
        return out;
    }
}
