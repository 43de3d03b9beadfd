package org.arshif.search.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arshif.search.analysis.internal.TextNormalizer;

/**
 * The word lists an analyzer is built from, as parsed data files: entries as written, not yet
 * normalized (the analyzer normalizes them, the same way on both sides).
 *
 * <p>The standard lists live next to this class as {@code protected.txt}, {@code variants.txt},
 * {@code stopwords-ar.txt}, {@code stopwords-en.txt} and {@code waw-root.txt}: UTF-8, one entry per line,
 * {@code #} starts a comment, blank lines are ignored. A line of {@code variants.txt} is a group: the
 * canonical spelling first, then the spellings that join it, separated by spaces.
 *
 * <pre>{@code
 * AnalysisData data = AnalysisData.standard();
 * TextAnalyzer custom = TextAnalyzer.of(new AnalysisData(
 *         data.protectedWords(), List.of("سورية سوريا"), data.stopwordsAr(), data.stopwordsEn()));
 * }</pre>
 *
 * @param protectedWords words never stemmed (place, agency and month names)
 * @param variants       variant groups, one line each: canonical spelling, then its variants
 * @param stopwordsAr    Arabic stopwords
 * @param stopwordsEn    English stopwords
 * @param rootWaw        words whose first و is the root's (وزارة, وجود): their light stem's words get no
 *                       conjunction reading, so زار does not find وزارة
 */
public record AnalysisData(
        List<String> protectedWords,
        List<String> variants,
        List<String> stopwordsAr,
        List<String> stopwordsEn,
        List<String> rootWaw) {
    public AnalysisData {
        protectedWords = List.copyOf(protectedWords);
        variants = List.copyOf(variants);
        stopwordsAr = List.copyOf(stopwordsAr);
        stopwordsEn = List.copyOf(stopwordsEn);
        rootWaw = List.copyOf(rootWaw);
    }

    /** The lists with no root-و words: every و-initial word keeps its conjunction reading. */
    public AnalysisData(
            List<String> protectedWords, List<String> variants, List<String> stopwordsAr, List<String> stopwordsEn) {
        this(protectedWords, variants, stopwordsAr, stopwordsEn, List.of());
    }

    /** The data files shipped with Arshif, read from the classpath. */
    public static AnalysisData standard() {
        return new AnalysisData(
                resource("protected.txt"),
                resource("variants.txt"),
                resource("stopwords-ar.txt"),
                resource("stopwords-en.txt"),
                resource("waw-root.txt"));
    }

    /**
     * These lists with {@code words} protected too (a site's {@code search: protect:}), in the order given, after
     * its own. A word that is not one word once normalized, or that is a stopword, is left out: the analyzer could
     * not keep it whole. The standard lists are never changed.
     */
    public AnalysisData withProtected(List<String> words) {
        Set<String> stop = new HashSet<>();
        stopwordsAr.forEach(w -> stop.add(TextNormalizer.normalize(w, false).toString()));
        stopwordsEn.forEach(w -> stop.add(TextNormalizer.normalize(w, false).toString()));
        List<String> all = new ArrayList<>(protectedWords);
        for (String w : words) {
            String n = TextNormalizer.normalize(w, false).toString();
            if (!n.isEmpty() && n.codePoints().allMatch(TextNormalizer::isTokenChar) && !stop.contains(n)) {
                all.add(w);
            }
        }
        return new AnalysisData(all, variants, stopwordsAr, stopwordsEn, rootWaw);
    }

    /**
     * Parses a data file: lines split on {@code \n} (a trailing {@code \r} is dropped), everything
     * from {@code #} on removed, ASCII spaces and tabs trimmed, blank lines skipped; a leading BOM is
     * ignored. {@code analyzer.js} exports the same function as {@code parseDataFile}.
     *
     * <pre>{@code
     * AnalysisData.parseDataFile("# months\nكانون\n\nتشرين  # Tishreen\n")  // [كانون, تشرين]
     * }</pre>
     */
    public static List<String> parseDataFile(String text) {
        List<String> out = new ArrayList<>();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            int from = 0;
            int to = line.length();
            while (from < to && isBlank(line.charAt(from))) {
                from++;
            }
            while (to > from && isBlank(line.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                out.add(line.substring(from, to));
            }
        }
        return out;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static List<String> resource(String name) {
        try (InputStream in = AnalysisData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing analysis data file " + name);
            }
            return parseDataFile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
