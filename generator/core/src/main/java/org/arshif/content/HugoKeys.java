package org.arshif.content;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/**
 * Reads Hugo's front-matter keys beyond Arshif's own ({@link DispatchMeta}), each mistake at its key.
 * Immutable; one per {@link DispatchReader}.
 */
final class HugoKeys {
    /** The keys read here; {@code publishDate} is read with the date, {@code updated} with lastmod. */
    static final Set<String> KEYS = Set.of(
            "description",
            "author",
            "authors",
            "categories",
            "keywords",
            "publishDate",
            "expiryDate",
            "url",
            "updated",
            "modified");
    /** Names per list: like tags, a handful says what a dispatch is about. */
    static final int MAX_ITEMS = 50;
    /** The Hugo marker that ends the summary in a Markdown body. */
    static final String MORE = "<!--more-->";
    /** A WordPress post's statuses that are not public. */
    private static final Set<String> HELD_STATUS = Set.of("draft", "pending", "private", "trash", "auto-draft");
    /** The comma and the Arabic comma, which separate items when a list is written as one text. */
    private static final Pattern COMMAS = Pattern.compile("[,\u060C]");

    private final DispatchFields fields;

    HugoKeys(DispatchFields fields) {
        this.fields = fields;
    }

    /** @param date the dispatch's date, or null after an error */
    DispatchMeta read(String path, YFields fm, OffsetDateTime date, Diagnostics d) {
        HugoPageTables.named(path, fm, d);
        oneTextWithCommas(path, fm, "tags", d);
        oneTextWithCommas(path, fm, "categories", d);
        String description = fm.string("description").map(String::strip).orElse("");
        List<String> authors = new ArrayList<>(authorNames(path, fm, "authors", d));
        for (String author : authorNames(path, fm, "author", d)) {
            if (!authors.contains(author)) {
                authors.add(author);
            }
        }
        if (authors.isEmpty()) {
            authors.addAll(paramsAuthors(path, fm, d));
        }
        OffsetDateTime expiry =
                fm.has("expiryDate") ? fields.parseDate(fm, "expiryDate").orElse(null) : null;
        return new DispatchMeta(
                description,
                authors,
                categories(path, fm, d),
                names(path, fm, "keywords", d),
                expiry,
                publishAfter(fm, date),
                url(path, fm, d));
    }

