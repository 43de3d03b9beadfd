package org.arshif.content;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arshif.diag.Diagnostics;

/**
 * Dispatches Hugo would not have published as Arshif does, because of a page bundle's {@code index.md}: a dispatch
 * beside it or below it (Hugo 0.111 made {@code content/both/c.md} beside {@code content/both/index.md} the bundle's
 * file, not a page), and a bundle whose folder also has {@code _index.md} (a section: Hugo wrote the section's list at
 * the folder's address, the bundle's too, and the list took it, so the page was lost; a dispatch beside both was a
 * page of the section). Arshif publishes each as a
 * dispatch; a moved archive would gain pages, and the warnings say which. Stateless.
 */
public final class BundleNeighbours {
    private BundleNeighbours() {}

    /**
     * Adds the warnings for {@code sources} (the dispatch files, site-root-relative, sorted) and {@code sectionPages}
     * (Hugo's {@code _index} files) to {@code diagnostics}.
     */
    public static void warn(List<String> sources, List<String> sectionPages, Diagnostics diagnostics) {
        Map<String, String> bundles = new TreeMap<>(); // folder, with its '/', to its first index file
        for (String source : sources) {
            if (Media.isBundleIndex(name(source)) && isMarkdown(source)) {
                bundles.putIfAbsent(folder(source), source);
            }
        }
        if (bundles.isEmpty()) {
            return;
        }
        Map<String, String> sections = new TreeMap<>(); // a bundle's folder that is a section too
        for (String page : sectionPages) {
            String index = bundles.get(folder(page));
            if (index != null && sections.putIfAbsent(folder(page), page) == null) {
                diagnostics.warning(
                        index,
                        1,
                        1,
                        "this folder has " + name(page) + " too, which makes it a section: Hugo writes the"
                                + " section's list page at the folder's address, where this page bundle would be, and"
                                + " the list takes it (the page is lost); Arshif publishes both: move " + name(index)
                                + " and its photos into a folder of their own below this one");
            }
        }
        for (String source : sources) {
            String bundle = bundleAbove(source, bundles);
            // beside index.md and _index.md, Hugo 0.111 published it as a page of the section
            boolean inSection = bundle != null
                    && sections.containsKey(bundle)
                    && folder(source).equals(bundle);
            if (bundle != null && !inSection && !Media.isBundleIndex(name(source)) && isMarkdown(source)) {
                diagnostics.warning(
                        source,
                        1,
                        1,
                        "it is inside the page bundle of " + bundles.get(bundle) + ", so Hugo publishes it as"
                                + " that page's file, not as a page of its own; Arshif publishes it as a dispatch:"
                                + " move it out of " + bundle + ", or, if it is the bundle's file, rename it so that"
                                + " it does not end in .md");
            }
        }
    }

    /** The nearest bundle folder above {@code source} (its own folder included), or null. */
    private static String bundleAbove(String source, Map<String, String> bundles) {
        for (int slash = source.lastIndexOf('/'); slash > 0; slash = source.lastIndexOf('/', slash - 1)) {
            String dir = source.substring(0, slash + 1);
            if (bundles.containsKey(dir)) {
                return dir;
            }
        }
        return null;
    }

    /** Hugo's bundles and pages are Markdown; a wire's {@code index.txt} never was one of Hugo's. */
    private static boolean isMarkdown(String path) {
        return SourceName.of(path).format() == SourceFormat.MARKDOWN;
    }

    private static String folder(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
