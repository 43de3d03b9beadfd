package org.arshif.content;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.FindingCap;
import org.arshif.diag.Severity;
import org.arshif.internal.InputFiles;
import org.arshif.internal.SourceText;
import org.arshif.internal.Suggestions;
import org.arshif.internal.TextControls;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;
import org.arshif.internal.yaml.YamlReader;

/**
 * The bilingual tag vocabulary, {@code content/tags.yml}: a tag's key (its URL slug in every language), its
 * name in each language, optional match terms that tag plain-text dispatches naming no tags, and optional other
 * spellings ({@code alias}) that a dispatch's {@code tags} may write for it.
 *
 * <pre>{@code
 * syria:
 *   ar: سورية
 *   en: Syria
 *   match: [سورية, سوريا, Syria]
 *   alias: [سوريه]
 * }</pre>
 *
 * Matching runs on analyzed terms (normalized and stemmed), so {@code السورية} and {@code بسوريا} match too.
 */
public final class TagVocabulary {
    public static final String FILE = "content/tags.yml";

    /**
     * A tag of the vocabulary.
     *
     * @param alias other spellings of its name a dispatch's {@code tags} may write ({@code اخبار} for {@code أخبار}),
     *              which go to this tag
     */
    public record Tag(String key, Map<String, String> names, List<String> match, List<String> alias) {
        public Tag {
            // Sorted by language: a name's first language must not vary from run to run, as Map.copyOf's order does.
            names = Collections.unmodifiableMap(new TreeMap<>(names));
            match = List.copyOf(match);
            alias = List.copyOf(alias);
        }
    }

    private final Map<String, Tag> byKey;
    private final Map<String, String> keyByName;
    private final Map<String, List<MatchRule>> rulesByFirstTerm;
    private final Function<String, List<String>> terms;

    private record MatchRule(String key, List<String> terms) {}

    private TagVocabulary(Map<String, Tag> byKey, Function<String, List<String>> terms) {
        this.byKey = new TreeMap<>(byKey);
        this.terms = terms;
        this.keyByName = new HashMap<>();
        this.rulesByFirstTerm = new HashMap<>();
        for (Tag tag : this.byKey.values()) {
            keyByName.put(fold(tag.key()), tag.key());
            tag.names().values().forEach(n -> keyByName.putIfAbsent(fold(n), tag.key()));
        }
        // other spellings after every key and name: one that is another tag's stays that tag's, and is named
        for (Tag tag : this.byKey.values()) {
            tag.alias().forEach(a -> keyByName.putIfAbsent(fold(a), tag.key()));
            for (String m : tag.match()) {
                List<String> t = terms.apply(m);
                if (!t.isEmpty()) {
                    rulesByFirstTerm
                            .computeIfAbsent(t.get(0), k -> new ArrayList<>())
                            .add(new MatchRule(tag.key(), t));
                }
            }
        }
    }

    public static TagVocabulary empty(Function<String, List<String>> terms) {
        return new TagVocabulary(Map.of(), terms);
    }