    /**
     * Hugo themes' usual place for the byline, {@code params.author} (a name, a list of them, or a mapping with a
     * {@code name}, as Hugo's documentation writes it) and {@code params.authors}, read when the front-matter gives no
     * {@code author} of its own. An item that is no name is a warning at it: {@code params} is the site's own, so it
     * is kept for templates as written.
     */
    private static List<String> paramsAuthors(String path, YFields fm, Diagnostics d) {
        if (!(fm.get("params").orElse(null) instanceof YNode.Map params)) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String key : List.of("authors", "author")) {
            names.addAll(namedItems(path, "params." + key, params.entries().get(key), d));
        }
        return List.copyOf(names);
    }

    /**
     * {@code author}/{@code authors} as a mapping with a {@code name} (Hugo themes' form, as under {@code params}), or a
     * list with such mappings in it, read as {@link #namedItems} reads {@code params.author}; otherwise names as
     * written.
     */
    private static List<String> authorNames(String path, YFields fm, String key, Diagnostics d) {
        YNode node = fm.get(key).orElse(null);
        boolean mapped = node instanceof YNode.Map
                || (node instanceof YNode.Seq seq && seq.items().stream().anyMatch(i -> i instanceof YNode.Map));
        return mapped ? namedItems(path, key, node, d) : names(path, fm, key, d);
    }

    /** A name, a list of them, or mappings with a {@code name}; an item that is no name is a warning at it. */
    private static List<String> namedItems(String path, String key, YNode node, Diagnostics d) {
        Set<String> names = new LinkedHashSet<>();
        List<YNode> items = node instanceof YNode.Seq seq ? seq.items() : node == null ? List.of() : List.of(node);
        for (YNode item : items) {
            YNode named = item instanceof YNode.Map m ? m.entries().get("name") : item;
            if (named instanceof YNode.Scalar s && s.kind() != YNode.ScalarKind.NULL) {
                if (!s.text().isBlank() && names.size() < MAX_ITEMS) {
                    names.add(s.text().strip());
                }
            } else if (!(item instanceof YNode.Scalar)) {
                d.warning(
                        path,
                        item.line(),
                        item.column(),
                        key + " is read as the byline, but this is " + item.kindName()
                                + ", not a name, so it is left out of it; write the name as text ("
                                + key.replaceFirst(".*\\.", "")
                                + ": Jane Doe), or give the mapping a name: key");
            }
        }
        return List.copyOf(names);
    }

    /**
     * {@code tags: syria, oil, gas}: one text, so one tag, where a list was surely meant (an export from a system that
     * keeps tags as one field, or a hand-written line). Published as written, with a warning that shows the list.
     */
    private static void oneTextWithCommas(String path, YFields fm, String key, Diagnostics d) {
        if (fm.get(key).orElse(null) instanceof YNode.Scalar s
                && s.kind() == YNode.ScalarKind.STRING
                && COMMAS.matcher(s.text()).find()) {
            List<String> items = COMMAS.splitAsStream(s.text())
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .toList();
            d.warning(
                    path,
                    s.line(),
                    s.column(),
                    "'" + key + "' is one text with commas, so it is one item, '"
                            + s.text().strip()
                            + "'; if it lists several, write them as a list: " + key + ": [" + String.join(", ", items)
                            + "] (in TOML front-matter " + key + " = [\"" + String.join("\", \"", items) + "\"])");
        }
    }

    /**
     * {@code publishDate} beside a {@code date} it is later than: Hugo keeps the page back until then (an embargo,
     * or a story written ahead), so Arshif does too; the date it shows is still {@code date}. Null otherwise.
     */
    private OffsetDateTime publishAfter(YFields fm, OffsetDateTime date) {
        boolean dated = fm.get("date")
                .filter(n -> !(n instanceof YNode.Scalar s && s.kind() == YNode.ScalarKind.NULL))
                .isPresent();
        if (date == null || !dated || !fm.has("publishDate")) {
            return null;
        }
        OffsetDateTime publish = fields.parseDate(fm, "publishDate").orElse(null);
        return publish != null && publish.isAfter(date) ? publish : null;
    }

    /** Whether Hugo's build options ({@code _build}) never render the page: {@code render: never} or {@code false}. */
    static boolean neverRendered(YNode options) {
        return options instanceof YNode.Map map
                && map.entries().get("render") instanceof YNode.Scalar r
                && (r.text().equals("never") || r.text().equals("false"));
    }

    /**
     * The front-matter as Hugo reads it: keys in another case are Hugo's known keys, in the page's own front-matter
     * and in what its section pages cascade to it.
     */
    static YFields withCascades(YFields written, Cascades cascades, String path, Diagnostics d) {
        YFields own = caseFolded(written, path, d);
        YFields cascaded = cascades.applied(path, own);
        // folded again only when a cascade gave it keys; a cascade's findings are its section page's
        return cascaded == own ? own : caseFolded(cascaded, path, new Diagnostics());
    }

    /**
     * The front-matter with each key that is a known key in another case ({@code expirydate}, {@code PublishDate},
     * {@code Title}) under the known key's name, as Hugo reads keys without regard to case: its {@code expirydate}
     * takes the page off the site. A key also written in the known case keeps its own value. Two spellings of one
     * known key, neither in its case ({@code expirydate} and {@code ExpiryDate}), are named in {@code d}: the later
     * is read.
     */
    static YFields caseFolded(YFields fm, String path, Diagnostics d) {
        Map<String, YNode> entries = fm.node().entries();
        Map<String, YNode> folded = null;
        Map<String, YNode.Scalar> keys = null;
        Map<String, String> spelling = null;
        for (String key : entries.keySet()) {
            String meant = FrontMatterKeys.readAs(key, entries.keySet())
                    .filter(k -> !k.equals(key)) // a known key as written stays where it is
                    .orElse(null);
            if (meant != null) {
                if (folded == null) {
                    folded = new LinkedHashMap<>(entries);
                    keys = new LinkedHashMap<>(fm.node().keys());
                    spelling = new LinkedHashMap<>();
                }
                String earlier = spelling.put(meant, key);
                if (earlier != null) {
                    YNode.Scalar at = keys.get(key);
                    d.warning(path, at.line(), at.column(), twoSpellings(key, earlier, meant));
                }
                folded.put(meant, folded.remove(key));
                keys.put(meant, keys.remove(key));
            }
        }
        return folded == null
                ? fm
                : fm.with(
                        new YNode.Map(folded, keys, fm.node().line(), fm.node().column()));
    }

    private static String twoSpellings(String key, String earlier, String meant) {
        return "'" + earlier + "' and '" + key + "' are both '" + meant
                + "' in another case, as Hugo reads keys without"
                + " regard to case (which of the two it read depended on the order it happened to visit them); Arshif"
                + " reads the later, '" + key + "': keep one of them, written '" + meant + "'";
    }

    /**
     * Hugo's files that are not pages: a headless bundle (resources other pages share), or build options that never
     * render it. Not published, with a warning that says why, rather than published against the author's intent or
     * refused for lacking a date such a file does not need. Other build options (not listed, a link only) are not
     * followed: the dispatch is published as usual, and the warning says so.
     */
    static boolean notAPage(String path, YFields fm, Diagnostics d) {
        if (fm.get("headless")
                .filter(n -> n instanceof YNode.Scalar s && s.text().equals("true"))
                .isPresent()) {
            int[] at = fm.position("headless");
            d.warning(
                    path,
                    at[0],
                    at[1],
                    "'headless: true' (a Hugo bundle of resources other pages use, not a page): not published;"
                            + " put a photo a dispatch shows in that dispatch's own folder or bundle");
            return true;
        }
        for (String key : List.of("published", "status")) {
            // Jekyll's 'published: false' and a WordPress export's 'status: draft': the site they come from kept the
            // page off, and publishing it here would be a leak.
            if (fm.get(key).orElse(null) instanceof YNode.Scalar v
                    && (key.equals("published")
                            ? v.text().equals("false")
                            : HELD_STATUS.contains(v.text().strip().toLowerCase(Locale.ROOT)))) {
                int[] at = fm.position(key);
                String whose = key.equals("published") ? "Jekyll's" : "a WordPress export's";
                d.warning(
                        path,
                        at[0],
                        at[1],
                        "'" + key + ": " + v.text().strip() + "' (" + whose + " way to keep a page off the site): not"
                                + " published; write draft: true, the key Arshif reads, to see it in a preview with"
                                + " the drafts");
                return true;
            }
        }
        for (String key : List.of("_build", "build")) {
            if (!(fm.get(key).orElse(null) instanceof YNode.Map options)) {
                continue;
            }
            int[] at = fm.position(key);
            if (neverRendered(options)) {
                String render = ((YNode.Scalar) options.entries().get("render")).text();
                d.warning(path, at[0], at[1], "'" + key + "' says render: " + render + ": not published, as in Hugo");
                return true;
            }
            d.warning(
                    path,
                    at[0],
                    at[1],
                    "Hugo's build options in '" + key + "' ("
                            + String.join(", ", options.entries().keySet())
                            + ") are not followed: the dispatch is published and listed as any other; to keep it off"
                            + " the site, set draft: true, or render: never");
        }
        return false;
    }

    /** A list of names (a single text counts as one): stripped, without duplicates, each one non-empty. */
    private static List<String> names(String path, YFields fm, String key, Diagnostics d) {
        List<String> written = fm.stringList(key).orElse(List.of());
        int[] at = fm.position(key);
        if (written.size() > MAX_ITEMS) {
            d.error(
                    path,
                    at[0],
                    at[1],
                    "'" + key + "' has " + written.size() + " items, more than the " + MAX_ITEMS
                            + " allowed; keep the ones that matter");
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        YNode node = fm.get(key).orElse(null);
        for (int i = 0; i < written.size(); i++) {
            String name = written.get(i).strip();
            if (name.isEmpty()) {
                YNode item = node instanceof YNode.Seq seq && seq.items().size() == written.size()
                        ? seq.items().get(i)
                        : node;
                d.error(
                        path,
                        item.line(),
                        item.column(),
                        "an item of '" + key + "' is empty; write a name in it" + " or remove it");
            } else {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Hugo's categories, each one that cannot have a page ({@link Slugs#categoryProblem}) reported at its item and
     * left out, as a tag that cannot is.
     */
    private static List<String> categories(String path, YFields fm, Diagnostics d) {
        List<String> names = names(path, fm, "categories", d);
        List<String> kept = new ArrayList<>(names.size());
        YNode node = fm.get("categories").orElse(null);
        for (String name : names) {
            String problem = Slugs.categoryProblem(name);
            if (problem == null) {
                kept.add(name);
                continue;
            }
            YNode at = node;
            if (node instanceof YNode.Seq seq) {
                at = seq.items().stream()
                        .filter(item -> item instanceof YNode.Scalar s
                                && s.text().strip().equals(name))
                        .findFirst()
                        .orElse(node);
            }
            d.error(path, at.line(), at.column(), problem);
        }
        return List.copyOf(kept);
    }

    /** Hugo's {@code url}: a path on this site, from its root, checked like an alias. */
    private static String url(String path, YFields fm, Diagnostics d) {
        Optional<String> url = fm.string("url").map(String::strip);
        if (url.isEmpty()) {
            return "";
        }
        String problem = Aliases.aliasProblem(url.get());
        if (problem != null) {
            int[] at = fm.position("url");
            d.error(path, at[0], at[1], "url '" + url.get() + "' " + problem.replace("an alias", "a url"));
            return "";
        }
        if (url.get().contains(" ")) {
            int[] at = fm.position("url");
            d.warning(path, at[0], at[1], Slugs.spaced("url '" + url.get() + "'", url.get(), "'url'"));
        }
        return Aliases.normalizeAlias(url.get());
    }
}
