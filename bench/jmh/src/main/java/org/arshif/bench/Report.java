package org.arshif.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's CSV results ({@code -rf csv}) into the Markdown table of the README: throughput, time per
 * operation, the input each operation reads, and the throughput in MB/s of that input.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.arshif.bench.Report jmh.csv}
 */
public final class Report {
    private Report() {
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Input bytes per operation, by benchmark; what "MB/s" is measured against. */
    static Map<String, Long> inputBytes() throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("FrontMatterBench.split", utf8(FrontMatterBench.DISPATCH));
        m.put("FrontMatterBench.yamlParse", utf8(FrontMatterBench.YAML));
        m.put("DispatchReadBench.readMarkdown", (long) DispatchReadBench.MD.length);
        m.put("DispatchReadBench.readPlainText", (long) DispatchReadBench.TXT.length);
        m.put("TextConversionBench.markdownArabic", utf8(TextConversionBench.MD_AR));
        m.put("TextConversionBench.markdownEnglish", utf8(TextConversionBench.MD_EN));
        m.put("TextConversionBench.plainTextArabic", utf8(TextConversionBench.TXT_AR));
        m.put("TextConversionBench.plainTextEnglish", utf8(TextConversionBench.TXT_EN));
        m.put("AnalysisBench.normalizeArabic", utf8(AnalysisBench.PUD_AR));
        m.put("AnalysisBench.normalizeEnglish", utf8(AnalysisBench.PUD_EN));
        m.put("AnalysisBench.termsSana", utf8(AnalysisBench.SANA));
        m.put("AnalysisBench.termsArabic", utf8(AnalysisBench.PUD_AR));
        m.put("AnalysisBench.termsEnglish", utf8(AnalysisBench.PUD_EN));
        m.put("IndexWriteBench.writeArabic", IndexWriteBench.textBytes(IndexWriteBench.AR));
        m.put("IndexWriteBench.writeEnglish", IndexWriteBench.textBytes(IndexWriteBench.EN));
        Path dir = Files.createTempDirectory("arshif-jmh-report");
        try {
            Corpus.writeSite(dir, SiteBench.DISPATCHES);
            long sum = 0;
            try (var walk = Files.walk(dir.resolve("content"))) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    sum += Files.size(p);
                }
            }
            m.put("SiteBench.load", sum);
            m.put("SiteBench.build", sum);
        } finally {
            Corpus.delete(dir);
        }
        return m;
    }

    private static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String time(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        } else if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
    }

    private static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> sizes = inputBytes();
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        System.out.println("| benchmark | ops/s | ± (99.9%) | time/op | input/op | MB/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = csv(line);
            if (c.size() < 7 || !c.get(1).equals("thrpt") || !c.get(6).equals("ops/s")) {
                continue;
            }
            String name = c.get(0).replace("org.arshif.bench.", "");
            double score = Double.parseDouble(c.get(4));
            String err = c.get(5).equals("NaN") ? "—" : num(Double.parseDouble(c.get(5)));
            Long bytes = sizes.get(name);
            String in = bytes == null ? "—" : String.format(Locale.ROOT, "%,d B", bytes);
            String mbs = bytes == null ? "—" : String.format(Locale.ROOT, "%.1f", score * bytes / 1e6);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", name, num(score), err,
                    time(1 / score), in, mbs);
        }
    }
}