    /** Reads {@code content/tags.yml} under the site root; an absent file is an empty vocabulary. */
    public static TagVocabulary load(Path siteRoot, Function<String, List<String>> terms, Diagnostics diagnostics) {
        Path file = siteRoot.resolve(FILE);
        if (!Files.exists(file)) {
            return empty(terms);
        }
        // Only a folder has its own words: a link, pipe or device is InputFiles's to name, and never read.
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            diagnostics.error(
                    FILE,
                    0,
                    0,
                    FILE + " is a folder, so the tag vocabulary cannot be read; the"
                            + " vocabulary is a file: remove or rename the folder");
            return empty(terms);
        }
        Diagnostics local = new Diagnostics();
        TagVocabulary vocabulary = empty(terms);
        // Read like every input: a link out of the site or an unreadable file is a finding, not its contents.
        Optional<byte[]> bytes = InputFiles.within(siteRoot).read(file, FILE, local);
        try {
            if (bytes.isPresent()) {
                SourceText source = SourceText.decode(FILE, bytes.get());
                local.addAll(source.findings());
                vocabulary = parse(source, terms, local);
            }
        } catch (ContentException e) {
            local.addAll(e.diagnostics());
        }
        diagnostics.addAll(TextControls.oncePerFile(local.sorted()));
        return vocabulary;
    }

    private static TagVocabulary parse(
            SourceText source, Function<String, List<String>> terms, Diagnostics diagnostics) {
        Optional<YNode> root = YamlReader.parse(source.text(), FILE, 0, diagnostics);
        Map<String, Tag> tags = new LinkedHashMap<>();
        List<WrittenName> written = new ArrayList<>();
        if (root.isEmpty()) {
            return empty(terms);
        }
        if (!(root.get() instanceof YNode.Map map)) {
            diagnostics.error(FILE, 1, 1, "the tag vocabulary must map tag keys to their names");
            return empty(terms);
        }
        YFields all = new YFields(map, FILE, diagnostics);
        Caps caps = new Caps(diagnostics);
        for (String key : map.entries().keySet()) {
            int[] pos = all.position(key);
            String slug = Slugs.tagKey(key);
            if (!slug.equals(key)) {
                caps.unclean()
                        .add(
                                pos[0],
                                pos[1],
                                "tag key '" + key + "' is not a clean URL slug; use '" + slug
                                        + "' (lower case, letters, digits and '-')");
                continue;
            }
            String problem = Slugs.segmentProblem(key);
            if (problem != null) {
                caps.segment().add(pos[0], pos[1], "tag key '" + key + "' " + problem);
                continue;
            }
            Optional<YFields> entry = all.mapping(key);
            if (entry.isEmpty()) {
                continue;
            }
            Map<String, String> names = new TreeMap<>();
            EntryLists lists = entryFields(key, entry.get(), names, written, caps.unknownKey());
            tags.put(key, new Tag(key, names, lists.match(), lists.alias()));
        }
        TagVocabulary vocabulary = new TagVocabulary(tags, terms);
        vocabulary.warnSharedNames(written, caps.sharedName());
        caps.close();
        return vocabulary;
    }

    /**
     * The findings a vocabulary of thousands of tags can make once per tag, each kind capped: 50,000 tags with one
     * misspelt key each printed 50,000 errors.
     */
    private record Caps(FindingCap unclean, FindingCap segment, FindingCap unknownKey, FindingCap sharedName) {
        Caps(Diagnostics d) {
            this(
                    new FindingCap(
                            d,
                            FILE,
                            Severity.ERROR,
                            "tag keys that are not clean URL slugs",
                            "write each key in lower case, with letters, digits and '-'"),
                    new FindingCap(
                            d, FILE, Severity.ERROR, "tag keys that cannot be a URL segment", "rename each of them"),
                    new FindingCap(
                            d,
                            FILE,
                            Severity.ERROR,
                            "unknown keys in tags",
                            "use a language code (ar, en) for a name, 'match' for match terms, or 'alias' for other"
                                    + " spellings"),
                    new FindingCap(
                            d,
                            FILE,
                            Severity.WARNING,
                            "tags named as another tag is",
                            "merge each pair of tags, or give each tag a name of its own"));
        }

        void close() {
            List.of(unclean, segment, unknownKey, sharedName).forEach(FindingCap::close);
        }
    }

    /** A tag's match terms and other spellings ({@code alias}), as its entry writes them. */
    private record EntryLists(List<String> match, List<String> alias) {}

    /**
     * A tag's entry: its names by language into {@code names} (and {@code written}, with its other spellings); its
     * match terms and other spellings.
     */
    private static EntryLists entryFields(
            String key, YFields f, Map<String, String> names, List<WrittenName> written, FindingCap unknown) {
        List<String> match = List.of();
        List<String> alias = List.of();
        for (String field : f.node().entries().keySet()) {
            if (field.equals("match")) {
                match = f.stringList(field).orElse(List.of());
            } else if (field.equals("alias")) {
                alias = f.stringList(field).orElse(List.of());
                for (String a : alias) {
                    written.add(new WrittenName(key, field, a, f.position(field)));
                }
            } else if (field.length() == 2 && field.chars().allMatch(Character::isLowerCase)) {
                f.string(field).ifPresent(n -> names.put(field, n));
                f.string(field).ifPresent(n -> written.add(new WrittenName(key, field, n, f.position(field))));
            } else {
                int[] fp = f.position(field);
                unknown.add(
                        fp[0],
                        fp[1],
                        "unknown key '" + field + "' in tag '" + key + "'; "
                                + Suggestions.closest(field, Set.of("match", "alias"))
                                        .map(k -> "did you mean '" + k + "'?")
                                        .orElse("use a language code (ar, en) for a name, 'match' for match terms,"
                                                + " or 'alias' for other spellings"));
            }
        }
        return new EntryLists(match, alias);
    }

    /** A tag's name in one language, where {@code tags.yml} writes it. */
    private record WrittenName(String key, String lang, String name, int[] at) {}

    /** What {@code name} is of the tag {@code owner}: its key, a name, or another spelling. */
    private String whatOf(String owner, String name) {
        if (fold(owner).equals(fold(name))) {
            return "key";
        }
        return byKey.get(owner).names().values().stream().anyMatch(n -> fold(n).equals(fold(name)))
                ? "name"
                : "other spelling";
    }

    /**
     * Two tags of one name (or a name that is another tag's key): an editor's tag of that name goes to only one of
     * them, the one {@link #resolve} finds, and two tag pages would carry one title. A warning at each name that
     * resolves to another tag, which names both; and at each other spelling ({@code alias}) that is another tag's
     * key, name or earlier spelling, which stays that tag's.
     */
    private void warnSharedNames(List<WrittenName> written, FindingCap shared) {
        for (WrittenName w : written) {
            String owner = keyByName.get(fold(w.name()));
            if (!owner.equals(w.key()) && w.lang().equals("alias")) {
                shared.add(
                        w.at()[0],
                        w.at()[1],
                        "tag '" + w.key() + "' lists '" + w.name() + "' among its other spellings (alias), but that is"
                                + " tag '" + owner + "''s " + whatOf(owner, w.name())
                                + ", which keeps it: a dispatch tagged '" + w.name() + "' goes to '" + owner
                                + "'; delete it from " + w.key() + "'s alias, or merge the two tags");
            } else if (!owner.equals(w.key())) {
                shared.add(
                        w.at()[0],
                        w.at()[1],
                        "tag '" + w.key() + "' is named '" + w.name() + "' (" + w.lang() + "), as tag '" + owner
                                + "' is " + (fold(owner).equals(fold(w.name())) ? "keyed" : "named")
                                + ", so a dispatch tagged '" + w.name() + "' goes to '" + owner
                                + "'; merge the two tags, or give this one a name of its own");
            }
        }
    }

    /** The tag key for a tag as an editor wrote it: a vocabulary key or name, else its own slug. */
    public String resolve(String raw) {
        String known = keyByName.get(fold(raw));
        return known != null ? known : Slugs.tagKey(raw);
    }

    public boolean isKnown(String key) {
        return byKey.containsKey(key);
    }

    public Optional<Tag> tag(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Vocabulary tags whose match terms occur in the text, in key order. */
    public List<String> match(String text) {
        if (rulesByFirstTerm.isEmpty()) {
            return List.of();
        }
        List<String> t = terms.apply(text);
        Set<String> found = new TreeSet<>();
        for (int i = 0; i < t.size(); i++) {
            List<MatchRule> rules = rulesByFirstTerm.get(t.get(i));
            if (rules == null) {
                continue;
            }
            for (MatchRule rule : rules) {
                if (i + rule.terms().size() <= t.size()
                        && t.subList(i, i + rule.terms().size()).equals(rule.terms())) {
                    found.add(rule.key());
                }
            }
        }
        return List.copyOf(found);
    }

    public Set<String> keys() {
        return byKey.keySet();
    }

    private static String fold(String s) {
        return Slugs.arabicFolded(s.strip().toLowerCase(Locale.ROOT));
    }
}
