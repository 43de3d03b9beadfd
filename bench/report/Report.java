/*
 * Arshif benchmark: turns the raw measurements of one bench/run into the markdown of bench/RESULTS.md.
 *
 *   java bench/report/Report.java bench/work/results/<stamp>
 *
 * Reads runs.tsv (size tool run kind wall user sys maxrss_kb exit), outputs.tsv (size tool key value),
 * machine.tsv (key value) and notes.txt from that folder.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

public class Report {

    record Run(int size, String tool, String run, String kind, double wall, double cpu, double rssMb, int exit) {}

    static final List<String> TOOL_ORDER = List.of("cli", "mvn", "hugo", "cli1g");
    static final Map<String, String> TOOL_NAME = Map.of(
        "cli", "Arshif `java -jar`", "mvn", "Arshif `mvn package`", "hugo", "Hugo", "cli1g", "Arshif `java -Xmx1g -jar`",
        "cli-serve", "Arshif `java -jar … serve` (first timed edit)");

    static List<Run> runs = new ArrayList<>();
    static Map<String, String> outputs = new LinkedHashMap<>();   // size|tool|key -> value
    static Map<String, String> machine = new LinkedHashMap<>();
    static StringBuilder md = new StringBuilder();

    static List<String> commands = new ArrayList<>();
    static Map<String, String> summaries = new TreeMap<>();   // size|tool -> the tool's own last output line

    /** One or more result folders of bench/run; a tool measured at a size in a later folder replaces the earlier folder's runs of it. */
    public static void main(String[] args) throws IOException {
        List<String> notes = new ArrayList<>();
        for (String a : args) {
            Path dir = Paths.get(a);
            List<Run> these = new ArrayList<>();
            for (String l : Files.readAllLines(dir.resolve("runs.tsv"), StandardCharsets.UTF_8)) {
                String[] f = l.split("\t");
                if (f.length < 9) continue;
                these.add(new Run(Integer.parseInt(f[0]), f[1], f[2], f[3], num(f[4]),
                    num(f[5]) + num(f[6]), num(f[7]) / 1024.0, Integer.parseInt(f[8])));
            }
            TreeSet<Integer> sizes = new TreeSet<>();
            java.util.Set<String> measured = new java.util.HashSet<>();   // size|tool
            for (Run r : these) { sizes.add(r.size()); measured.add(r.size() + "|" + r.tool()); }
            runs.removeIf(r -> measured.contains(r.size() + "|" + r.tool()));
            runs.addAll(these);
            for (String l : Files.readAllLines(dir.resolve("outputs.tsv"), StandardCharsets.UTF_8)) {
                String[] f = l.split("\t");
                if (f.length >= 4) outputs.put(f[0] + "|" + f[1] + "|" + f[2], f[3]);
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String l : Files.readAllLines(dir.resolve("machine.tsv"), StandardCharsets.UTF_8)) {
                int t = l.indexOf('\t');
                if (t > 0) m.put(l.substring(0, t), l.substring(t + 1));
            }
            commands.add(m.getOrDefault("command", "bench/run") + "` (" + m.getOrDefault("date", "?") + ", load "
                + m.getOrDefault("load", "?").replaceAll(" \\(.*", "") + ", sizes " + sizes + ")`");
            machine.clear(); machine.putAll(m);   // the last folder: the run that writes the report
            // a note about a tool at a size this folder measured again is about runs no longer reported
            boolean dropping = false;   // a note's indented lines (its log's tail) go with it
            for (java.util.Iterator<String> it = notes.iterator(); it.hasNext(); ) {
                String n = it.next();
                if (!n.startsWith(" ")) {
                    dropping = measured.stream().anyMatch(st -> n.startsWith(st.split("\\|")[1] + " failed at " + st.split("\\|")[0] + " "));
                }
                if (dropping) it.remove();
            }
            if (Files.exists(dir.resolve("notes.txt"))) notes.addAll(Files.readAllLines(dir.resolve("notes.txt"), StandardCharsets.UTF_8));
            try (var logs = Files.list(dir)) {
                for (Path p : logs.filter(p -> p.getFileName().toString().startsWith("log-")).sorted().toList()) {
                    String[] parts = p.getFileName().toString().replace(".txt", "").split("-", 3);
                    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                    String last = "";
                    String summary = "";   // Arshif's own line (under mvn, among Maven's)
                    for (String l : lines) {
                        String c = l.replaceAll("\u001B\\[[0-9;]*m", "").strip();
                        if (c.chars().anyMatch(Character::isLetter)) last = c;
                        if (c.matches(".* in [0-9]+ ms \\[.*")) summary = c.replaceFirst("^\\[INFO\\] ", "");
                    }
                    if (!summary.isEmpty()) last = summary;
                    if (!last.isEmpty()) summaries.put(parts[1] + "|" + parts[2], last);
                }
            }
        }

        md.append("# Benchmark results\n\n");
        md.append("Written by `bench/run` (see `bench/README.md`); medians of the timed runs, output on tmpfs.\n\n");
        md.append("| machine | |\n|---|---|\n");
        for (Map.Entry<String, String> e : machine.entrySet()) {
            if (e.getKey().equals("command")) continue;
            md.append("| ").append(e.getKey()).append(" | ").append(e.getValue().replace("|", "\\|")).append(" |\n");
        }
        md.append("\n");
        for (String c : commands) md.append("Command: `").append(c.replace("` (", "` (").replaceAll("`$", "")).append("\n");

        TreeSet<Integer> sizes = new TreeSet<>();
        for (Run r : runs) sizes.add(r.size());
        for (int size : sizes) sizeSection(size);
        scaling(sizes);
        targets(sizes);
        if (!summaries.isEmpty()) {
            md.append("\n## What Arshif printed (first timed full build, or edit in `serve`)\n\n");
            for (Map.Entry<String, String> e : summaries.entrySet()) {
                String[] k = e.getKey().split("\\|");
                if (k[1].startsWith("hugo")) continue;
                md.append("- ").append(String.format(Locale.ROOT, "%,d", Integer.parseInt(k[0]))).append(", ")
                    .append(TOOL_NAME.getOrDefault(k[1], k[1])).append(": `").append(e.getValue().replace("`", "'")).append("`\n");
            }
        }

        if (!notes.isEmpty()) {
            md.append("\n## Notes from this run\n\n");
            for (String n : notes) if (!n.isBlank()) md.append(n.startsWith("    ") ? "    " + n.strip() : "- " + n).append('\n');
        }
        md.append("""

            ## How to read this

            - **wall / CPU / peak RSS**: `/usr/bin/time` of the whole command (JVM or Maven start included), median of
              the timed runs, with min–max. CPU is user + system time over all threads.
            - **rebuild after one edit**: one Arabic `.md` dispatch gets a paragraph appended, then the same command
              runs again on the existing output. Hugo has no build cache for `hugo`: its figure is another full build.
            - **rebuild with nothing changed**: the same command again on an unchanged archive, before the edit
              (Hugo: not run; it would be another full build). **Arshif's own part** is the time of the build's own
              summary line (`… in N ms [load …]`), without the JVM's start and, under `mvn`, Maven's.
            - **serve mode**: Arshif's `serve` (`java -jar`, in the `java -jar` column) and `hugo server` (in memory,
              fast render) get the same edit; "own figure" is the time each prints (`Rebuilt in … ms`, `Total in … ms`),
              "edit → rebuilt" the time from the write until that line appears, "edit → page served" until a GET of
              the dispatch's page, sent then, returns the new paragraph (Arshif renders a page when it is asked for).
            - **pages**: `.html` files written, not counting redirect stubs (`http-equiv="refresh"`: Hugo's `page/1/`
              and alias pages, Arshif's alias pages), which are counted apart.
            - **search index**: files under `site/<lang>/search/`. The query columns count what a browser fetches for
              a query of one to three words: cold = nothing cached (client scripts counted as stored, and in
              brackets gzip'd as a compressing host sends them, the manifest, the shards the words need); warm =
              client and manifest cached; no Range = warm, from a host that ignores Range (whole files).
            - **ratio**: Arshif's median over Hugo's; below 1 means Arshif is faster or smaller.
            """);
        System.out.print(md);
    }

    static double num(String s) {
        try { return Double.parseDouble(s); } catch (NumberFormatException | NullPointerException e) { return Double.NaN; }
    }

    static List<Run> select(int size, String tool, String kind) {
        List<Run> l = new ArrayList<>();
        for (Run r : runs) if (r.size() == size && r.tool().equals(tool) && r.kind().equals(kind) && r.exit() == 0) l.add(r);
        return l;
    }

    interface Metric { double of(Run r); }

    static double median(List<Run> l, Metric m) {
        List<Double> v = new ArrayList<>();
        for (Run r : l) if (!Double.isNaN(m.of(r))) v.add(m.of(r));
        if (v.isEmpty()) return Double.NaN;
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    static String spread(List<Run> l, Metric m, String fmt) {
        double med = median(l, m);
        if (Double.isNaN(med)) return "—";
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (Run r : l) { lo = Math.min(lo, m.of(r)); hi = Math.max(hi, m.of(r)); }
        String s = String.format(Locale.ROOT, fmt, med);
        if (l.size() > 1) s += String.format(Locale.ROOT, " (" + fmt + "–" + fmt + ")", lo, hi);
        return s;
    }

    static String out(int size, String tool, String key) { return outputs.get(size + "|" + tool + "|" + key); }

    static String fmtInt(String v) {
        if (v == null) return "—";
        try { return String.format(Locale.ROOT, "%,d", Long.parseLong(v)); } catch (NumberFormatException e) { return v; }
    }

    static String fmtBytes(String v) {
        if (v == null) return "—";
        try {
            long b = (long) Double.parseDouble(v);   // awk may have written a large sum as 2.88419e+09
            if (b >= 10L << 20) return String.format(Locale.ROOT, "%.0f MB", b / 1048576.0);
            if (b >= 1L << 20) return String.format(Locale.ROOT, "%.1f MB", b / 1048576.0);
            if (b >= 10L << 10) return String.format(Locale.ROOT, "%.0f KB", b / 1024.0);
            return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
        } catch (NumberFormatException e) { return v; }
    }

    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) return "—";
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    static void sizeSection(int size) {
        List<String> tools = new ArrayList<>();
        for (String t : TOOL_ORDER) for (Run r : runs) if (r.size() == size && r.tool().equals(t)) { if (!tools.contains(t)) tools.add(t); }
        boolean hugo = tools.contains("hugo");
        List<String> arshif = tools.stream().filter(t -> !t.equals("hugo")).toList();

        String en = out(size, "-", "dispatches_en");
        md.append(String.format(Locale.ROOT, "%n## %,d dispatches%n%n", size));
        md.append(String.format(Locale.ROOT, "%,d Arabic dispatches, %s translated into English; %s of content.%n%n",
            size, fmtInt(en), fmtBytes(out(size, "-", "content_bytes"))));

        StringBuilder head = new StringBuilder("| measure |");
        StringBuilder sep = new StringBuilder("|---|");
        for (String t : tools) { head.append(' ').append(TOOL_NAME.get(t)).append(" |"); sep.append("---:|"); }
        if (hugo) for (String t : arshif) { head.append(' ').append(t.equals("cli") ? "jar" : t).append(" / Hugo |"); sep.append("---:|"); }
        md.append(head).append('\n').append(sep).append('\n');

        row(size, tools, arshif, hugo, "wall time, s", "full", r -> r.wall(), "%.2f");
        row(size, tools, arshif, hugo, "CPU time, s", "full", r -> r.cpu(), "%.1f");
        row(size, tools, arshif, hugo, "peak RSS, MB", "full", r -> r.rssMb(), "%.0f");
        // The Maven goal's first build answers once its site is in place; its warm process fills the cache after.
        row(size, tools, arshif, hugo, "`mvn`: the cache filled after Maven's answer (warm process), s", "full-fill", r -> r.wall(), "%.2f");
        row(size, tools, arshif, hugo, "`mvn`: that fill's CPU, s", "full-fill", r -> r.cpu(), "%.1f");
        row(size, tools, arshif, hugo, "rebuild after one edit, s", "rebuild", r -> r.wall(), "%.2f");
        row(size, tools, arshif, hugo, "rebuild after one edit: Arshif's own part, s (its summary line)", "rebuild-own", r -> r.wall(), "%.2f");
        row(size, tools, arshif, hugo, "rebuild with nothing changed, s", "noop", r -> r.wall(), "%.2f");
        row(size, tools, arshif, hugo, "rebuild with nothing changed: Arshif's own part, s (its summary line)", "noop-own", r -> r.wall(), "%.2f");
        serveRow(size, tools, arshif, hugo, "rebuild in serve mode, s (tool's own figure)", "serve");
        serveRow(size, tools, arshif, hugo, "edit → rebuilt in serve mode, s (file watcher included)", "serve-wall");
        serveRow(size, tools, arshif, hugo, "edit → edited page served in serve mode, s (HTTP)", "serve-page");
        outRow(size, tools, arshif, hugo, "pages (HTML, no redirects)", "pages", false);
        outRow(size, tools, arshif, hugo, "redirect pages", "redirects", false);
        outRow(size, tools, arshif, hugo, "article pages, ar", "articles_ar", false);
        outRow(size, tools, arshif, hugo, "article pages, en", "articles_en", false);
        outRow(size, tools, arshif, hugo, "feeds (.xml)", "feeds", false);
        outRow(size, tools, arshif, hugo, "files written", "files", false);
        outRow(size, tools, arshif, hugo, "bytes written", "bytes", true);
        outRow(size, tools, arshif, hugo, "search index files", "search_files", false);
        outRow(size, tools, arshif, hugo, "search index bytes", "search_bytes", true);
        queryRows(size, tools, arshif, hugo);
        pagefindSection(size);
    }

    /**
     * Arshif's search phase and whole build, from the `java -jar` summary line: {search wall s, search CPU s,
     * build wall s, build CPU s}, NaN where the line does not say.
     */
    static double[] searchPhase(int size) {
        String sum = summaries.get(size + "|cli");
        double[] r = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (sum == null) return r;
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("search (\\d+) ms").matcher(sum);
        if (w.find()) r[0] = Double.parseDouble(w.group(1)) / 1000;
        java.util.regex.Matcher t = java.util.regex.Pattern.compile(" in (\\d+) ms").matcher(sum);
        if (t.find()) r[2] = Double.parseDouble(t.group(1)) / 1000;
        java.util.regex.Matcher cpu = java.util.regex.Pattern.compile("\\(CPU: (.*)\\)").matcher(sum);
        if (cpu.find()) {
            r[3] = 0;
            for (String part : cpu.group(1).split(", ")) {
                String[] kv = part.split(" ");
                double secs = Double.parseDouble(kv[1]);
                r[3] += secs;
                if (kv[0].equals("search")) r[1] = secs;
            }
        }
        return r;
    }

    /** Pagefind run on the pages of the first `java -jar` build (tool "pagefind", kind "index"). */
    static void pagefindSection(int size) {
        List<Run> pf = select(size, "pagefind", "index");
        if (pf.isEmpty()) return;
        Run p = pf.get(0);
        double[] a = searchPhase(size);
        md.append("\nSearch index against Pagefind (").append(machine.getOrDefault("pagefind", "pagefind"))
            .append("), run once on the very pages the first `java -jar` build wrote, with its defaults")
            .append(p.exit() == 0 ? "" : " (**it failed, exit " + p.exit() + "**)")
            .append(". Arshif's figures are its build's search phase; its peak memory is the whole build's.\n\n")
            .append("| measure | Arshif | Pagefind | Arshif / Pagefind |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| wall time, s | %.2f | %.2f | %s |%n", a[0], p.wall(), ratio(a[0], p.wall())));
        md.append(String.format(Locale.ROOT, "| CPU time, s | %.1f | %.1f | %s |%n", a[1], p.cpu(), ratio(a[1], p.cpu())));
        double rss = median(select(size, "cli", "full"), Run::rssMb);
        md.append(String.format(Locale.ROOT, "| peak RSS, MB | %.0f | %.0f | %s |%n", rss, p.rssMb(), ratio(rss, p.rssMb())));
        String af = out(size, "cli", "search_files"), pff = out(size, "pagefind", "files");
        String ab = out(size, "cli", "search_bytes"), pfb = out(size, "pagefind", "bytes");
        md.append("| files | ").append(fmtInt(af)).append(" | ").append(fmtInt(pff)).append(" | ")
            .append(ratio(num(af), num(pff))).append(" |\n");
        md.append("| bytes | ").append(fmtBytes(ab)).append(" | ").append(fmtBytes(pfb)).append(" | ")
            .append(ratio(num(ab), num(pfb))).append(" |\n");
    }

    static void ownTarget(int size, String kind, String label, double limit) {
        double own = median(select(size, "mvn", kind), Run::wall);
        double whole = median(select(size, "mvn", kind.replace("-own", "")), Run::wall);
        md.append("| ").append(label).append(" | ")
            .append(Double.isNaN(own) ? "not measured" : String.format(Locale.ROOT, "%.2f s (Maven's whole run %.2f s)", own, whole))
            .append(" | ").append(Double.isNaN(own) ? "—" : own <= limit ? "met" : "**not met**").append(" |\n");
    }

    static void row(int size, List<String> tools, List<String> arshif, boolean hugo, String label, String kind, Metric m, String fmt) {
        StringBuilder b = new StringBuilder("| ").append(label).append(" |");
        for (String t : tools) b.append(' ').append(spread(select(size, t, kind), m, fmt)).append(" |");
        if (hugo) {
            double h = median(select(size, "hugo", kind), m);
            for (String t : arshif) b.append(' ').append(ratio(median(select(size, t, kind), m), h)).append(" |");
        }
        md.append(b).append('\n');
    }

    /**
     * Serve-mode rebuilds are recorded as tools "hugo-serve" (`hugo server`) and "cli-serve" (Arshif's `serve`,
     * run with `java -jar`, shown in the `java -jar` column), kinds serve / serve-wall / serve-page.
     */
    static void serveRow(int size, List<String> tools, List<String> arshif, boolean hugo, String label, String kind) {
        boolean any = false;
        StringBuilder b = new StringBuilder("| ").append(label).append(" |");
        for (String t : tools) {
            List<Run> l = select(size, t + "-serve", kind);
            any |= !l.isEmpty();
            b.append(' ').append(spread(l, r -> r.wall(), "%.3f")).append(" |");
        }
        if (!any) return;
        if (hugo) {
            double h = median(select(size, "hugo-serve", kind), Run::wall);
            for (String t : arshif) b.append(' ').append(ratio(median(select(size, t + "-serve", kind), Run::wall), h)).append(" |");
        }
        md.append(b).append('\n');
    }

    static void outRow(int size, List<String> tools, List<String> arshif, boolean hugo, String label, String key, boolean bytes) {
        StringBuilder b = new StringBuilder("| ").append(label).append(" |");
        boolean any = false;
        for (String t : tools) {
            String v = out(size, t, key);
            any |= v != null;
            b.append(' ').append(bytes ? fmtBytes(v) : fmtInt(v)).append(" |");
        }
        if (!any) return;
        if (hugo) {
            String h = out(size, "hugo", key);
            for (String t : arshif) {
                String v = out(size, t, key);
                b.append(' ').append(v == null || h == null ? "—" : ratio(num(v), num(h))).append(" |");
            }
        }
        md.append(b).append('\n');
    }

    /** Keys written by query-cost.mjs: q|lang|word|cold_bytes etc. */
    static void queryRows(int size, List<String> tools, List<String> arshif, boolean hugo) {
        TreeMap<String, Boolean> queries = new TreeMap<>();
        for (String k : outputs.keySet()) {
            String[] p = k.split("\\|", 3);
            if (Integer.parseInt(p[0]) == size && p[2].startsWith("q:")) {
                String[] q = p[2].split(":");
                if (q.length >= 4) queries.put(q[1] + ":" + q[2], true);
            }
        }
        boolean todo = false;
        for (String t : arshif) if ("TODO".equals(out(size, t, "q:todo"))) todo = true;
        if (queries.isEmpty() || todo) {
            StringBuilder b = new StringBuilder("| one-word query, cold / warm |");
            for (String t : tools) b.append(t.equals("hugo") ? " (no search) |" : " TODO: bench/query-cost.mjs |");
            if (hugo) for (String t : arshif) b.append(" — |");
            md.append(b).append('\n');
            return;
        }
        for (String q : queries.keySet()) {
            if (q.startsWith("todo")) continue;
            StringBuilder b = new StringBuilder("| query `").append(q.replace(':', ' ')).append("`: cold (client gzip'd) / warm |");
            for (String t : tools) {
                if (t.equals("hugo")) { b.append(" (no search) |"); continue; }
                String cb = out(size, t, "q:" + q + ":cold_bytes"), cr = out(size, t, "q:" + q + ":cold_requests");
                String wb = out(size, t, "q:" + q + ":warm_bytes"), wr = out(size, t, "q:" + q + ":warm_requests");
                String hits = out(size, t, "q:" + q + ":hits");
                String gz = out(size, t, "q:" + q + ":cold_bytes_gz");
                String nb = out(size, t, "q:" + q + ":norange_bytes"), nr = out(size, t, "q:" + q + ":norange_requests");
                b.append(' ').append(fmtBytes(cb)).append(gz == null ? "" : " (" + fmtBytes(gz) + " gzip'd)")
                    .append(" in ").append(cr == null ? "—" : cr).append(" req / ")
                    .append(fmtBytes(wb)).append(" in ").append(wr == null ? "—" : wr).append(" req")
                    .append(nb == null ? "" : "; no Range " + fmtBytes(nb) + " in " + nr + " req")
                    .append(hits == null ? "" : " (" + fmtInt(hits) + " hits)").append(" |");
            }
            if (hugo) for (String t : arshif) b.append(" — |");
            md.append(b).append('\n');
        }
    }

    /** Issue 5's targets, with what this run shows. */
    static void targets(TreeSet<Integer> sizes) {
        md.append("\n## Targets (issue 5)\n\n| target | measured | status |\n|---|---|---|\n");
        int k10 = 10000, k100 = 100000;
        double hugo10 = median(select(k10, "hugo", "full"), Run::wall);
        double mvn10 = median(select(k10, "mvn", "full"), Run::wall);
        double cli10 = median(select(k10, "cli", "full"), Run::wall);
        target("full build, 10k, `mvn` ≤ 0.7× Hugo's wall time", mvn10 / hugo10, 0.7, "×");
        target("full build, 10k, `java -jar` ≤ 0.5× Hugo's wall time", cli10 / hugo10, 0.5, "×");
        double rssH = median(select(k10, "hugo", "full"), Run::rssMb);
        double rssC = median(select(k10, "cli", "full"), Run::rssMb);
        double rssM = median(select(k10, "mvn", "full"), Run::rssMb);
        target("peak memory, 10k, `java -jar` ≤ 0.3× Hugo's", rssC / rssH, 0.3, "×");
        target("peak memory, 10k, `mvn` ≤ 0.3× Hugo's", rssM / rssH, 0.3, "×");
        List<Run> capped = new ArrayList<>();
        for (Run r : runs) if (r.size() == k100 && r.tool().equals("cli1g") && r.kind().equals("full")) capped.add(r);
        if (capped.isEmpty()) md.append("| 100k completes with `-Xmx1g` | not run (`--with-100k`) | — |\n");
        else {
            boolean ok = capped.stream().allMatch(r -> r.exit() == 0);
            md.append("| 100k completes with `-Xmx1g` | ").append(ok ? "completed" : "failed").append(" | ").append(ok ? "met" : "**not met**").append(" |\n");
        }
        double h100 = median(select(k100, "hugo", "full"), Run::wall);
        double c100 = median(select(k100, "cli1g", "full"), Run::wall);
        if (Double.isNaN(c100)) c100 = median(select(k100, "cli", "full"), Run::wall);
        target("full build, 100k, wall time ≤ Hugo's", c100 / h100, 1.0, "×");
        double[] phase = searchPhase(k10);
        if (!Double.isNaN(phase[0]) && !Double.isNaN(phase[2])) {
            double share = phase[0] / phase[2];
            md.append(String.format(Locale.ROOT, "| search index ≤ 15%% of the build (10k, Arshif's own phase timings) | %.0f%% (%.0f of %.0f ms) | %s |%n",
                share * 100, phase[0] * 1000, phase[2] * 1000, share <= 0.15 ? "met" : "**not met**"));
        } else {
            md.append("| search index ≤ 15% of the build | not measured (needs Arshif's phase timings at 10k) | — |\n");
        }
        if (!Double.isNaN(phase[1]) && phase[3] > 0) {
            md.append(String.format(Locale.ROOT, "| search index ≤ 15%% of the build, by CPU time (10k) | %.0f%% (%.1f of %.1f s) | %s |%n",
                phase[1] / phase[3] * 100, phase[1], phase[3], phase[1] / phase[3] <= 0.15 ? "met" : "**not met**"));
        }
        List<Run> pf = select(k10, "pagefind", "index");
        double[] ph = phase;
        if (pf.isEmpty() || Double.isNaN(ph[0])) {
            md.append("| search index ≥ 10× faster than Pagefind, ≤ 1/25 of its files | not measured (Pagefind not installed: `npm ci --prefix bench/pagefind`) | — |\n");
        } else {
            double speed = pf.get(0).wall() / ph[0];
            double files = num(out(k10, "cli", "search_files")) / num(out(k10, "pagefind", "files"));
            md.append(String.format(Locale.ROOT, "| search index ≥ 10× faster than Pagefind (wall), 10k | %.1f× faster (%.2f s against %.2f s) | %s |%n",
                speed, ph[0], pf.get(0).wall(), speed >= 10 ? "met" : "**not met**"));
            md.append(String.format(Locale.ROOT, "| search index ≤ 1/25 of Pagefind's files, 10k | 1/%.0f (%s against %s) | %s |%n",
                1 / files, fmtInt(out(k10, "cli", "search_files")), fmtInt(out(k10, "pagefind", "files")), files <= 1.0 / 25 ? "met" : "**not met**"));
        }
        double serveH = median(select(k10, "hugo-serve", "serve"), Run::wall);
        double serveC = median(select(k10, "cli-serve", "serve"), Run::wall);
        md.append("| one-dispatch rebuild in `serve`, 10k, < 100 ms and ≤ 0.1× `hugo server`'s | ")
            .append(Double.isNaN(serveC) ? "not measured" : String.format(Locale.ROOT, "%.0f ms", serveC * 1000))
            .append(Double.isNaN(serveH) ? "" : String.format(Locale.ROOT, "; `hugo server`: %.0f ms", serveH * 1000))
            .append(" | ").append(Double.isNaN(serveC) ? "—" : serveC < 0.1 && (Double.isNaN(serveH) || serveC <= 0.1 * serveH) ? "met" : "**not met**").append(" |\n");
        double reb = median(select(k10, "mvn", "rebuild"), Run::wall);
        md.append("| one-dispatch rebuild, 10k, repeated `package` < 2 s | ")
            .append(Double.isNaN(reb) ? "not measured" : String.format(Locale.ROOT, "%.2f s", reb))
            .append(" | ").append(Double.isNaN(reb) ? "—" : reb < 2 ? "met" : "**not met**").append(" |\n");
        // Issue 14's forms of the same two rebuilds: Arshif's own part, Maven's start-up apart.
        ownTarget(k10, "rebuild-own", "`mvn package` after one edited dispatch, 10k, Arshif's own part ≤ 2 s", 2.0);
        ownTarget(k10, "noop-own", "`mvn package` again with nothing changed, 10k, Arshif's own part ≤ 1.5 s", 1.5);
        if (sizes.contains(1000) && sizes.contains(10000) && sizes.contains(100000)) {
            for (String t : List.of("cli", "mvn")) {
                double a = median(select(1000, t, "full"), Run::wall), b = median(select(10000, t, "full"), Run::wall),
                    c = median(select(100000, t, "full"), Run::wall);
                double m1 = (b - a) / 9000, m2 = (c - b) / 90000;
                target("linear 1k → 10k → 100k (" + TOOL_NAME.get(t) + "): marginal cost ratio within 10%",
                    m2 / m1, 1.1, "");
            }
        } else {
            md.append("| linear 1k → 10k → 100k within 10% per dispatch | needs all three sizes | — |\n");
        }
        md.append("\nWall-time ratios on a loaded machine are noisy: see the min–max and the load average above.\n");
    }

    static void target(String label, double value, double limit, String unit) {
        md.append("| ").append(label).append(" | ");
        if (Double.isNaN(value) || Double.isInfinite(value)) { md.append("not measured | — |\n"); return; }
        md.append(String.format(Locale.ROOT, "%.2f%s", value, unit)).append(" | ")
            .append(value <= limit ? "met" : "**not met**").append(" |\n");
    }

    static void scaling(TreeSet<Integer> sizes) {
        if (sizes.size() < 2) return;
        md.append("\n## Scaling: cost per dispatch\n\n");
        md.append("Median wall time divided by the number of Arabic dispatches, and the marginal cost between two sizes "
            + "(extra time / extra dispatches). Linear growth means equal marginal costs; the target is within 10%.\n\n");
        StringBuilder head = new StringBuilder("| tool |"), sep = new StringBuilder("|---|");
        for (int s : sizes) { head.append(String.format(Locale.ROOT, " %,d: s · ms/dispatch |", s)); sep.append("---:|"); }
        Integer prev = null;
        List<String> steps = new ArrayList<>();
        for (int s : sizes) { if (prev != null) steps.add(prev + "→" + s); prev = s; }
        for (String st : steps) {
            String[] p = st.split("→");
            head.append(String.format(Locale.ROOT, " marginal %,dk→%,dk, ms/dispatch |", Integer.parseInt(p[0]) / 1000, Integer.parseInt(p[1]) / 1000));
            sep.append("---:|");
        }
        if (steps.size() == 2) { head.append(" marginal ratio |"); sep.append("---:|"); }
        md.append(head).append('\n').append(sep).append('\n');
        for (String t : TOOL_ORDER) {
            if (t.equals("cli1g")) continue;
            boolean any = false;
            StringBuilder b = new StringBuilder("| ").append(TOOL_NAME.get(t)).append(" |");
            Map<Integer, Double> w = new TreeMap<>();
            for (int s : sizes) {
                double m = median(select(s, t, "full"), Run::wall);
                if (!Double.isNaN(m)) { any = true; w.put(s, m); }
                b.append(Double.isNaN(m) ? " — |" : String.format(Locale.ROOT, " %.2f · %.3f |", m, m * 1000 / s));
            }
            if (!any) continue;
            List<Double> marg = new ArrayList<>();
            prev = null;
            for (int s : sizes) {
                if (prev != null) {
                    Double a = w.get(prev), c = w.get(s);
                    double v = a == null || c == null ? Double.NaN : (c - a) * 1000 / (s - prev);
                    marg.add(v);
                    b.append(Double.isNaN(v) ? " — |" : String.format(Locale.ROOT, " %.3f |", v));
                }
                prev = s;
            }
            if (marg.size() == 2) {
                b.append(Double.isNaN(marg.get(0)) || Double.isNaN(marg.get(1)) ? " — |"
                    : String.format(Locale.ROOT, " %.2f |", marg.get(1) / marg.get(0)));
            }
            md.append(b).append('\n');
        }
    }
}
