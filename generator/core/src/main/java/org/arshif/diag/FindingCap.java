package org.arshif.diag;

import java.util.Collection;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings of one kind in one file, as a file with thousands of one mistake makes them: the first {@link #NAMED}
 * reported one by one, the rest counted, exactly, in one finding at the first of them, which gives the fix once.
 * Not thread-safe: one reader fills it, then {@link #close}s it.
 */
public final class FindingCap implements AutoCloseable {
    /** How many findings of one kind are named one by one, as for unknown configuration keys. */
    public static final int NAMED = 100;

    private static final String NAMED_NOTE =
            " named above (only the first " + NAMED + " of a kind are named one by one)";
    /** The count finding's start, read back by {@link #standsFor} (also from a forked build's printed lines). */
    private static final Pattern COUNTED =
            Pattern.compile("^(\\d+) more [^;]* besides the \\d+" + Pattern.quote(NAMED_NOTE));

    private final Diagnostics diagnostics;
    private final String path;
    private final Severity severity;
    private final String kind;
    private final String fix;
    private int named;
    private int rest;
    private int firstLine;
    private int firstColumn;
    private int lastLine;

    /**
     * @param kind what the findings are, in the plural ({@code "tags with an unknown key"})
     * @param fix  what to do about all of them, said once in the count ({@code "use a language code …"})
     */
    public FindingCap(Diagnostics diagnostics, String path, Severity severity, String kind, String fix) {
        this.diagnostics = diagnostics;
        this.path = path;
        this.severity = severity;
        this.kind = kind;
        this.fix = fix;
    }

    public void add(int line, int column, String message) {
        add(line, column, () -> message);
    }

    /** As {@link #add(int, int, String)}, with a message that is only made for a finding that is named. */
    public void add(int line, int column, Supplier<String> message) {
        if (named < NAMED) {
            named++;
            diagnostics.add(new Diagnostic(path, line, column, severity, message.get()));
            return;
        }
        if (rest++ == 0) {
            firstLine = line;
            firstColumn = column;
        }
        lastLine = line;
    }

    /** The count of the findings not named, if any. */
    @Override
    public void close() {
        if (rest > 0) {
            diagnostics.add(new Diagnostic(
                    path,
                    firstLine,
                    firstColumn,
                    severity,
                    rest + " more " + kind + " from here to line " + lastLine + ", besides the " + named + NAMED_NOTE
                            + "; " + fix));
        }
    }

    /**
     * How many findings {@code d} stands for: 1, or for the count a cap wrote, the findings it counts (so that 50,000
     * tags with an unknown key say 50,000 errors, not the 101 lines printed).
     */
    public static long standsFor(Diagnostic d) {
        Matcher m = COUNTED.matcher(d.message());
        return m.find() ? Long.parseLong(m.group(1)) : 1;
    }

    /** How many findings {@code which} selects from {@code findings}, counting each cap's count as what it counts. */
    public static long count(Collection<Diagnostic> findings, Predicate<Diagnostic> which) {
        return findings.stream().filter(which).mapToLong(FindingCap::standsFor).sum();
    }
}
