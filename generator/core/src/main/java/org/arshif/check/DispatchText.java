package org.arshif.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.arshif.content.Dispatch;
import org.arshif.content.FrontMatterSplit;
import org.arshif.content.SourceFormat;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.SourceText;
import org.arshif.internal.TextControls;

/**
 * A loaded dispatch's file, read again for the checks that need its text: where an unknown tag stands, the last
 * line of agency text without a footer, the links and images of a Markdown body. Most dispatches need none of
 * them, and their files are neither decoded nor split again (that was half of a build's check).
 *
 * @param source the cleaned text, or null when no check needs it
 * @param split  the text split from its front-matter, or null when no check needs it
 * @param bytes  the file's bytes, or null when no check needs them
 */
record DispatchText(SourceText source, FrontMatterSplit split, byte[] bytes) {
    private static final DispatchText NOT_NEEDED = new DispatchText(null, null, null);

    /**
     * What the checks of {@code d} need of its file; empty when the file no longer decodes or splits (the load
     * reported why, and there is nothing more to check).
     *
     * @throws ContentException when the file was deleted since the load: the site would publish a dispatch that is
     *     gone, and the error must not be kept in a check memo as the file's own
     */
    static Optional<DispatchText> of(Path siteRoot, Dispatch d, TagVocabulary vocabulary) {
        boolean unknownTag = !vocabulary.keys().isEmpty() && !d.tags().stream().allMatch(vocabulary::isKnown);
        boolean noFooter = d.format() == SourceFormat.AGENCY_TEXT && !d.footerFound();
        if (!unknownTag && !noFooter && d.format() != SourceFormat.MARKDOWN) {
            return Optional.of(NOT_NEEDED);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(siteRoot.resolve(d.path()));
        } catch (NoSuchFileException e) {
            throw new ContentException(Diagnostic.error(
                    d.path(),
                    0,
                    0,
                    "the file was deleted or renamed while the build ran, after it was read; build again"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + d.path(), e);
        }
        if (!unknownTag && !noFooter && !mayHoldALink(bytes)) {
            return Optional.of(NOT_NEEDED);
        }
        try {
            SourceText source = SourceText.decode(d.path(), bytes);
            return Optional.of(new DispatchText(source, FrontMatterSplit.of(source.text()), bytes));
        } catch (ContentException | FrontMatterSplit.UnclosedException e) {
            return Optional.empty();
        }
    }

    /**
     * Findings about this file at its columns as written: they were found in its text without its control
     * characters and inner byte-order marks, if it had any ({@link TextControls#shifted}).
     */
    List<Diagnostic> atWrittenColumns(String path, List<Diagnostic> found) {
        return source == null || source.findings().stream().noneMatch(TextControls::isRemovalWarning)
                ? found
                : TextControls.shifted(path, found, bytes);
    }

    /**
     * Whether the file has a {@code [} or a {@code <}, which every Markdown link and image is written with
     * ({@link MarkdownLinks}), or a <code>{</code>, which Hugo's shortcodes are (a figure is an image). Cleaning the text (NFC, controls removed, line ends) never makes either.
     */
    static boolean mayHoldALink(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '[' || b == '<' || b == '{') {
                return true;
            }
        }
        return false;
    }
}
