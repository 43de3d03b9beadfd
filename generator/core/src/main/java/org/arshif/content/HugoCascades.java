package org.arshif.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.InputFiles;
import org.arshif.internal.SourceText;
import org.arshif.internal.yaml.YNode;

/**
 * Reads Hugo's {@code cascade}: the front-matter that a section's page ({@code _index.md}, {@code _index.markdown},
 * or one language's, {@code _index.ar.md}) hands to every page below it, and that Arshif applies to the dispatches
 * below ({@link Cascades}). The section pages come from the content folder's one walk (no stat of their own); one
 * with no dispatch below it is not read. Its title and text are {@link SectionTexts}'s: a section page is no
 * dispatch.
 *
 * <p>A cascade is a mapping, or a list of them, each with an optional {@code _target} (Hugo 0.76; {@code target}
 * since 0.140): {@code path}, {@code lang}, {@code kind} and {@code environment} globs. A malformed cascade is an
 * error at it (what it keeps back is unknown); a target no dispatch can match (a {@code kind} that is not
 * {@code page}, an {@code environment} that is not {@code production}, the one Arshif builds) is a warning.
 *
 * <p>Example: {@code content/en/drafts/_index.md} holding {@code cascade: {draft: true}} keeps every dispatch below
 * it a draft, unless it says {@code draft: false} itself.
 */
public final class HugoCascades {
    /** A section page's name: {@code _index}, a language, then Markdown's extension. */
    private static final Pattern SECTION_PAGE =
            Pattern.compile("_index(?:\\.([a-z]{2,3}(?:-[a-z0-9]+)?))?\\.(?:md|markdown)");
    /** The keys of a {@code _target}. */
    private static final Set<String> TARGET_KEYS = Set.of("path", "lang", "kind", "environment");
    /** The environment Arshif builds in, as Hugo names its build's. */
    static final String ENVIRONMENT = "production";

    private HugoCascades() {}

    /** Whether a file's name names a Hugo section page, which the content folder's walk lists. */
    public static boolean isSectionPage(String name) {
        return SECTION_PAGE.matcher(name).matches();
    }

    /**
     * The cascades of {@code sectionPages} (site-root-relative, as {@link ContentLoader#listAll} lists them in its one
     * walk of {@code content/}) that have dispatches below them ({@code sources}, as listed), their mistakes reported.
     */
    public static Cascades read(
            Path siteRoot, List<String> sources, List<String> sectionPages, Set<String> languages, Diagnostics d) {
        InputFiles files = InputFiles.within(siteRoot);
        Origins origins = new Origins();
        Map<String, Map<String, Cascades.Section>> byFolder = new TreeMap<>();
        for (String path : sectionPages) {
            String folder = Cascades.folder(path);
            var name = SECTION_PAGE.matcher(path.substring(folder.length() + 1));
            String language = name.matches() && name.group(1) != null ? name.group(1) : "";
            if (!language.isEmpty() && !languages.contains(language) || !anyBelow(sources, folder)) {
                continue; // _index.fr.md in a site without fr (Hugo skips it too), or nothing below to apply to
            }
            files.readListed(siteRoot.resolve(path), path, d)
                    .flatMap(bytes -> section(path, bytes, origins, d))
                    .ifPresent(section -> byFolder.computeIfAbsent(folder, f -> new TreeMap<>())
                            .put(language, section));
        }
        return byFolder.isEmpty() ? Cascades.NONE : new Cascades(byFolder, origins.list, languages);
    }

    /** Whether a dispatch is below the folder: {@code sources} are sorted, so the first path after it tells. */
    static boolean anyBelow(List<String> sources, String folder) {
        int at = Collections.binarySearch(sources, folder + "/");
        int next = at >= 0 ? at : -at - 1;
        return next < sources.size() && sources.get(next).startsWith(folder + "/");
    }

    /** The stand-in lines of cascaded values: stand-in {@code -(i + 1)} is origin {@code i}. */
    private static final class Origins {
        private final List<Cascades.Origin> list = new ArrayList<>();
        private final Map<Cascades.Origin, Integer> index = new HashMap<>();

        int standIn(String path, int line) {
            Cascades.Origin origin = new Cascades.Origin(path, line);
            return -1
                    - index.computeIfAbsent(origin, o -> {
                        list.add(o);
                        return list.size() - 1;
                    });
        }
    }

