package org.arshif.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.InputFiles;
import org.arshif.internal.Parallel;

/** Finds and reads every dispatch under {@code content/}, in parallel, in a stable order. */
public final class ContentLoader {
    public static final String CONTENT_DIR = "content";

    private ContentLoader() {}

    /**
     * Dispatch files under the content folder, as site-root-relative paths, sorted. Files and folders whose names
     * start with {@code .} or {@code _} are skipped; symbolic links are followed only inside the site folder, and every
     * link out of it, link loop, unreadable folder or unusable name is reported.
     */
    public static List<String> listSources(Path siteRoot, Diagnostics diagnostics) {
        Path content = siteRoot.resolve(CONTENT_DIR);
        if (!Files.isDirectory(content)) {
            return List.of();
        }
        return InputFiles.within(siteRoot)
                .list(content, CONTENT_DIR, new InputFiles.Filter(true, ContentLoader::isDispatchFile), diagnostics)
                .stream()
                .map(p -> CONTENT_DIR + "/" + p)
                .toList();
    }

    /**
     * Every file under the content folder, from one walk: the dispatch files, site-root-relative ({@link
     * #listSources}'), and the others, {@code content/}-relative (for {@link Media#of}), or null without a content
     * folder. Each walk visited the same 16,000 entries of a 10,000-dispatch archive; one walk wanting every file
     * reports what the two reported (a finding of a folder, reported by both, is one finding: diagnostics are
     * distinct).
     */
    public record Listing(List<String> sources, List<String> others, List<String> sectionPages) {}

    /**
     * {@link Listing}: the content folder walked once for the dispatches, the media and Hugo's section pages
     * ({@link HugoCascades#isSectionPage}, site-root-relative: not dispatches, but their {@code cascade} is applied).
     */
    public static Listing listAll(Path siteRoot, Diagnostics diagnostics) {
        Path content = siteRoot.resolve(CONTENT_DIR);
        if (!Files.isDirectory(content)) {
            return new Listing(List.of(), null, List.of());
        }
        List<String> sources = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> sectionPages = new ArrayList<>();
        InputFiles.Filter filter = new InputFiles.Filter(true, name -> true, HugoCascades::isSectionPage);
        for (String file : InputFiles.within(siteRoot).list(content, CONTENT_DIR, filter, diagnostics)) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (HugoCascades.isSectionPage(name)) {
                sectionPages.add(CONTENT_DIR + "/" + file);
            } else if (isDispatchFile(name)) {
                sources.add(CONTENT_DIR + "/" + file);
            } else {
                others.add(file);
            }
        }
        return new Listing(List.copyOf(sources), List.copyOf(others), List.copyOf(sectionPages));
    }

    /** Whether a site-root-relative path names a dispatch: a {@code .md} or {@code .txt} file in no hidden folder. */
    public static boolean isSource(String relPath) {
        return isDispatchFile(relPath.substring(relPath.lastIndexOf('/') + 1)) && !isHidden(relPath);
    }

    private static boolean isHidden(String relPath) {
        // Each segment's first character, without splitting: the no-op check asks this of every file it walks.
        int start = 0;
        while (true) {
            if (start < relPath.length() && (relPath.charAt(start) == '.' || relPath.charAt(start) == '_')) {
                return true;
            }
            int slash = relPath.indexOf('/', start);
            if (slash < 0) {
                return false;
            }
            start = slash + 1;
        }
    }

    /** Markdown ({@code .md}, or {@code .markdown} as Hugo also reads it) or plain text ({@code .txt}). */
    public static boolean isDispatchFile(String name) {
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt");
    }

    /**
     * Whether bodies should be kept deflated ({@link Body.Packed}): when, held as strings, they would take more
     * than a quarter of the heap. A body as HTML plus plain text takes about twice its file's bytes.
     */
    public static boolean packBodies(Path siteRoot, List<String> sources, long maxHeapBytes) {
        long bytes = 0;
        for (String path : sources) {
            try {
                bytes += Files.size(siteRoot.resolve(path));
            } catch (IOException e) {
                // unreadable now: the read that follows reports it
            }
        }
        return packBodies(bytes, maxHeapBytes);
    }

    /**
     * {@link #packBodies(Path, List, long)} of dispatch files of {@code sourceBytes} in all. Packing changes how
     * bodies are held in memory, never what is written: a total a moment old serves as well.
     */
    public static boolean packBodies(long sourceBytes, long maxHeapBytes) {
        return 2 * sourceBytes > maxHeapBytes / 4;
    }

    /** Reads all dispatches; the returned list follows the sorted source order, without the ones that failed. */
    public static List<Dispatch> load(
            Path siteRoot, List<String> sources, DispatchReader reader, Diagnostics diagnostics) {
        InputFiles files = InputFiles.within(siteRoot);
        List<Optional<Dispatch>> read = Parallel.map(
                sources,
                path -> read(files, siteRoot, path, diagnostics).flatMap(b -> reader.read(path, b, diagnostics)));
        List<Dispatch> out = new ArrayList<>(read.size());
        read.forEach(o -> o.ifPresent(out::add));
        return out;
    }

    /**
     * A source file's bytes, or empty after a finding (its real path is outside the site, it is unreadable); empty
     * without one when the file is gone. For files not just listed, like those serve hears have changed.
     */
    public static Optional<byte[]> read(Path siteRoot, String path, Diagnostics diagnostics) {
        return InputFiles.within(siteRoot).read(siteRoot.resolve(path), path, diagnostics);
    }

    private static Optional<byte[]> read(InputFiles files, Path siteRoot, String path, Diagnostics diagnostics) {
        return files.readListed(siteRoot.resolve(path), path, diagnostics);
    }
}
