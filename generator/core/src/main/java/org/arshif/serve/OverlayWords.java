package org.arshif.serve;

import java.util.Map;

/**
 * The error overlay's words in the site's default language, the one its editors work in: Arabic (right to left)
 * or English. A theme words them in {@code i18n.yml} ({@code overlayLastGood}, {@code overlayFix},
 * {@code overlayDismiss}); these built-in words fill any gap. The findings themselves stay as the terminal prints
 * them, so the two can be matched.
 *
 * @param lang the overlay's {@code lang}
 * @param dir  its direction
 */
record OverlayWords(String lang, String dir, String lastGood, String fix, String dismiss, boolean arabic) {
    static final OverlayWords ARABIC = new OverlayWords(
            "ar",
            "rtl",
            "تُعرض آخر نسخة سليمة من الموقع",
            "صحّح الملف واحفظه: تُحدَّث هذه الصفحة من تلقاء نفسها.",
            "إخفاء",
            true);
    static final OverlayWords ENGLISH = new OverlayWords(
            "en",
            "ltr",
            "the last good version of the site is shown",
            "Fix the file and save it: this page reloads by itself.",
            "Dismiss",
            false);

    /** Arabic for a site whose default language is Arabic, else English. */
    static OverlayWords of(String language) {
        return "ar".equals(language) ? ARABIC : ENGLISH;
    }

    /**
     * The words for a site's default language, taken from the theme's words in that language where it has them.
     *
     * @param language  the site's default language
     * @param themeWords the theme's words by language ({@code i18n.yml}, the site's own overriding the built-in)
     */
    static OverlayWords of(String language, Map<String, Map<String, String>> themeWords) {
        OverlayWords builtIn = of(language);
        Map<String, String> t = themeWords.getOrDefault(language, Map.of());
        return new OverlayWords(
                builtIn.lang,
                builtIn.dir,
                t.getOrDefault("overlayLastGood", builtIn.lastGood),
                t.getOrDefault("overlayFix", builtIn.fix),
                t.getOrDefault("overlayDismiss", builtIn.dismiss),
                builtIn.arabic);
    }

    /** The heading: how many errors, and that the last good site is shown. */
    String heading(int errors) {
        if (!arabic) {
            return "Arshif: " + errors + (errors == 1 ? " error" : " errors") + "; " + lastGood;
        }
        String count = switch (errors) {
            case 1 -> "خطأ واحد";
            case 2 -> "خطآن";
            default -> errors + (errors <= 10 ? " أخطاء" : " خطأً");
        };
        return "أرشيف: " + count + "؛ " + lastGood;
    }
}
