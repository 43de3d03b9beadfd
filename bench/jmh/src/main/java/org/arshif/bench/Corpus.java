package org.arshif.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Real text for the benchmarks' inputs, and a small deterministic generator of dispatches and sites built from it.
 *
 * <p>The text is the SANA sample and the sentence pairs of UD Arabic-PUD (CC BY-SA 3.0), both shared with the
 * analyzer's tests and packed into the benchmark jar by the pom. Everything here is deterministic: the same call
 * gives the same bytes, so numbers from two runs are measured on the same input.
 */
public final class Corpus {
    /** Arabic sentences of UD Arabic-PUD, in file order. */
    public static final List<String> AR;
    /** Their English originals, index for index. */
    public static final List<String> EN;
    /** The SANA sample: an agency-form Arabic dispatch, title line, dateline, paragraphs and footer. */
    public static final String SANA;

    private static final String[] TAGS = {"syria", "russia", "economy", "politics", "culture", "sport", "health",
            "weather", "science", "energy"};
    private static final String[][] TAG_NAMES = {{"سورية", "Syria"}, {"روسيا", "Russia"}, {"اقتصاد", "Economy"},
            {"سياسة", "Politics"}, {"ثقافة", "Culture"}, {"رياضة", "Sport"}, {"صحة", "Health"}, {"طقس", "Weather"},
            {"علوم", "Science"}, {"طاقة", "Energy"}};

    static {
        SANA = resource("sana-sample.txt");
        List<String> ar = new ArrayList<>();
        List<String> en = new ArrayList<>();
        String[] lines = resource("ud-arabic-pud-parallel.tsv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cols = lines[i].split("\t");
            if (cols.length == 4) {
                ar.add(cols[2].strip());
                en.add(cols[3].strip());
            }
        }
        AR = List.copyOf(ar);
        EN = List.copyOf(en);
    }

    private Corpus() {
    }

    private static String resource(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("data/" + name)) {
            if (in == null) {
                throw new IllegalStateException("benchmark jar lacks org/arshif/bench/data/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} consecutive sentences of one language starting at {@code from}, joined by spaces. */
    public static String sentences(boolean arabic, int from, int count) {
        List<String> src = arabic ? AR : EN;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(src.get((from + i) % src.size()));
        }
        return sb.toString();
    }

    /** The body of a dispatch: {@code paragraphs} paragraphs of 3 sentences each, separated by blank lines. */
    private static List<String> paragraphs(boolean arabic, int from, int paragraphs) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            out.add(sentences(arabic, from + 3 * p, 3));
        }
        return out;
    }

