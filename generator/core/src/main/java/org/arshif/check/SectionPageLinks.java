package org.arshif.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arshif.content.FrontMatterSplit;
import org.arshif.content.SectionTexts;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.SourceText;
import org.arshif.site.Routes;

/**
 * The links and images of the text of a section page ({@code content/<lang>/<section>/_index.md}), which stands
 * above its section's list (the home page's, {@code content/<lang>/_index.md}, above the home page's): checked as an article's are, from the list's URL, so that a link there is not
 * published broken while the same link in a dispatch is an error. Stateless.
 */
final class SectionPageLinks {
    private SectionPageLinks() {}

    /** The findings of every section page with a text, in the order of {@link SectionTexts#pages}. */
    static List<Diagnostic> check(Path siteRoot, SectionTexts texts, Context c) {
        List<Diagnostic> out = new ArrayList<>();
        for (SectionTexts.Page page : texts.pages()) {
            if (page.text().html() == null) {
                continue;
            }
            String path = page.text().path();
            FrontMatterSplit split;
            try {
                split = FrontMatterSplit.of(SourceText.decode(path, Files.readAllBytes(siteRoot.resolve(path)))
                        .text());
            } catch (IOException | RuntimeException | FrontMatterSplit.UnclosedException e) {
                continue; // read a moment ago; changed since, and the next build reads it again
            }
            String list = page.section().equals(SectionTexts.HOME)
                    ? Routes.home(page.lang(), 1)
                    : Routes.section(page.lang(), page.section(), 1);
            for (MarkdownLinks.Target t : c.markdown().targets(split.body(), split.bodyLine())) {
                LinkProblem problem = c.linkProblem(t, path, list, true);
                if (problem != null) {
                    out.add(problem.at(path, t.line(), t.column()));
                } else if (t.image()) {
                    out.addAll(DispatchFindings.imageProblems(
                            t, path, c.media(), c.config().decodedBasePath()));
                }
            }
        }
        return out;
    }
}
