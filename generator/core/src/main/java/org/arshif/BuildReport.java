package org.arshif;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arshif.diag.Diagnostic;

/**
 * What a build did.
 *
 * @param pagesPerLanguage article pages per language
 * @param tags             distinct tags over all languages
 * @param filesWritten     files in the new site
 * @param bytesWritten     their total size
 * @param phases           each phase with its duration in milliseconds, in order
 * @param findings         warnings and notices (a build with errors throws instead)
 */
public record BuildReport(
        Map<String, Integer> pagesPerLanguage,
        int tags,
        long filesWritten,
        long bytesWritten,
        List<Phase> phases,
        List<Diagnostic> findings) {

    /**
     * A timed step of the pipeline.
     *
     * @param millis    wall time
     * @param cpuMillis CPU time of the whole process during the step (all threads, the JVM's own included), or
     *                  {@code -1} when the JVM cannot tell
     */
    public record Phase(String name, long millis, long cpuMillis) {
        public Phase(String name, long millis) {
            this(name, millis, -1);
        }
    }

    public long totalMillis() {
        return phases.stream().mapToLong(Phase::millis).sum();
    }

    /** One line for a terminal: pages per language, tags, files, time. */
    public String summary() {
        StringBuilder sb = new StringBuilder("Built ");
        pagesPerLanguage.forEach(
                (lang, n) -> sb.append(n).append(' ').append(lang).append(" + "));
        if (!pagesPerLanguage.isEmpty()) {
            sb.setLength(sb.length() - 3);
        }
        sb.append(" dispatches, ")
                .append(tags)
                .append(" tags; wrote ")
                .append(filesWritten)
                .append(" files (")
                .append(String.format(Locale.ROOT, "%.1f", bytesWritten / 1048576.0))
                .append(" MB) in ")
                .append(totalMillis())
                .append(" ms [");
        for (int i = 0; i < phases.size(); i++) {
            sb.append(i == 0 ? "" : ", ")
                    .append(phases.get(i).name())
                    .append(' ')
                    .append(phases.get(i).millis())
                    .append(" ms");
        }
        sb.append(']');
        if (phases.stream().allMatch(p -> p.cpuMillis() >= 0) && !phases.isEmpty()) {
            sb.append(" (CPU: ");
            for (int i = 0; i < phases.size(); i++) {
                sb.append(i == 0 ? "" : ", ")
                        .append(phases.get(i).name())
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.1f", phases.get(i).cpuMillis() / 1000.0))
                        .append(" s");
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
