package org.arshif.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.arshif.diag.Diagnostic;

/**
 * Section folders of Markdown dispatches with capitals ({@code content/en/World/}), which Hugo 0.111 wrote in lower
 * case in the URL ({@code /world/b/}) and Arshif keeps as written, so an archive moved from Hugo loses its old
 * addresses. One warning a folder, at its first dispatch (by path), naming how many dispatches it holds and the next
 * few: a migrated section of thousands of stories gave a warning each, the same fix every time. A wire's folder was
 * never Hugo's, and is not named. Stateless.
 */
public final class SectionCapitals {
    /** How many dispatches beside the first the warning names by path. */
    private static final int NAMED = 3;

    private SectionCapitals() {}

    /** The warnings for the section folders of {@code dispatches} with capitals, in the folders' order. */
    public static List<Diagnostic> of(List<Dispatch> dispatches) {
        Map<String, List<String>> byFolder = new TreeMap<>();
        for (Dispatch dispatch : dispatches) {
            if (dispatch.section().isEmpty() || SourceName.of(dispatch.path()).format() != SourceFormat.MARKDOWN) {
                continue;
            }
            String[] parts = dispatch.path().split("/");
            int end = Media.isBundleIndex(parts[parts.length - 1]) ? parts.length - 2 : parts.length - 1;
            for (int i = 2; i < end; i++) {
                String folder = parts[i];
                if (!Permalinks.isDateFolder(folder)
                        && !folder.equals(folder.toLowerCase(Locale.ROOT))
                        && Slugs.problem(folder) == null) { // a folder that cannot be a URL segment has its error
                    byFolder.computeIfAbsent(String.join("/", Arrays.copyOf(parts, i + 1)), k -> new ArrayList<>())
                            .add(dispatch.path());
                }
            }
        }
        List<Diagnostic> warnings = new ArrayList<>();
        byFolder.forEach((folderPath, paths) ->
                warnings.add(warning(folderPath, paths.stream().sorted().toList())));
        return warnings;
    }

    private static Diagnostic warning(String folderPath, List<String> paths) {
        String folder = folderPath.substring(folderPath.lastIndexOf('/') + 1);
        String others = "";
        if (paths.size() > 1) {
            String named = paths.stream().skip(1).limit(NAMED).collect(Collectors.joining(", "));
            String more = paths.size() > NAMED + 1 ? ", and " + (paths.size() - NAMED - 1) + " more" : "";
            others = " of " + paths.get(0) + " and " + (paths.size() - 1)
                    + (paths.size() == 2 ? " other dispatch (" : " other dispatches (") + named + more + ")";
        }
        String subject = "the folder '" + folder + "' (" + folderPath + "/), a section" + others + ",";
        return Diagnostic.warning(paths.get(0), 1, 1, Slugs.capitals(subject, folder, "the folder"));
    }
}