    private static String title(boolean arabic, int i) {
        String s = (arabic ? AR : EN).get((i * 7 + 3) % AR.size());
        String[] words = s.replace("\"", "").replace("“", "").replace("”", "").split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < Math.min(words.length, 9); w++) {
            sb.append(w > 0 ? " " : "").append(words[w]);
        }
        return sb.toString().replaceAll("[.,:;]+$", "");
    }

    /**
     * A Markdown dispatch with Hugo-style front-matter: title, date, tags, translationKey, dateline, source,
     * summary; the body has emphasis, a link, a list and {@code paragraphs} paragraphs of real text.
     */
    public static String markdown(int i, boolean arabic, int paragraphs) {
        Random r = new Random(i);
        StringBuilder sb = new StringBuilder();
        sb.append("---\n");
        sb.append("title: \"").append(title(arabic, i).replace("\"", "")).append("\"\n");
        sb.append(String.format("date: 2017-%02d-%02dT%02d:%02d:00+03:00%n", 1 + i % 12, 1 + i % 28, 8 + i % 10,
                i % 60));
        sb.append("tags: [").append(TAGS[r.nextInt(3)]).append(", ").append(TAGS[3 + r.nextInt(7)]).append("]\n");
        sb.append("translationKey: d").append(i).append('\n');
        sb.append("dateline: ").append(arabic ? "دمشق" : "Damascus").append('\n');
        sb.append("source: ").append(arabic ? "سانا" : "SANA").append('\n');
        sb.append("summary: \"").append(sentences(arabic, i, 1).replace("\"", "'")).append("\"\n");
        sb.append("---\n\n");
        List<String> body = paragraphs(arabic, i * 5, paragraphs);
        for (int p = 0; p < body.size(); p++) {
            String text = body.get(p);
            if (p == 0) {
                int sp = text.indexOf(' ', 10);
                text = sp > 0 ? "**" + text.substring(0, sp) + "**" + text.substring(sp) : text;
            }
            if (p == 1) {
                text = text + " [" + (arabic ? "المصدر" : "source") + "](https://news.example/" + i + ")";
            }
            sb.append(text).append("\n\n");
            if (p == 2) {
                for (int k = 0; k < 3; k++) {
                    sb.append("- ").append(title(arabic, i + k + 1)).append('\n');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** An agency-form plain-text dispatch: title line, dateline, paragraphs, then SANA's footer and teaser. */
    public static String plainText(int i, boolean arabic, int paragraphs) {
        StringBuilder sb = new StringBuilder();
        sb.append(title(arabic, i)).append("\n\n");
        sb.append(arabic ? "دمشق-سانا" : "Damascus, SANA –").append("\n\n");
        for (String p : paragraphs(arabic, i * 5, paragraphs)) {
            sb.append(p).append("\n\n");
        }
        if (arabic) {
            sb.append("تابعوا آخر الأخبار السياسية والميدانية عبر تطبيق تيلغرام على الهواتف الذكية عبر الرابط :\n\n");
            sb.append("https://telegram.me/SyrianArabNewsAgency\n\nانظر ايضاً\n\n").append(title(true, i + 1));
        } else {
            sb.append("Follow the latest news on Telegram: https://telegram.me/SyrianArabNewsAgency\n\nSee also\n\n")
                    .append(title(false, i + 1));
        }
        return sb.append('\n').toString();
    }

    /**
     * Writes a bilingual site of {@code n} Arabic dispatches (three in four Markdown, one in four agency text) of
     * 2 to 9 paragraphs, 60% of them translated into English, with a tag vocabulary, into {@code root}.
     *
     * @return the number of dispatch files written
     */
    public static int writeSite(Path root, int n) throws IOException {
        Files.createDirectories(root.resolve("content/ar"));
        Files.createDirectories(root.resolve("content/en"));
        Files.writeString(root.resolve("arshif.yml"), """
                baseUrl: https://news.example/archive/
                defaultLanguage: ar
                languages: [ar, en]
                title:
                  ar: أرشيف الأخبار
                  en: News Archive
                pageSize: 10
                timeZone: Asia/Damascus
                """);
        StringBuilder tags = new StringBuilder();
        for (int t = 0; t < TAGS.length; t++) {
            tags.append(TAGS[t]).append(":\n  ar: ").append(TAG_NAMES[t][0]).append("\n  en: ")
                    .append(TAG_NAMES[t][1]).append('\n');
        }
        Files.writeString(root.resolve("content/tags.yml"), tags);
        Random r = new Random(42);
        int files = 0;
        for (int i = 0; i < n; i++) {
            int paragraphs = 2 + r.nextInt(8);
            String stem = String.format("2017-%02d-%02d-d%04d", 1 + i % 12, 1 + i % 28, i);
            if (i % 4 == 3) {
                Files.writeString(root.resolve("content/ar/" + stem + ".txt"), plainText(i, true, paragraphs));
            } else {
                Files.writeString(root.resolve("content/ar/" + stem + ".md"), markdown(i, true, paragraphs));
            }
            files++;
            if (r.nextInt(10) < 6) {
                Files.writeString(root.resolve("content/en/" + stem + ".md"), markdown(i, false, paragraphs));
                files++;
            }
        }
        return files;
    }

    /** Deletes a directory tree (benchmark scratch space). */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
