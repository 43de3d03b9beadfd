package org.arshif.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.InputFiles;
import org.arshif.internal.SourceText;
import org.arshif.internal.yaml.YNode;

/**
 * Hugo's {@code cascade}: front-matter that a section's {@code _index.md} hands to every page below it. Arshif does
 * not read {@code _index.md} (a file named with {@code _} is not a dispatch), so a cascade is not applied. One that
 * keeps pages back ({@code draft: true}, build options, {@code headless}, a {@code publishDate} or {@code expiryDate})
 * would have the dispatches below published against their authors' intent: that is an error at its key, which names
 * the fix. Any other key it cascades is a warning that it is not applied. The {@code _index.md} files come from the
 * content folder's one walk (no stat of their own); one with no dispatch below it, or that cannot be read as
 * front-matter, is left alone, as before.
 *
 * <p>Example: {@code content/en/drafts/_index.md} holding {@code cascade: {draft: true}} above two dispatches gives
 * {@code content/en/drafts/_index.md:3:3: error: Hugo's cascade makes the 2 dispatch(es) below drafts, …}.
 */
public final class HugoCascades {
    /** The names of a Hugo section's own page that Arshif would otherwise skip. */
    static final List<String> SECTION_PAGES = List.of("_index.md", "_index.markdown");

    /** Cascaded keys that keep pages back: without them the dispatches below would be published. */
    private static final Set<String> HOLDING_BACK =
            Set.of("draft", "_build", "build", "headless", "publishDate", "expiryDate", "published");

    private HugoCascades() {}

    /**
     * Reports the cascades of {@code sectionPages} (site-root-relative, as {@link ContentLoader#listAll} lists them
     * in its one walk of {@code content/}) that have dispatches below them ({@code sources}, as listed).
     */
    public static void check(Path siteRoot, List<String> sources, List<String> sectionPages, Diagnostics diagnostics) {
        InputFiles files = InputFiles.within(siteRoot);
        for (String path : sectionPages) {
            int dispatches = below(sources, path.substring(0, path.lastIndexOf('/')));
            if (dispatches > 0) {
                files.readListed(siteRoot.resolve(path), path, diagnostics)
                        .flatMap(bytes -> cascade(path, bytes))
                        .ifPresent(found -> report(path, found, dispatches, diagnostics));
            }
        }
    }

    /** A cascade found, and the front-matter syntax it is written in (a fix is worded in it). */
    private record Found(YNode cascade, FrontMatterSplit.Format format) {}

    /** The {@code cascade} of the file's front-matter, or empty (none, or front-matter that does not parse). */
    private static Optional<Found> cascade(String path, byte[] bytes) {
        Diagnostics ignored = new Diagnostics(); // not a dispatch: its own mistakes are not Arshif's to report
        try {
            FrontMatterSplit split =
                    FrontMatterSplit.of(SourceText.decode(path, bytes).text());
            if (split.text().isEmpty()) {
                return Optional.empty();
            }
            return split.parse(path, ignored)
                    .filter(YNode.Map.class::isInstance)
                    .map(n -> ((YNode.Map) n).entries().get("cascade"))
                    .map(cascade -> new Found(cascade, split.format()));
        } catch (FrontMatterSplit.UnclosedException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int below(List<String> sources, String folder) {
        int n = 0;
        for (String source : sources) {
            if (source.startsWith(folder + "/")) {
                n++;
            }
        }
        return n;
    }

    /** A cascade is a mapping, or (Hugo 0.76 and later) a list of mappings, each with an optional {@code _target}. */
    private static void report(String path, Found found, int dispatches, Diagnostics d) {
        YNode cascade = found.cascade();
        List<YNode.Map> maps = new ArrayList<>();
        if (cascade instanceof YNode.Map map) {
            maps.add(map);
        } else if (cascade instanceof YNode.Seq seq) {
            seq.items().stream()
                    .filter(YNode.Map.class::isInstance)
                    .map(YNode.Map.class::cast)
                    .forEach(maps::add);
        }
        List<String> notApplied = new ArrayList<>();
        YNode.Scalar firstNotApplied = null;
        for (YNode.Map map : maps) {
            for (var entry : map.entries().entrySet()) {
                String key = entry.getKey();
                YNode.Scalar at = map.keys().get(key);
                boolean known = HOLDING_BACK.contains(key);
                if (known && !holdsBack(key, entry.getValue()) && entry.getValue() instanceof YNode.Scalar) {
                    continue; // draft: false and the like: published in Hugo too
                }
                if (known && holdsBack(key, entry.getValue())) {
                    d.error(
                            path,
                            at.line(),
                            at.column(),
                            "Hugo's cascade gives '" + key + "' to the " + dispatches + " dispatch(es) below, which"
                                    + " keeps them off the site, but Arshif does not read _index.md files, so it would"
                                    + " publish them; write " + written(key, entry.getValue(), found.format())
                                    + " in the front-matter of each (or move them out of content/), then delete it"
                                    + " here");
                } else if (!key.equals("_target")) {
                    notApplied.add(key);
                    firstNotApplied = firstNotApplied == null ? at : firstNotApplied;
                }
            }
        }
        if (firstNotApplied != null) {
            d.warning(
                    path,
                    firstNotApplied.line(),
                    firstNotApplied.column(),
                    "Hugo's cascade of " + String.join(", ", notApplied) + " is not applied to the " + dispatches
                            + " dispatch(es) below: Arshif does not read _index.md files; write "
                            + (notApplied.size() == 1 ? "it" : "them") + " in each dispatch's own front-matter");
        }
    }

    /** The key as the fix asks for it, in the front-matter's syntax: {@code draft: true}, {@code draft = true}. */
    private static String written(String key, YNode value, FrontMatterSplit.Format format) {
        if (!(value instanceof YNode.Scalar s)) {
            return "its '" + key + "' options";
        }
        if (s.kind() != YNode.ScalarKind.BOOL) { // a date: the reader's text of it, not the file's
            return "its '" + key + "' (" + s.text() + ")";
        }
        return switch (format) {
            case TOML -> "'" + key + " = " + s.text() + "'";
            case JSON -> "'\"" + key + "\": " + s.text() + "'";
            default -> "'" + key + ": " + s.text() + "'";
        };
    }

    /**
     * Whether the value keeps pages back: {@code draft: true}, {@code published: false}, build options that never
     * render (as {@link HugoKeys#neverRendered} reads a dispatch's own), any date.
     */
    private static boolean holdsBack(String key, YNode value) {
        String text = value instanceof YNode.Scalar s ? s.text().strip().toLowerCase(Locale.ROOT) : null;
        return switch (key) {
            case "draft", "headless" -> "true".equals(text);
            case "published" -> "false".equals(text);
            case "_build", "build" -> HugoKeys.neverRendered(value);
            default -> text != null && !text.isEmpty(); // publishDate, expiryDate
        };
    }
}
