package org.arshif.site;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.Severity;

/**
 * Which dispatches are one another's translations: each translation group holds at most one dispatch per language.
 * A group made by file path alone (the same name under {@code content/ar/} and {@code content/en/}, as Hugo pairs
 * them) is also checked for dates far apart: agencies number each language's wire on its own, so
 * {@code 01-n1234.txt} in both folders may be two unrelated stories that the language switch would join.
 */
final class TranslationPairs {
    /** Translations lag their original by hours or days; serial numbers that meet by chance are months apart. */
    static final Duration FAR_APART = Duration.ofDays(30);

    private TranslationPairs() {}

    /**
     * The dispatches of {@code published} in order, less each one whose group already has a dispatch of its
     * language (an error at it); warns at the later of two path-paired dispatches published far apart.
     */
    static List<Dispatch> claim(List<Dispatch> published, Diagnostics diagnostics) {
        Map<String, Dispatch> slots = new HashMap<>();
        Map<String, Dispatch> firstOfGroup = new HashMap<>();
        List<Dispatch> kept = new ArrayList<>(published.size());
        for (Dispatch d : published) {
            String slot = d.translationGroup() + "\u0000" + d.lang();
            Dispatch other = slots.putIfAbsent(slot, d);
            if (other != null) {
                duplicate(d, other, diagnostics);
                continue;
            }
            kept.add(d);
            Dispatch partner = firstOfGroup.putIfAbsent(d.translationGroup(), d);
            if (partner != null && d.translationGroup().startsWith("path:")) {
                farApart(d, partner, diagnostics);
            }
        }
        return kept;
    }

    private static void duplicate(Dispatch d, Dispatch other, Diagnostics diagnostics) {
        String what = d.translationGroup().startsWith("key:")
                ? "translationKey '" + d.translationGroup().substring(4) + "'"
                : "the translation path '" + d.translationGroup().substring(5) + "'";
        Dispatch.Position p = d.position("translationKey");
        diagnostics.add(d.finding(
                Severity.ERROR,
                p,
                "this " + d.lang() + " dispatch and " + other.path() + " both claim " + what
                        + (normalizationTwins(d.path(), other.path())
                                ? "; their names look the same but differ in Unicode normalization (one composed,"
                                        + " NFC, the other decomposed, NFD, as macOS or a copy from it may write a"
                                        + " name): if they are one story, delete one; else rename one (NFC: convmv"
                                        + " -f utf8 -t utf8 --nfc --notest FILE)"
                                : "; give one of them a different translationKey or file name")));
    }

    /** Two paths that are different strings but one text in NFC: an accented letter as one character or two. */
    static boolean normalizationTwins(String a, String b) {
        return !a.equals(b)
                && Normalizer.normalize(a, Normalizer.Form.NFC).equals(Normalizer.normalize(b, Normalizer.Form.NFC));
    }

    /** {@code published} is newest first, so {@code d} is the older of the two. */
    private static void farApart(Dispatch d, Dispatch partner, Diagnostics diagnostics) {
        Duration apart = Duration.between(d.date().toInstant(), partner.date().toInstant())
                .abs();
        if (apart.compareTo(FAR_APART) <= 0) {
            return;
        }
        Dispatch.Position p = d.position("date");
        diagnostics.add(d.finding(
                Severity.WARNING,
                p,
                "this dispatch and " + partner.path() + " are paired as translations by their file path, but were"
                        + " published " + apart.toDays() + " days apart; if they are different stories (agencies"
                        + " number each language on its own), give each a translationKey of its own in the"
                        + " front-matter, else give both the same translationKey to say they belong together"));
    }
}
