package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.arshif.Arshif;
import org.arshif.LiveLibrary;
import org.arshif.site.Library;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A preview's index inputs made with the help of the last edit's equal those made afresh: the same documents'
 * keys, and unchanged exactly when fresh ones are. A tag's name is the label of its first dispatch, so an edit to
 * one dispatch can rename a tag of another, untouched one: its document changes too.
 */
class IndexInputsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-06-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void inputsMadeFromTheLastEditsAreThoseMadeAfreshAndSeeATagRenamedByAnotherDispatch() throws IOException {
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://news.example/\ndefaultLanguage: en\n");
        dispatch("a", "09:00", "Gulf Cup", "Text a.");
        dispatch("b", "10:00", "Gulf Cup", "Text b.");
        dispatch("c", "11:00", "Weather", "Text c.");
        LiveLibrary live =
                LiveLibrary.load(Arshif.builder().siteRoot(root).clock(CLOCK).build());
        IndexInputs last =
                IndexInputs.of(live.current().config(), live.current().model(), "en");
        int renamedUntouched = 0;
        // each of a and b relabels the tag in turn: whichever is first names it for the other; then a body edit
        String[][] edits = {
            {"a", "09:00", "GULF CUP", "Text a."},
            {"b", "10:00", "gulf-cup", "Text b."},
            {"c", "11:00", "Weather", "Text c, longer."}
        };
        for (String[] edit : edits) {
            dispatch(edit[0], edit[1], edit[2], edit[3]);
            Library library =
                    live.update(Set.of("content/en/" + edit[0] + ".md"), false).library();
            IndexInputs patched = IndexInputs.of(library.config(), library.model(), "en", last);
            IndexInputs fresh = IndexInputs.of(library.config(), library.model(), "en");
            assertTrue(patched.sameAs(fresh) && fresh.sameAs(patched), edit[0]);
            assertEquals(fresh.documentKeys(), patched.documentKeys(), edit[0]);
            assertEquals(fresh.sameAs(last), patched.sameAs(last), edit[0]);
            List<?> before = last.documentKeys();
            List<?> after = patched.documentKeys();
            List<?> afresh = fresh.documentKeys();
            for (int i = 0; i < after.size(); i++) {
                // an untouched dispatch keeps its place: its key changes only when its tag's name did
                assertEquals(before.get(i).equals(afresh.get(i)), before.get(i).equals(after.get(i)), edit[0] + i);
                if (!before.get(i).equals(after.get(i)) && !title(i, library).equals(edit[0].toUpperCase())) {
                    renamedUntouched++;
                }
            }
            last = patched;
        }
        assertTrue(renamedUntouched > 0, "some edit renamed a tag of a dispatch it did not touch");
    }

    private static String title(int i, Library library) {
        return library.model().articles("en").get(i).title();
    }

    private void dispatch(String name, String time, String tag, String body) throws IOException {
        Trees.write(
                root.resolve("content/en/" + name + ".md"),
                "---\ntitle: \"" + name.toUpperCase() + "\"\ndate: 2021-03-01T" + time + ":00+03:00\ntags: [" + tag
                        + "]\n---\n\n" + body + "\n");
    }
}