    /** The section page's cascade, or empty when it has none (or front-matter that cannot be read: an error). */
    private static Optional<Cascades.Section> section(String path, byte[] bytes, Origins origins, Diagnostics d) {
        Optional<YNode> cascade = cascadeNode(path, bytes, d);
        if (cascade.isEmpty()) {
            return Optional.empty();
        }
        List<Cascades.Entry> entries = new ArrayList<>();
        if (cascade.get() instanceof YNode.Map map) {
            entry(path, map, origins, d).ifPresent(entries::add);
        } else if (cascade.get() instanceof YNode.Seq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YNode.Map map) {
                    entry(path, map, origins, d).ifPresent(entries::add);
                } else {
                    d.error(path, item.line(), item.column(), notAMapping("each item of Hugo's cascade", item));
                }
            }
        } else {
            YNode at = cascade.get();
            d.error(path, at.line(), at.column(), notAMapping("Hugo's cascade", at));
        }
        Fingerprint stamp = new Fingerprint().text(path);
        stamp(stamp, cascade.get());
        return Optional.of(
                new Cascades.Section(path, List.copyOf(entries), stamp.finish().hex()));
    }

    /**
     * The cascade as written, positions included (findings about it name them), into {@code f}: the rest of its
     * section page (a title, text) changes no dispatch, so an edit of it parses none again.
     */
    private static void stamp(Fingerprint f, YNode node) {
        f.number(node.line()).number(node.column());
        if (node instanceof YNode.Scalar s) {
            f.tag(1).text(s.kind().name()).text(s.text());
        } else if (node instanceof YNode.Seq seq) {
            f.tag(2).number(seq.items().size());
            seq.items().forEach(item -> stamp(f, item));
        } else if (node instanceof YNode.Map map) {
            f.tag(3).number(map.entries().size());
            map.entries().forEach((key, value) -> {
                stamp(f, map.keys().get(key));
                stamp(f, value);
            });
        }
    }

    private static String notAMapping(String what, YNode node) {
        return what + " must be a mapping of front-matter keys to values (like draft: true on a line of its own,"
                + " indented under it), or a list of them, each with an optional _target; this is " + node.kindName()
                + ", so nothing of it is applied";
    }

    /** The section page's {@code cascade}, or empty: none, or front-matter that cannot be read (an error). */
    private static Optional<YNode> cascadeNode(String path, byte[] bytes, Diagnostics d) {
        SourceText source = SourceText.decode(path, bytes);
        FrontMatterSplit split;
        try {
            split = FrontMatterSplit.of(source.text());
        } catch (FrontMatterSplit.UnclosedException e) {
            d.error(path, 1, 1, unread(e.getMessage()));
            return Optional.empty();
        }
        Diagnostics parsing = new Diagnostics();
        Optional<YNode> node = split.parse(path, parsing);
        for (Diagnostic f : parsing.sorted()) {
            d.error(f.path(), f.line(), f.column(), unread(f.message()));
        }
        return node.filter(YNode.Map.class::isInstance)
                .map(n -> ((YNode.Map) n).entries().get("cascade"));
    }

    /**
     * A section page's own mistake: an error, as a cascade in it (a {@code draft: true}, an embargo) cannot be
     * applied to the dispatches below, which would then be published against it.
     */
    private static String unread(String problem) {
        return problem + " (a section page above dispatches: the cascade it may hand them cannot be read; fix its"
                + " front-matter, or delete the file if it hands them nothing)";
    }

    /** One entry: its target checked, its values with stand-in lines; empty when it can apply to no dispatch. */
    private static Optional<Cascades.Entry> entry(String path, YNode.Map map, Origins origins, Diagnostics d) {
        String targetKey = map.entries().containsKey("target") ? "target" : "_target";
        Optional<Cascades.Target> target = target(path, map.entries().get(targetKey), targetKey, d);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YNode> values = new LinkedHashMap<>();
        Map<String, YNode.Scalar> keys = new LinkedHashMap<>();
        map.entries().forEach((key, value) -> {
            if (!key.equals("_target") && !key.equals("target")) {
                values.put(key, relocated(path, value, origins));
                keys.put(key, (YNode.Scalar) relocated(path, map.keys().get(key), origins));
            }
        });
        int line = origins.standIn(path, map.line());
        return Optional.of(new Cascades.Entry(new YNode.Map(values, keys, line, map.column()), target.get()));
    }

    /** The value, every line of it a stand-in that names where it is written. */
    private static YNode relocated(String path, YNode node, Origins origins) {
        int line = origins.standIn(path, node.line());
        if (node instanceof YNode.Scalar s) {
            return new YNode.Scalar(s.text(), s.kind(), line, s.column());
        }
        if (node instanceof YNode.Seq seq) {
            return new YNode.Seq(
                    seq.items().stream().map(i -> relocated(path, i, origins)).toList(), line, seq.column());
        }
        YNode.Map m = (YNode.Map) node;
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, YNode.Scalar> keys = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> {
            entries.put(k, relocated(path, v, origins));
            keys.put(k, (YNode.Scalar) relocated(path, m.keys().get(k), origins));
        });
        return new YNode.Map(entries, keys, line, m.column());
    }

    /**
     * The entry's target; empty (with a finding) when it is malformed, or when it is for a kind of page or an
     * environment that no dispatch of an Arshif build is.
     */
    private static Optional<Cascades.Target> target(String path, YNode node, String name, Diagnostics d) {
        if (node == null) {
            return Optional.of(Cascades.Target.ANY);
        }
        if (!(node instanceof YNode.Map map)) {
            d.error(
                    path,
                    node.line(),
                    node.column(),
                    "Hugo's cascade '" + name + "' must be a mapping of path, lang,"
                            + " kind and environment to globs (like path: /news/**), but it is " + node.kindName());
            return Optional.empty();
        }
        Map<String, HugoGlob> globs = new HashMap<>();
        boolean malformed = false;
        for (var e : map.entries().entrySet()) {
            YNode.Scalar key = map.keys().get(e.getKey());
            if (!TARGET_KEYS.contains(e.getKey())) {
                d.warning(
                        path,
                        key.line(),
                        key.column(),
                        "'" + e.getKey() + "' is not a key of Hugo's cascade '" + name
                                + "' (those are environment, kind, lang and path), so it is not followed; delete it");
                continue;
            }
            Optional<HugoGlob> glob = glob(path, e.getKey(), e.getValue(), name, d);
            glob.ifPresent(g -> globs.put(e.getKey(), g));
            malformed |= glob.isEmpty();
        }
        if (malformed
                || !reaches(path, map, globs, "kind", "page", "no dispatch is of that kind (each is a page)", d)
                || !reaches(
                        path,
                        map,
                        globs,
                        "environment",
                        ENVIRONMENT,
                        "Arshif builds as Hugo's production environment does",
                        d)) {
            return Optional.empty();
        }
        return Optional.of(new Cascades.Target(globs.get("path"), globs.get("lang")));
    }

    /** Whether the target's glob for {@code key} (if any) matches what every dispatch has; else a warning. */
    private static boolean reaches(
            String path,
            YNode.Map map,
            Map<String, HugoGlob> globs,
            String key,
            String every,
            String why,
            Diagnostics d) {
        HugoGlob glob = globs.get(key);
        if (glob == null || glob.matches(every)) {
            return true;
        }
        YNode at = map.entries().get(key);
        d.warning(
                path,
                at.line(),
                at.column(),
                "this cascade is for " + key + " '" + glob.text() + "', which does not"
                        + " match '" + every + "': " + why + ", so it is applied to no dispatch; give it " + key + ": '"
                        + every + "' or delete this entry");
        return false;
    }

    /** A target's value as a glob; empty (with an error at it) when it is not text or not a glob. */
    private static Optional<HugoGlob> glob(String path, String key, YNode value, String name, Diagnostics d) {
        if (!(value instanceof YNode.Scalar s) || s.kind() == YNode.ScalarKind.NULL) {
            d.error(
                    path,
                    value.line(),
                    value.column(),
                    "Hugo's cascade '" + name + "' " + key + " must be a glob," + " like " + example(key)
                            + ", but it is " + value.kindName());
            return Optional.empty();
        }
        HugoGlob.Compiled compiled = HugoGlob.compile(s.text());
        if (compiled.glob().isEmpty()) {
            d.error(
                    path,
                    s.line(),
                    s.column(),
                    "Hugo's cascade '" + name + "' " + key + " '" + s.text() + "' is not a" + " glob: "
                            + compiled.problem() + "; write one like " + example(key));
        }
        return compiled.glob();
    }

    private static String example(String key) {
        return switch (key) {
            case "path" -> "'/news/**' or '{/news,/news/**}'";
            case "lang" -> "'ar' or '{ar,en}'";
            case "kind" -> "'page'";
            default -> "'production'";
        };
    }
}
