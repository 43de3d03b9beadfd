package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys of arshif.yml's sections, sources and permalinks that no dispatch matches: a typo there was silent. */
class UnmatchedSectionKeysTest {
    @TempDir
    Path tmp;

    private static final String DISPATCH = "---\ntitle: T\ndate: 2017-05-01\nsource: %s\n---\nText.\n";

    Path site(String config) {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "languages: [ar, en]\n" + config);
        Trees.write(root.resolve("content/ar/politics/2017-05-01-a.md"), DISPATCH.formatted("sana"));
        Trees.write(root.resolve("content/en/economy/gulf/2017-05-01-b.md"), DISPATCH.formatted("okaz"));
        return root;
    }

    List<String> warnings(Path root) {
        return SiteBuilds.findings(root, tmp.resolve("out")).stream()
                .filter(f -> f.startsWith("arshif.yml:"))
                .toList();
    }

    @Test
    void aKeyNoDispatchMatchesIsNamedAtItsPlaceWithTheClosestName() {
        Path root = site("sections:\n  politcs: {ar: سياسة}\n  gulf: {en: Gulf}\nsources:\n  sanaa: {ar: سانا}\n"
                + "  okaz: {ar: عكاظ}\npermalinks:\n  ar/politcs: /:sections/:slug/\n  economy: /:sections/:slug/\n");
        assertEquals(
                List.of(
                        "arshif.yml:3:3: warning: sections: 'politcs' names no section folder, so readers see the"
                                + " folder's own name; a key is a folder's name or its path under the language folder,"
                                + " as economy or economy/gulf; did you mean 'politics'?",
                        "arshif.yml:6:3: warning: sources: 'sanaa' is the 'source:' of no dispatch, so readers see the"
                                + " value as written; a key is a source: value as the dispatches write it; did you"
                                + " mean 'sana'?",
                        "arshif.yml:9:3: warning: permalinks: 'ar/politcs' names no section folder or language, so its"
                                + " pattern applies to no dispatch; a key is a section's path (economy/gulf), a"
                                + " language (ar) or both (ar/economy); did you mean 'ar/politics'?"),
                warnings(root));
    }

    @Test
    void keysThatMatchSayNothing() {
        // a folder's name, a whole path, a parent section, a language, a language and a section, a source
        Path root = site("sections:\n  politics: {ar: سياسة}\n  economy/gulf: {en: Gulf}\n  economy: {en: Economy}\n"
                + "sources:\n  sana: {ar: سانا}\npermalinks:\n  en: /:year/:slug/\n  ar/politics: /:sections/:slug/\n"
                + "  economy: /:sections/:slug/\n");
        assertEquals(List.of(), warnings(root));
    }
}
