package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** One dispatch per language in a translation group; path pairs published far apart are questioned. */
class TranslationPairsTest {
    private static final DispatchReader READER = new DispatchReader(
            SiteConfig.defaults(), TagVocabulary.empty(t -> List.of(t)), GitHistory.none("no git in this test"));

    private static Dispatch dispatch(String path, String date, String key) {
        String text = "---\ntitle: خبر\ndate: " + date + "\n" + (key == null ? "" : "translationKey: " + key + "\n")
                + "---\nنص.\n";
        return READER.read(path, text.getBytes(StandardCharsets.UTF_8), new Diagnostics())
                .orElseThrow();
    }

    private static List<String> findings(Dispatch... ds) {
        Diagnostics d = new Diagnostics();
        SiteModel model = TestModels.of(List.of(ds), d);
        List<String> out =
                new ArrayList<>(d.sorted().stream().map(Diagnostic::format).toList());
        out.add("articles: " + model.articles("ar").size() + " ar, "
                + model.articles("en").size() + " en");
        return out;
    }

    @Test
    void pathPairsPublishedMonthsApartAreQuestionedAtTheOlderOne() {
        assertEquals(
                List.of(
                        "content/ar/01-n1234.md:3:1: warning: this dispatch and content/en/01-n1234.md are paired as"
                                + " translations by their file path, but were published 243 days apart; if they are"
                                + " different stories (agencies number each language on its own), give each a"
                                + " translationKey of its own in the front-matter, else give both the same"
                                + " translationKey to say they belong together",
                        "articles: 1 ar, 1 en"),
                findings(
                        dispatch("content/ar/01-n1234.md", "2024-01-01", null),
                        dispatch("content/en/01-n1234.md", "2024-08-31", null)));
    }

    @Test
    void aTranslationDaysLaterOrOneTheDeskKeyedIsNotQuestioned() {
        assertEquals(
                List.of("articles: 1 ar, 1 en"),
                findings(
                        dispatch("content/ar/01-n1234.md", "2024-01-01", null),
                        dispatch("content/en/01-n1234.md", "2024-01-09", null)));
        assertEquals(
                List.of("articles: 1 ar, 1 en"),
                findings(
                        dispatch("content/ar/a.md", "2024-01-01", "k"),
                        dispatch("content/en/b.md", "2024-08-31", "k")));
    }

    @Test
    void twoDispatchesOfOneLanguageClaimingOneKeyAreAnErrorAndTheNewerStays() {
        assertEquals(
                List.of(
                        "content/ar/b.md:4:1: error: this ar dispatch and content/ar/a.md both claim translationKey"
                                + " 'k'; give one of them a different translationKey or file name",
                        "articles: 1 ar, 0 en"),
                findings(
                        dispatch("content/ar/a.md", "2024-01-02", "k"),
                        dispatch("content/ar/b.md", "2024-01-01", "k")));
    }
}
