package org.arshif.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.arshif.content.Dispatch;
import org.arshif.content.FrontMatterSplit;
import org.arshif.content.Media;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.yaml.YNode;
import org.arshif.site.TagSpellings;

/** Findings about one dispatch's own text that need no other page: unknown tags, images without text. */
final class DispatchFindings {
    private DispatchFindings() {}

    /** Tags written in the front-matter that the vocabulary does not know, at their positions. */
    static List<Diagnostic> unknownTags(Dispatch d, FrontMatterSplit split, TagVocabulary vocabulary) {
        List<Diagnostic> out = new ArrayList<>();
        // The loaded dispatch holds its front-matter tags, resolved: when the vocabulary knows them all there is
        // nothing to find, and the front-matter need not be parsed a second time (the common case, every build).
        if (vocabulary.keys().isEmpty() || d.tags().stream().allMatch(vocabulary::isKnown)) {
            return out;
        }
        YNode.Map frontMatter = split.parse(d.path(), new Diagnostics())
                .filter(YNode.Map.class::isInstance)
                .map(YNode.Map.class::cast)
                .orElse(null);
        if (frontMatter == null) {
            return out;
        }
        YNode tags = frontMatter.entries().get("tags");
        Dispatch.Position cascaded = d.position("tags");
        if (tags == null && !cascaded.file().isEmpty()) {
            // The tags are a section page's cascade: each unknown one is reported there, once for the dispatches.
            d.tags().stream()
                    .filter(key -> !vocabulary.isKnown(key))
                    .forEach(key -> out.add(Diagnostic.warning(
                            cascaded.file(), cascaded.line(), cascaded.column(), notInVocabulary(key, vocabulary))));
            return out;
        }
        List<YNode> items = tags instanceof YNode.Seq seq ? seq.items() : tags == null ? List.of() : List.of(tags);
        for (YNode item : items) {
            if (item instanceof YNode.Scalar s && s.kind() != YNode.ScalarKind.NULL) {
                String key = vocabulary.resolve(s.text());
                if (!key.isEmpty() && !vocabulary.isKnown(key)) {
                    out.add(Diagnostic.warning(d.path(), s.line(), s.column(), notInVocabulary(s.text(), vocabulary)));
                }
            }
        }
        return out;
    }

    private static String notInVocabulary(String tag, TagVocabulary vocabulary) {
        String written = tag.strip();
        String start = "tag '" + written + "' is not in the vocabulary " + TagVocabulary.FILE;
        return vocabulary.keys().stream()
                .filter(key -> Stream.concat(
                                vocabulary.tag(key).orElseThrow().names().values().stream(),
                                vocabulary.tag(key).orElseThrow().alias().stream())
                        .anyMatch(name -> TagSpellings.sameWord(name, written)))
                .findFirst()
                .map(key -> start + ", though it differs from the tag '" + key + "' ("
                        + String.join(
                                ", ", vocabulary.tag(key).orElseThrow().names().values())
                        + ") only in how a letter is written; write that, or add it to the tag's other spellings there ("
                        + key + ": alias: [" + written + "])")
                .orElse(start + "; add it there with its name in each language, use a tag that is, or, if it is"
                        + " another spelling of one, add it to that tag's other spellings (KEY: alias: [" + written
                        + "])");
    }

    /** An image that is there, but has no text for readers who cannot see it, or is no image Java can read. */
    static List<Diagnostic> imageProblems(MarkdownLinks.Target t, String path, Media media, String basePath) {
        List<Diagnostic> out = new ArrayList<>();
        if (t.alt().isEmpty()) {
            out.add(Diagnostic.warning(
                    path,
                    t.line(),
                    t.column(),
                    "image '" + t.destination() + "' has no text for"
                            + " readers who cannot see it; write what it shows between the brackets: ![…]("
                            + t.destination()
                            + ")"));
        }
        media.resolve(path, t.destination(), basePath)
                .map(m -> media.header(m.source()).problem())
                .filter(p -> !p.isEmpty())
                .ifPresent(p -> out.add(
                        Diagnostic.warning(path, t.line(), t.column(), "image '" + t.destination() + "': " + p)));
        return out;
    }

    /** The line of the last non-blank line of a text, where a missing footer is reported. */
    static int lastTextLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return i + 1;
            }
        }
        return 1;
    }
}
