import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Each page kind's share of a built site, in files and bytes: {@code java bench/report/PageKinds.java OUT
 * [dispatches]}. The kinds are told by URL, which Arshif and the bench's Hugo theme share
 * ({@code /<lang>/<yyyy>/<mm>/<slug>/}, {@code /<lang>/<yyyy>/}, {@code /<lang>/tags/<key>/}, …), so that the same
 * table can be made of both; redirect stubs are told by their refresh tag. With the number of dispatches, the
 * last column is bytes per dispatch. Prints a Markdown table.
 */
public final class PageKinds {
    private static final Pattern LANG = Pattern.compile("[a-z]{2}(-[a-z]+)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{2}");

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/report/PageKinds.java OUT [dispatches]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        long dispatches = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Map<String, long[]> kinds = new TreeMap<>();
        long[] total = new long[2];
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                long size = Files.size(p);
                long[] k = kinds.computeIfAbsent(kind(rel, p, size), x -> new long[2]);
                k[0]++;
                k[1] += size;
                total[0]++;
                total[1] += size;
            }
        }
        System.out.println("| kind | files | bytes | share of bytes |" + (dispatches > 0 ? " bytes per dispatch |" : ""));
        System.out.println("|---|---:|---:|---:|" + (dispatches > 0 ? "---:|" : ""));
        kinds.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).forEach(e ->
                System.out.println(row(e.getKey(), e.getValue(), total[1], dispatches)));
        System.out.println(row("**all**", total, total[1], dispatches));
    }

    private static String row(String kind, long[] k, long all, long dispatches) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f%% |%s", kind, k[0], k[1], 100.0 * k[1] / all,
                dispatches > 0 ? String.format(Locale.ROOT, " %,d |", k[1] / dispatches) : "");
    }

    /** The kind of one file, by its path under the site root. */
    static String kind(String rel, Path file, long size) throws IOException {
        String[] s = rel.split("/");
        if (rel.endsWith(".html") && size < 8192 && Files.readString(file, StandardCharsets.UTF_8)
                .contains("http-equiv=\"refresh\"")) {
            return "redirect stubs";
        }
        if (s.length == 1) {
            return rel.endsWith(".html") && !rel.startsWith("404") ? "home" : "sitemaps, 404, robots";
        }
        if (!LANG.matcher(s[0]).matches()) {
            return s[0].startsWith("sitemap") ? "sitemaps, 404, robots" : "static assets";
        }
        String rest = rel.substring(s[0].length() + 1);
        if (s.length == 2 && (s[1].startsWith("sitemap") || s[1].startsWith("404"))) {
            return "sitemaps, 404, robots"; // Hugo writes one of each per language
        }
        if (rest.endsWith(".xml")) {
            return rest.startsWith("tags/") ? "feeds (tags)" : "feeds (language)";
        }
        if (s[1].equals("search")) {
            return rest.endsWith("index.html") ? "search page" : "search index";
        }
        if (s[1].equals("tags")) {
            return s.length == 3 ? "tag index" : "tag lists";
        }
        if (s[1].equals("archive")) {
            return "archive index";
        }
        if (s[1].equals("index.html") || s[1].equals("page")) {
            return "home";
        }
        if (YEAR.matcher(s[1]).matches()) {
            if (s.length == 3 || s[2].equals("page")) {
                return "year lists";
            }
            if (MONTH.matcher(s[2]).matches()
                    && (s.length == 4 && s[3].equals("index.html") || s.length > 4 && s[3].equals("page"))) {
                return "month lists";
            }
            return "articles"; // <slug>/index.html, or <slug>.html with uglyUrls
        }
        return "other";
    }
}
