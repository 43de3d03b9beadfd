package org.arshif.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Hints;

/**
 * Decides whether a folder may be used as the output. A build replaces the whole output folder, so Arshif
 * writes only into a folder it wrote itself (it holds {@link #MARKER}), an empty or missing one, or a site an
 * older version wrote (it has the files every Arshif site has; see {@link #looksLikeAnOlderSite}). It never
 * takes the site folder, {@code content/}, {@code templates/} or a git repository, a file, or anything else.
 */
public final class OutputGuard {
    /** The file that marks a folder as Arshif's output: the last file written into a complete new site. */
    public static final String MARKER = ".arshif-site";

    static final byte[] MARKER_TEXT = ("This folder is a site built by Arshif. Every build replaces all of it:"
                    + " keep nothing else here.\n")
            .getBytes(StandardCharsets.UTF_8);
    /** Files every site of Arshif 0.1 has, which together no other kind of folder has. */
    private static final List<String> OLDER_SITE = List.of(
            "index.html", "404.html", "robots.txt", "sitemap.xml", "static/js/search-page.js", "static/js/analyzer.js");

    private OutputGuard() {}

    /**
     * Everything that forbids building into {@code output} for the site at {@code siteRoot}: errors, none when
     * the output is fine. {@code cache} may be null; {@code hints} words the option that chooses the output.
     */
    public static List<Diagnostic> refusals(Path output, Path siteRoot, Path templates, Path cache, Hints hints) {
        String how = "; build into a folder of its own" + option(hints) + ", such as site/ in the archive";
        Path out = real(output);
        Path root = real(siteRoot);
        String shown = out.startsWith(root) && !out.equals(root)
                ? root.relativize(out).toString().replace('\\', '/')
                : out.toString();
        List<Diagnostic> found = new ArrayList<>();
        overlap(found, shown, out, root, false, "the site folder", "arshif.yml, content/ and all else in it", how);
        if (found.isEmpty()) {
            overlap(found, shown, out, real(root.resolve("content")), true, "content/", "the dispatches", how);
        }
        if (found.isEmpty() && templates != null) {
            overlap(found, shown, out, real(templates), true, "the templates folder", "the templates", how);
        }
        for (Path p = out; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(".git")) {
                found.add(Diagnostic.error(
                        shown, 0, 0, "the output folder is inside the git repository's own" + " folder " + p + how));
                break;
            }
        }
        if (found.isEmpty() && cache != null && real(cache).startsWith(out)) {
            found.add(Diagnostic.error(
                    shown,
                    0,
                    0,
                    "the output folder holds the build cache " + cache + ", and"
                            + " every build replaces the whole output folder; keep the cache elsewhere, e.g. target/"));
        }
        if (found.isEmpty()) {
            refusal(output, shown, hints).ifPresent(found::add);
        }
        return found;
    }

    /** {@code insideIsInput}: an output inside {@code folder} would be read back as input. */
    private static void overlap(
            List<Diagnostic> found,
            String shown,
            Path out,
            Path folder,
            boolean insideIsInput,
            String name,
            String loses,
            String how) {
        if (out.equals(folder)) {
            found.add(Diagnostic.error(
                    shown,
                    0,
                    0,
                    "the output folder is " + name + " itself, and a build replaces"
                            + " the whole output folder: it would delete " + loses + how));
        } else if (folder.startsWith(out)) {
            found.add(Diagnostic.error(
                    shown,
                    0,
                    0,
                    "the output folder contains " + name + " " + folder + ", and a"
                            + " build replaces the whole output folder: it would delete " + loses + how));
        } else if (insideIsInput && out.startsWith(folder)) {
            found.add(Diagnostic.error(
                    shown,
                    0,
                    0,
                    "the output folder is inside " + name + " " + folder
                            + ", where the site would be read back as input" + how));
        }
    }

    /**
     * Why {@code output} may not be replaced by a build, as it is on disk (a file, a git repository, or a
     * folder Arshif did not write), shown in findings as {@code shown}; empty when it may. {@code hints} words the
     * option that chooses another output (null: a fix that names no front end's option).
     */
    public static Optional<Diagnostic> refusal(Path output, String shown, Hints hints) {
        if (!Files.exists(output)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(output)) {
            return Optional.of(Diagnostic.error(
                    shown,
                    0,
                    0,
                    "the output is a file, not a folder, and a build would" + " replace it; delete or move it, or "
                            + another(hints)));
        }
        if (Files.exists(output.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(Diagnostic.error(
                    shown,
                    0,
                    0,
                    "the output folder holds a git repository (.git), which"
                            + " a build would delete, since it replaces the whole folder; build into another folder and"
                            + " copy the site into the repository, or move .git out"));
        }
        if (isMarked(output) || isEmpty(output) || looksLikeAnOlderSite(output)) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.error(
                shown,
                0,
                0,
                "the output folder is not empty and was not written by"
                        + " Arshif (it has no " + MARKER
                        + " file), and a build replaces everything in it; if nothing in it"
                        + " must be kept, delete the folder and build again, else " + another(hints)));
    }

    /** How to choose another output, in the front end's words: {@code choose another output (--output DIR)}. */
    static String another(Hints hints) {
        return "choose another output folder" + option(hints);
    }

    /** The option that sets the output, in the front end's words, in parentheses: nothing when unknown (null). */
    private static String option(Hints hints) {
        return hints == null ? "" : " (" + hints.option(Hints.Option.OUTPUT, "DIR") + ")";
    }

    static boolean isMarked(Path folder) {
        return Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    /** A site an earlier version of Arshif wrote, before sites were marked: it has every file such a site has. */
    static boolean looksLikeAnOlderSite(Path folder) {
        return OLDER_SITE.stream().allMatch(f -> Files.isRegularFile(folder.resolve(f), LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            return false; // unreadable: certainly not Arshif's to replace
        }
    }

    /** The real path of {@code p}: of its nearest existing ancestor, with the rest appended, so links count. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs).toString());
        } catch (IOException e) {
            return abs;
        }
    }
}
