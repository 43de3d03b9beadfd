package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Severity;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A build runs the checker on its own plan and render (not on a second plan and one page per template), so this
 * pins that it still reports exactly what {@code check} reports, less what is for editors only: the notices and the
 * "no baseUrl" warning. The sites have every kind of finding between them: links, images, source-file links, drafts,
 * typos, tags, footers, URL clashes, load errors, and template errors (alone, and beside load errors, when the build
 * stops before rendering).
 */
class BuildFindingsMatchCheckTest {
    @TempDir
    Path tmp;

    static Stream<String> sites() throws IOException {
        List<String> sites = new ArrayList<>(List.of(
                "fixtures/broken-archive", "sites/seven-problems", "sites/wire", "sites/sample", "sites/bilingual"));
        try (Stream<Path> invalid = Files.list(Trees.site("invalid"))) {
            invalid.map(p -> "sites/invalid/" + p.getFileName()).sorted().forEach(sites::add);
        }
        sites.add("fixtures/broken-archive with a template error");
        return sites.stream();
    }

    @ParameterizedTest
    @MethodSource("sites")
    void aBuildReportsWhatCheckReportsButTheNotices(String site) throws IOException {
        Path root = tmp.resolve("src");
        Trees.copy(Trees.testResource(site.replace(" with a template error", "")), root);
        if (site.endsWith("with a template error")) {
            Trees.copy(Trees.site("invalid/template-syntax/templates"), root.resolve("templates"));
        }
        Arshif arshif = SiteBuilds.at(root, tmp.resolve("out"));

        List<String> checked = arshif.check().findings().stream()
                .filter(d -> d.severity() != Severity.NOTICE && !d.message().startsWith("no baseUrl"))
                .map(Diagnostic::format)
                .toList();
        List<Diagnostic> built;
        try {
            built = arshif.build().findings();
        } catch (ContentException e) {
            built = e.diagnostics();
            assertFalse(Files.exists(tmp.resolve("out")), "a failed build writes no site");
        }
        List<String> builtFindings = built.stream()
                .filter(d -> d.severity() != Severity.NOTICE)
                .map(Diagnostic::format)
                .toList();
        assertEquals(checked, builtFindings);
    }
}
