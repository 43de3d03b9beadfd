package org.arshif.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.arshif.diag.Diagnostics;

/**
 * Warnings for files under {@code content/} that are not published ({@link Media#unplaced()}): a photo beside
 * dispatches that are not a bundle, a page in a format Arshif does not read (a Hugo site's HTML or Org file). One
 * warning per folder and extension, at its first file, so a folder of 3,000 photos gives one line. Stateless.
 */
public final class UnplacedFiles {
    /** Content formats Hugo reads and Arshif does not. */
    private static final Set<String> OTHER_FORMATS =
            Set.of("html", "htm", "org", "adoc", "asciidoc", "ad", "rst", "pdc", "pandoc", "ipynb");

    private UnplacedFiles() {}

    /** Adds the warnings for {@code unplaced} (site-root-relative, sorted) to {@code diagnostics}. */
    public static void warn(List<String> unplaced, Diagnostics diagnostics) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String file : unplaced) {
            if (file.equals(TagVocabulary.FILE)) {
                continue;
            }
            groups.computeIfAbsent(folder(file) + "\u0000" + extension(file), k -> new ArrayList<>())
                    .add(file);
        }
        for (List<String> group : groups.values()) {
            String first = group.get(0);
            diagnostics.warning(first, 0, 0, message(first, group.size() - 1));
        }
    }

    private static String message(String file, int more) {
        String ext = extension(file);
        String others = more == 0
                ? ""
                : (more == 1 ? " (nor is 1 more " : " (nor are " + more + " more ")
                        + (ext.isEmpty() ? "file" : "." + ext + " file") + (more == 1 ? "" : "s")
                        + (ext.isEmpty() ? " without an extension" : "") + " in " + folder(file) + ")";
        if (OTHER_FORMATS.contains(ext)) {
            return "not published" + others + ": Arshif reads dispatches in Markdown (.md, .markdown) and plain"
                    + " text (.txt), not ." + ext + "; convert it to Markdown, or move it into a page bundle or under "
                    + Media.SHARED_DIR + " to publish it as a file";
        }
        return "not published" + others + ": only a page bundle's files (beside its index.md or index.txt) and"
                + " those under " + Media.SHARED_DIR + " are; move it beside the dispatch that shows it in a"
                + " bundle, or under " + Media.SHARED_DIR + " (then link it as /media/<name>), or delete it";
    }

    private static String folder(String file) {
        return file.substring(0, file.lastIndexOf('/') + 1);
    }

    private static String extension(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
