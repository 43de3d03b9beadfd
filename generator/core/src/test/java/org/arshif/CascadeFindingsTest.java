package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings made after the read (translations, the checker's vocabulary, key spellings and schedule) about a key
 * that a section page's {@code cascade} gives a dispatch point where the key is written, in the section page, as
 * the findings made while reading it do: not at the dispatch's first line, where nothing of it is written.
 */
class CascadeFindingsTest {
    @Test
    void laterFindingsAboutCascadedKeysNameTheSectionPageLineAndColumn(@TempDir Path root) {
        Trees.write(root.resolve("content/tags.yml"), "syria:\n  ar: سورية\n  en: Syria\n");
        Trees.write(
                root.resolve("content/en/news/_index.md"),
                "---\ntitle: News\ncascade:\n  translationKey: shared\n  tittle: Misspelt\n---\n");
        Trees.write(root.resolve("content/en/news/2024-02-01-a.md"), "---\ntitle: A\n---\n\nText of a.\n");
        Trees.write(root.resolve("content/en/news/2024-02-02-b.md"), "---\ntitle: B\n---\n\nText of b.\n");
        Trees.write(
                root.resolve("content/en/later/_index.md"),
                "+++\n[cascade]\npublishDate = 2030-01-01T00:00:00Z\n+++\n");
        Trees.write(root.resolve("content/en/later/2024-02-03-c.md"), "---\ntitle: C\n---\n\nText of c.\n");
        Trees.write(root.resolve("content/en/tagged/_index.md"), "---\ncascade:\n  tags: [zeppelins]\n---\n");
        Trees.write(root.resolve("content/en/tagged/2024-02-04-d.md"), "---\ntitle: D\n---\n\nText of d.\n");
        Trees.write(root.resolve("content/en/tagged/2024-02-05-e.md"), "---\ntitle: E\n---\n\nText of e.\n");

        List<String> findings =
                Arshif.builder().siteRoot(root).clock(HugoContentTest.CLOCK).build().check().findings().stream()
                        .map(Diagnostic::format)
                        .filter(f -> f.contains("_index.md"))
                        .toList();
        assertEquals(
                List.of(
                        "content/en/later/_index.md:3:1: notice: scheduled: dated 2030-01-01T00:00Z, so builds"
                                + " leave it out until then (future=true includes it) (content/en/later/2024-02-03-c.md"
                                + " is given this key by the cascade here)",
                        "content/en/news/_index.md:4:3: error: this en dispatch and content/en/news/2024-02-02-b.md"
                                + " both claim translationKey 'shared'; give one of them a different translationKey or"
                                + " file name (content/en/news/2024-02-01-a.md is given this key by the cascade here)",
                        "content/en/news/_index.md:5:3: warning: unknown front-matter key 'tittle' (kept for"
                                + " templates); did you mean 'title'?",
                        "content/en/tagged/_index.md:3:3: warning: tag 'zeppelins' is not in the vocabulary"
                                + " content/tags.yml; add it there with its name in each language, use a tag that is,"
                                + " or, if it is another spelling of one, add it to that tag's other spellings (KEY:"
                                + " alias: [zeppelins])"),
                findings);
    }
}
