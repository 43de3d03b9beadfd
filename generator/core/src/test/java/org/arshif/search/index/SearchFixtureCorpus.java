package org.arshif.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arshif.search.SearchDocument;
import org.arshif.search.SearchDocument.SearchTag;
import org.arshif.search.analysis.AnalysisData;
import org.arshif.search.analysis.TextAnalyzer;

/** A small, deterministic bilingual archive for the search tests: PUD sentences grouped by document, plus traps. */
final class SearchFixtureCorpus {
    private static final String[][] TAGS = {
        {"politics", "سياسة", "Politics"},
        {"economy", "اقتصاد", "Economy"},
        {"culture", "ثقافة", "Culture"},
        {"world", "العالم", "World"},
    };

    private SearchFixtureCorpus() {}

    static List<SearchDocument> documents(String lang) throws IOException {
        Map<String, List<String>> byDoc = new LinkedHashMap<>();
        try (InputStream in = SearchFixtureCorpus.class.getResourceAsStream("/search-corpus/pud-sample.tsv")) {
            if (in == null) {
                throw new IOException("missing test resource /search-corpus/pud-sample.tsv");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].split("\t");
                if (cols.length < 4) {
                    continue;
                }
                byDoc.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(lang.equals("ar") ? cols[2] : cols[3]);
            }
        }
        List<SearchDocument> docs = new ArrayList<>();
        int n = 0;
        LocalDate start = LocalDate.of(2016, 1, 1);
        for (var e : byDoc.entrySet()) {
            List<String> sentences = e.getValue();
            String first = sentences.get(0);
            String[] words = first.split(" ");
            String title = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 7)));
            String body = String.join("\n\n", sentences);
            LocalDate date = start.plusDays(n * 23L);
            List<SearchTag> tags = new ArrayList<>();
            tags.add(tag(TAGS[n % TAGS.length], lang));
            if (n % 3 == 0) {
                tags.add(tag(TAGS[(n + 1) % TAGS.length], lang));
            }
            docs.add(doc(lang, e.getKey(), title, date, tags, body));
            n++;
        }
        // traps
        LocalDate d = LocalDate.of(2018, 3, 5);
        if (lang.equals("ar")) {
            String sana = resource("/search-corpus/sana-sample.txt");
            int nl = sana.indexOf('\n');
            docs.add(doc(
                    lang,
                    "sana",
                    sana.substring(0, nl).strip(),
                    LocalDate.of(2017, 5, 22),
                    List.of(tag(TAGS[0], lang), tag(TAGS[3], lang)),
                    sana.substring(nl + 1).strip()));
            docs.add(doc(
                    lang,
                    "hostile",
                    "<img src=x onerror=alert(1)> عنوان خبيث",
                    d,
                    List.of(tag(TAGS[2], lang)),
                    "نص عن الأمن الرقمي والمتصفحات الحديثة."));
            docs.add(doc(
                    lang,
                    "variant",
                    "الرئيس الأمريكي يزور المنطقة",
                    d.plusDays(1),
                    List.of(tag(TAGS[0], lang), tag(TAGS[3], lang)),
                    "قال مسؤول إن الرئيس الأمريكي سيزور المنطقة الأسبوع المقبل لبحث مناطق تخفيف التوتر."));
            // one stem (مدرس), two forms: a query for المدرسة ranks the form as typed above a title full of المدرسي
            docs.add(doc(
                    lang,
                    "stem-only",
                    "النشاط المدرسي",
                    d.plusDays(2),
                    List.of(tag(TAGS[2], lang)),
                    "النشاط المدرسي في كل فصل، ومدير النشاط المدرسي يتابعه."));
            docs.add(doc(
                    lang,
                    "exact-form",
                    "فصول جديدة هذا العام",
                    d.plusDays(3),
                    List.of(tag(TAGS[2], lang)),
                    "افتتحت المدرسة فصولا جديدة هذا العام."));
            // السلام (peace) is protected by the fixture's writer (a site's search: protect:), السلامة (safety) is not
            docs.add(doc(
                    lang,
                    "peace",
                    "محادثات السلام",
                    d.plusDays(4),
                    List.of(tag(TAGS[0], lang)),
                    "استؤنفت محادثات السلام."));
            docs.add(doc(
                    lang,
                    "safety",
                    "حملة السلامة",
                    d.plusDays(5),
                    List.of(tag(TAGS[2], lang)),
                    "حملة السلامة على الطرق."));
            // news titles that share a query's words (issue 13): the index ranks the newer first; the client's
            // title re-rank puts the title that holds the words in the query's order, and in the form typed, first
            docs.add(doc(
                    lang,
                    "title-order",
                    "مجلس الأمن يبحث الوضع في سورية",
                    d.plusDays(6),
                    List.of(tag(TAGS[0], lang)),
                    "عقد المجلس جلسة مغلقة."));
            docs.add(doc(
                    lang,
                    "title-scattered",
                    "الوضع في لبنان يقلق سورية كثيرا",
                    d.plusDays(7),
                    List.of(tag(TAGS[0], lang)),
                    "عقد المجلس جلسة مغلقة."));
            docs.add(doc(
                    lang,
                    "title-form",
                    "مؤتمر عن الإرهاب في حمص",
                    d.plusDays(8),
                    List.of(tag(TAGS[0], lang)),
                    "افتتح المؤتمر أعماله."));
            docs.add(doc(
                    lang,
                    "title-stem",
                    "إدانة الاعتداء الإرهابي في حمص",
                    d.plusDays(9),
                    List.of(tag(TAGS[0], lang)),
                    "أدانت الوزارة الإرهاب."));
            // a long title that holds both words of «الفوسفات الموانئ», and a short one that holds one of them and
            // whose body repeats the other (issue 13): by score alone the short title's share and the body's repeats
            // win; the client's title tier ranks the title that holds every word first, before the page re-rank
            docs.add(doc(
                    lang,
                    "title-all",
                    "وزير الاقتصاد يبحث مع وفد تجاري صادرات الفوسفات عبر الموانئ في الجنوب",
                    d.plusDays(10),
                    List.of(tag(TAGS[1], lang)),
                    "عقد الاجتماع في مقر الوزارة."));
            docs.add(doc(
                    lang,
                    "title-one",
                    "أسعار الفوسفات",
                    d.plusDays(11),
                    List.of(tag(TAGS[1], lang)),
                    "ازدحمت الموانئ بالسفن، وقالت إدارة الموانئ إن الموانئ تعمل بكامل طاقتها."));
            // a form's title tier is its own (issue 13, format 14): 8 older titles hold سورية, 12 newer ones hold
            // سوريا and their bodies سورية, 3 hold سوريا alone (so سورية is a form of its stem's documents, long
            // enough to be flags over its term's list); «سورية» ranks the 8 first on its first page (best postings)
            // and past it (complete lists) alike
            for (int i = 0; i < 23; i++) {
                String other = "قافلة مساعدات تصل إلى سوريا";
                docs.add(doc(
                        lang,
                        "convoy-" + i,
                        i < 8 ? "قافلة مساعدات تصل إلى سورية" : other,
                        d.plusDays(12 + i),
                        List.of(tag(TAGS[3], lang)),
                        i >= 8 && i < 20 ? "وصلت القافلة إلى سورية صباح اليوم." : "وصلت القافلة صباح اليوم."));
            }
        } else {
            docs.add(doc(
                    lang,
                    "hostile",
                    "<img src=x onerror=alert(1)> hostile title",
                    d,
                    List.of(tag(TAGS[2], lang)),
                    "A text about browser security and escaping."));
            docs.add(doc(
                    lang,
                    "phrase",
                    "Peaceful transition of power",
                    d.plusDays(1),
                    List.of(tag(TAGS[0], lang)),
                    "Power of transition was peaceful here, and the peaceful transition of power followed."));
            // a reader who remembers "Russia action" for this title finds it above bodies that say "action"
            docs.add(doc(
                    lang,
                    "inflected-title",
                    "Russia's actions anger the region",
                    d.plusDays(2),
                    List.of(tag(TAGS[3], lang)),
                    "Ministers met today."));
            docs.add(doc(
                    lang,
                    "body-form",
                    "Talks resume",
                    d.plusDays(3),
                    List.of(tag(TAGS[3], lang)),
                    "Russia said action would follow. Russia wants action now, and Russia expects action."));
        }
        return docs;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SearchFixtureCorpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SearchTag tag(String[] t, String lang) {
        return new SearchTag(t[0], lang.equals("ar") ? t[1] : t[2]);
    }

    private static SearchDocument doc(
            String lang, String slug, String title, LocalDate date, List<SearchTag> tags, String body) {
        String label = lang.equals("ar")
                ? date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear()
                : date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ROOT) + " "
                        + date.getDayOfMonth() + ", " + date.getYear();
        String url = "/" + lang + "/" + date.getYear() + "/" + slug + "/";
        return new SearchDocument(url, title, date.toString(), label, tags, body, lang);
    }

    /**
     * Small options so that the fixture has several shards, tails, card files and card chunks; السلام protected, as
     * a site's {@code search: protect: [السلام]} does.
     */
    static SearchIndexWriter fixtureWriter() {
        AnalysisData data = AnalysisData.standard().withProtected(List.of("السلام"));
        return SearchIndexWriter.builder(IndexAnalyzer.of(TextAnalyzer.of(data)))
                .hitsPerTerm(3)
                .shardTarget(3000)
                .longPostings(40)
                .tailTarget(300)
                .cardFileBytes(4096)
                .cardChunkBytes(1024)
                .threads(2)
                .build();
    }
}
