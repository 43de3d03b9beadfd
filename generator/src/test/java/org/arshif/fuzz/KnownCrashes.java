package org.arshif.fuzz;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.arshif.config.SiteConfig;
import org.arshif.content.FrontMatterSplit;
import org.arshif.content.SourceText;
import org.arshif.diag.ContentException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * TEMPORARY GUARD, remove when the hardening branches of issue 10 are merged. Recognizes the classes of input
 * whose crashes are already known and being fixed elsewhere, so that a fuzz run does not stop on them again and
 * again and its minutes go to finding new ones:
 * <ul>
 * <li>YAML alias bombs, recursive aliases and deep nesting (a hang, or StackOverflowError in the YAML reader);
 * <li>footer and teaser patterns from {@code arshif.yml} that do not compile (PatternSyntaxException when the
 *     build makes its reader) or that can backtrack for ever (ReDoS).
 * </ul>
 * The inputs the fuzzer found in these classes are kept under {@code src/test/fuzz-pending/}, which no test runs
 * yet. A fuzz target skips an input only when one of these methods says so; nothing else is excused.
 */
final class KnownCrashes {
    private static final LoadSettings YAML = LoadSettings.builder().setMaxAliasesForCollections(50)
            .setAllowRecursiveKeys(false).build();
    private static final long MAX_EXPANDED_NODES = 100_000;
    private static final int MAX_DEPTH = 500;
    /** A quantified group or a back-reference: the shapes that make a backtracking engine exponential. */
    private static final Pattern BACKTRACKING = Pattern.compile("\\)[*+?{]|\\\\[1-9k]");

    private KnownCrashes() {
    }

    /** Whether the front-matter of this dispatch file is a YAML alias bomb, a recursive alias or nested too deep. */
    static boolean inFrontMatter(byte[] file) {
        try {
            FrontMatterSplit split = FrontMatterSplit.of(SourceText.decode("x", file).text());
            return split.yaml().map(KnownCrashes::yamlBomb).orElse(false);
        } catch (ContentException | FrontMatterSplit.UnclosedException e) {
            return false;
        }
    }

    /** Whether this whole YAML file is an alias bomb, a recursive alias or nested too deep. */
    static boolean inYamlFile(byte[] file) {
        try {
            return yamlBomb(SourceText.decode("x", file).text());
        } catch (ContentException e) {
            return false;
        }
    }

    /** Whether a build with this configuration would compile a user-written pattern that is invalid or can backtrack. */
    static boolean inPatterns(SiteConfig config) {
        for (List<String> patterns : List.of(config.footerPatterns(), config.teaserPatterns())) {
            if (patterns.equals(SiteConfig.DEFAULT_FOOTER_PATTERNS)
                    || patterns.equals(SiteConfig.DEFAULT_TEASER_PATTERNS)) {
                continue;
            }
            for (String p : patterns) {
                try {
                    Pattern.compile(p);
                } catch (PatternSyntaxException e) {
                    return true;
                }
                if (BACKTRACKING.matcher(p).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean yamlBomb(String yaml) {
        Optional<Node> root;
        try {
            root = new Compose(YAML).composeString(yaml);
        } catch (YamlEngineException e) {
            return false; // malformed: the reader reports it
        } catch (StackOverflowError e) {
            return true; // nested deeper than the composer's recursion can go
        }
        return root.isPresent() && expandedSize(root.get(), 0, new IdentityHashMap<>(), new IdentityHashMap<>())
                > MAX_EXPANDED_NODES;
    }

    /** Nodes in the tree the reader expands the graph into; past a limit (a cycle counts as past) it stops counting. */
    private static long expandedSize(Node node, int depth, Map<Node, Long> sizes, Map<Node, Boolean> onPath) {
        if (depth > MAX_DEPTH || onPath.containsKey(node)) {
            return Long.MAX_VALUE;
        }
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        onPath.put(node, true);
        long size = 1;
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                size = saturatingAdd(size, expandedSize(item, depth + 1, sizes, onPath));
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                size = saturatingAdd(size, expandedSize(t.getKeyNode(), depth + 1, sizes, onPath));
                size = saturatingAdd(size, expandedSize(t.getValueNode(), depth + 1, sizes, onPath));
            }
        }
        onPath.remove(node);
        sizes.put(node, size);
        return size;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
