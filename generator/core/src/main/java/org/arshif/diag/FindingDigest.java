package org.arshif.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a long list of findings comes to, printed after it: how many of each kind, the most frequent first, each
 * with the first file it was found in. An imported archive of thousands of files can give hundreds of findings of
 * a few kinds (no agency footer, a tag missing from the vocabulary), and the one that matters scrolls away among
 * them. Two findings are of one kind when their problems (the message before its first "; ", which is the fix)
 * differ only in what they quote, in numbers and in parenthesized details. The lines start neither like a finding
 * nor like the CLI's {@code arshif: } system errors, which the Maven goal's forked build tells apart by their start.
 * Stateless.
 *
 * <pre>{@code
 * FindingDigest.lines(report.findings()).forEach(System.err::println);
 * // Findings: 757 of 3 kinds (0 errors, 757 warnings), the most frequent first:
 * //   512 warnings: no agency footer or '…' teaser was recognised (first: content/en/2024/11/01-x.txt:16:1)
 * }</pre>
 */
public final class FindingDigest {
    /** Fewer findings than this are read one by one, without a digest. */
    public static final int THRESHOLD = 20;
    /** The kinds listed; the rest are counted in one line. */
    static final int KINDS_SHOWN = 8;

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|«[^»]*»");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern PARENTHESES = Pattern.compile(" ?\\([^()]*\\)");

    private FindingDigest() {}

    /** One kind of finding: how serious, the problem with its particulars left out, how many, the first. */
    public record Kind(Severity severity, String problem, int count, Diagnostic first) {}

    /** The kinds of {@code findings}, most frequent first (then errors first, then by problem). */
    public static List<Kind> kinds(List<Diagnostic> findings) {
        record Key(Severity severity, String problem) {}
        Map<Key, List<Diagnostic>> byKind = new LinkedHashMap<>();
        for (Diagnostic d : findings.stream().sorted(Diagnostic.ORDER).toList()) {
            byKind.computeIfAbsent(new Key(d.severity(), problem(d.message())), k -> new ArrayList<>())
                    .add(d);
        }
        List<Kind> kinds = new ArrayList<>();
        byKind.forEach((key, list) -> kinds.add(new Kind(key.severity(), key.problem(), list.size(), list.get(0))));
        kinds.sort(Comparator.comparingInt(Kind::count)
                .reversed()
                .thenComparing(Kind::severity)
                .thenComparing(Kind::problem));
        return kinds;
    }

    /** The digest's lines; none for fewer than {@link #THRESHOLD} findings, or findings of one kind only. */
    public static List<String> lines(List<Diagnostic> findings) {
        if (findings.size() < THRESHOLD) {
            return List.of();
        }
        List<Kind> kinds = kinds(findings);
        if (kinds.size() < 2 && findings.size() < 2 * THRESHOLD) {
            return List.of();
        }
        long errors = FindingCap.count(findings, Diagnostic::isError);
        long warnings = FindingCap.count(findings, d -> d.severity() == Severity.WARNING);
        long notices = FindingCap.count(findings, d -> d.severity() == Severity.NOTICE);
        List<String> lines = new ArrayList<>();
        lines.add("Findings: " + (errors + warnings + notices) + " of " + kinds.size() + plural(kinds.size(), " kind")
                + " ("
                + errors + plural(errors, " error") + ", " + warnings + plural(warnings, " warning")
                + (notices > 0 ? ", " + notices + plural(notices, " notice") : "") + "), the most frequent first:");
        for (Kind k : kinds.subList(0, Math.min(KINDS_SHOWN, kinds.size()))) {
            lines.add("  " + k.count() + plural(k.count(), " " + k.severity().label()) + ": " + k.problem()
                    + " (first: " + k.first().where() + ")");
        }
        if (kinds.size() > KINDS_SHOWN) {
            int rest = kinds.subList(KINDS_SHOWN, kinds.size()).stream()
                    .mapToInt(Kind::count)
                    .sum();
            lines.add("  and " + rest + " more of " + (kinds.size() - KINDS_SHOWN) + " other kinds, listed above");
        }
        return lines;
    }

    /** The problem a message names, its quoted particulars and numbers left out. */
    static String problem(String message) {
        int fix = message.indexOf("; ");
        String problem = fix < 0 ? message : message.substring(0, fix);
        for (String inner = ""; !inner.equals(problem); ) {
            inner = problem;
            problem = PARENTHESES.matcher(problem).replaceAll(""); // a parser's details, innermost first
        }
        return NUMBER.matcher(QUOTED.matcher(problem).replaceAll("'…'")).replaceAll("N");
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }
}
