package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site whose text joins السلام (peace) and السلامة (safety) in one stem is told how to keep them apart. */
class ConflationNoticeSiteTest {
    @TempDir
    Path tmp;

    private List<String> build(String config) {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("arshif.yml"), config);
        for (int i = 0; i < 5; i++) {
            Trees.write(
                    root.resolve("content/ar/2017-01-1" + i + "-peace" + i + ".md"),
                    "---\ntitle: محادثات السلام " + i + "\n---\n\nاستؤنفت محادثات السلام بين الطرفين.\n");
        }
        for (int i = 5; i < 9; i++) {
            Trees.write(
                    root.resolve("content/ar/2017-01-1" + i + "-safety" + i + ".md"),
                    "---\ntitle: حملة السلامة " + i + "\n---\n\nأطلقت الشرطة حملة السلامة على الطرق.\n");
        }
        BuildReport report = SiteBuilds.at(root, tmp.resolve("out")).build();
        return report.findings().stream()
                .filter(f -> f.message().startsWith("search:"))
                .map(Diagnostic::format)
                .toList();
    }

    @Test
    void theBuildSaysWhichWordsToProtectAndHow() {
        assertEquals(
                List.of("arshif.yml:1:1: notice: search: 1 stem joins two families of words, so a search for one also"
                        + " finds the other (dispatches in parentheses): السلام (5) with سلامه (4). If they are"
                        + " different words, keep the first of each pair whole: set search: {protect: [السلام]} in"
                        + " arshif.yml"),
                build("languages: [ar]\n"));
    }

    @Test
    void withTheSuggestedSettingThePairIsNoLongerReported() {
        assertEquals(List.of(), build("languages: [ar]\nsearch: {protect: [السلام]}\n"));
    }
}
