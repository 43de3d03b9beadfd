package org.arshif.internal.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.TextControls;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds {@link YNode}s straight from parser events, in place of snakeyaml's composer, which recursed once per
 * nesting level (10,000 flow levels overflowed the stack) and whose graph, expanded into a tree, let a 1 KB alias
 * bomb take all memory. Here the nesting depth is bounded, an alias shares the node it names (an immutable
 * record) and its expanded size counts against a budget, and an alias to a value still being read (a recursive
 * alias) is an error at the alias. Not thread-safe: one per parse.
 */
final class YamlComposer {
    /** Deeper than any front-matter or configuration needs; also bounds recursion over YNodes later. */
    static final int MAX_DEPTH = 64;
    /** Values that aliases may add beyond those written out; a bomb's expansion runs past it in a few levels. */
    static final int MAX_ALIAS_EXPANSION = 10_000;

    /** A finished node with its size and height once expanded, for the alias budget and the depth bound. */
    private record Composed(YNode node, long size, int height) {}

    /** Stops composing: the finding is already reported. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final Parser parser;
    private final ScalarResolver resolver;
    private final String path;
    private final int lineOffset;
    private final Diagnostics diagnostics;
    private final Map<Anchor, Composed> anchors = new HashMap<>();
    private final Set<Anchor> open = new HashSet<>();
    private long expanded;
    private boolean controlReported;

    YamlComposer(LoadSettings settings, String yaml, String path, int lineOffset, Diagnostics diagnostics) {
        this.parser = new ParserImpl(settings, new StreamReader(settings, yaml));
        this.resolver = settings.getSchema().getScalarResolver();
        this.path = path;
        this.lineOffset = lineOffset;
        this.diagnostics = diagnostics;
    }

    /** The single document's root, or empty for an empty stream. */
    Optional<YNode> single() {
        parser.next(); // stream start
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return Optional.empty();
        }
        parser.next(); // document start
        YNode root = compose(1).node();
        parser.next(); // document end
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            throw fail(
                    parser.peekEvent().getStartMark(),
                    "malformed YAML: more than one document (a second" + " '---' line); keep one document");
        }
        return Optional.of(root);
    }

    private Composed compose(int depth) {
        Event event = parser.next();
        if (event instanceof AliasEvent alias) {
            return alias(alias, depth);
        }
        if (depth > MAX_DEPTH) {
            throw fail(
                    event.getStartMark(),
                    "the YAML is nested more than " + MAX_DEPTH
                            + " levels deep (lists or mappings inside each other); flatten it");
        }
        Optional<Anchor> anchor = ((NodeEvent) event).getAnchor();
        anchor.ifPresent(open::add);
        Composed composed;
        if (event instanceof ScalarEvent scalar) {
            composed = new Composed(scalar(scalar), 1, 1);
        } else if (event.getEventId() == Event.ID.SequenceStart) {
            composed = sequence(event, depth);
        } else {
            composed = mapping(event, depth);
        }
        anchor.ifPresent(a -> {
            open.remove(a);
            anchors.put(a, composed);
        });
        return composed;
    }

    private Composed alias(AliasEvent alias, int depth) {
        Anchor name = alias.getAlias();
        if (open.contains(name)) {
            throw fail(
                    alias.getStartMark(),
                    "alias '*" + name.getValue() + "' is inside the value it names"
                            + " (a recursive alias); a value cannot contain itself");
        }
        Composed target = anchors.get(name);
        if (target == null) {
            throw fail(
                    alias.getStartMark(),
                    "malformed YAML: alias '*" + name.getValue() + "' names no anchor;" + " define '&" + name.getValue()
                            + "' before it");
        }
        if (depth - 1 + target.height() > MAX_DEPTH) {
            throw fail(
                    alias.getStartMark(),
                    "the YAML is nested more than " + MAX_DEPTH + " levels deep once alias '*" + name.getValue()
                            + "' is expanded; flatten it");
        }
        expanded += target.size();
        if (expanded > MAX_ALIAS_EXPANSION) {
            throw fail(
                    alias.getStartMark(),
                    "aliases expand to more than " + MAX_ALIAS_EXPANSION + " values (at '*" + name.getValue()
                            + "'); write the values out, or use fewer aliases");
        }
        return target;
    }

    private Composed sequence(Event start, int depth) {
        List<YNode> items = new ArrayList<>();
        long size = 1;
        int height = 0;
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            Composed item = compose(depth + 1);
            items.add(item.node());
            size += item.size();
            height = Math.max(height, item.height());
        }
        parser.next();
        int[] at = position(start.getStartMark());
        return new Composed(new YNode.Seq(List.copyOf(items), at[0], at[1]), size, height + 1);
    }

    private Composed mapping(Event start, int depth) {
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, YNode.Scalar> keys = new LinkedHashMap<>();
        long size = 1;
        int height = 0;
        List<YNode.Map> merged = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            boolean merge = isMergeKey(parser.peekEvent());
            Composed key = compose(depth + 1);
            Composed value = compose(depth + 1);
            size += key.size() + value.size();
            height = Math.max(height, Math.max(key.height(), value.height()));
            if (merge) {
                merged.addAll(mergedMaps(key.node(), value.node()));
            } else if (!(key.node() instanceof YNode.Scalar k) || k.kind() == YNode.ScalarKind.NULL) {
                error(key.node(), "a key must be plain text, not " + key.node().kindName());
            } else if (entries.containsKey(k.text())) {
                error(
                        k,
                        "duplicate key '" + k.text() + "' (first given on line "
                                + keys.get(k.text()).line() + "); keep only one");
            } else {
                entries.put(k.text(), value.node());
                keys.put(k.text(), k);
            }
        }
        parser.next();
        // YAML 1.1's merge, as Hugo reads it: the mapping's own keys win, then the first merged mapping's.
        for (YNode.Map m : merged) {
            m.entries().forEach((k, v) -> {
                if (!keys.containsKey(k)) {
                    entries.put(k, v);
                    keys.put(k, m.keys().get(k));
                }
            });
        }
        int[] at = position(start.getStartMark());
        return new Composed(
                new YNode.Map(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keys), at[0], at[1]),
                size,
                height + 1);
    }

    /** A plain {@code <<} key: YAML 1.1's merge key (quoted, it is the text "<<"). */
    private static boolean isMergeKey(Event event) {
        return event instanceof ScalarEvent scalar
                && scalar.getValue().equals("<<")
                && scalar.getScalarStyle() == ScalarStyle.PLAIN;
    }

    /** The mappings a merge key's value names: one mapping, or a list of them; anything else is an error. */
    private List<YNode.Map> mergedMaps(YNode key, YNode value) {
        if (value instanceof YNode.Map map) {
            return List.of(map);
        }
        if (value instanceof YNode.Seq seq && seq.items().stream().allMatch(YNode.Map.class::isInstance)) {
            return seq.items().stream().map(YNode.Map.class::cast).toList();
        }
        error(
                key,
                "the merge key '<<' takes a mapping or a list of mappings, such as '<<: *base' where '&base' names"
                        + " a mapping, not " + value.kindName() + "; quote it ('\"<<\"') if it is a key of its own");
        return List.of();
    }

    private YNode.Scalar scalar(ScalarEvent event) {
        Optional<String> explicit = event.getTag();
        Tag tag = explicit.isEmpty() || explicit.get().equals("!")
                ? resolver.resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
                : new Tag(explicit.get());
        YNode.ScalarKind kind;
        if (Tag.INT.equals(tag)) {
            kind = YNode.ScalarKind.INT;
        } else if (Tag.FLOAT.equals(tag)) {
            kind = YNode.ScalarKind.FLOAT;
        } else if (Tag.BOOL.equals(tag)) {
            kind = YNode.ScalarKind.BOOL;
        } else if (Tag.NULL.equals(tag)) {
            kind = YNode.ScalarKind.NULL;
        } else {
            kind = YNode.ScalarKind.STRING;
        }
        int[] at = position(event.getStartMark());
        // Escapes like "\0" or "\x1A" make control characters the raw text never had.
        String text = event.getValue();
        int control = TextControls.first(text);
        if (control >= 0) {
            if (!controlReported) {
                diagnostics.add(TextControls.warning(path, at[0], at[1], text.codePointAt(control)));
                controlReported = true;
            }
            text = TextControls.strip(text);
        }
        return new YNode.Scalar(text, kind, at[0], at[1]);
    }

    private int[] position(Optional<Mark> mark) {
        return new int[] {
            mark.map(m -> m.getLine() + 1 + lineOffset).orElse(0),
            mark.map(m -> m.getColumn() + 1).orElse(0)
        };
    }

    private void error(YNode at, String message) {
        diagnostics.add(Diagnostic.error(path, at.line(), at.column(), message));
    }

    private Stop fail(Optional<Mark> mark, String message) {
        int[] at = position(mark);
        diagnostics.add(Diagnostic.error(path, at[0] == 0 ? lineOffset + 1 : at[0], at[1], message));
        return new Stop();
    }
}
