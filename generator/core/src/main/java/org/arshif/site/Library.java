package org.arshif.site;

import java.util.List;
import java.util.Map;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.Media;
import org.arshif.content.SectionTexts;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostic;

/**
 * Everything read from a site folder, before any output: what a build, a check and the preview start from.
 *
 * @param dispatches every dispatch read, drafts and scheduled ones included (the model holds the published ones)
 * @param words      the theme's words by language ({@code i18n.yml})
 * @param sources    every dispatch file found, as site-root-relative paths
 * @param findings   every finding of the load, errors included, sorted
 * @param identities for incremental builds, each source file's fingerprint of everything its dispatch was read
 *                   from, by path; else empty
 * @param media      the photos and other files published beside dispatches and under {@code /media/}
 * @param sectionTexts the titles and texts of Hugo's section pages ({@code _index.md}), for the sections' lists
 */
public record Library(
        SiteConfig config,
        TagVocabulary vocabulary,
        List<Dispatch> dispatches,
        SiteModel model,
        Theme theme,
        Map<String, Map<String, String>> words,
        List<String> sources,
        List<Diagnostic> findings,
        Map<String, String> identities,
        Media media,
        SectionTexts sectionTexts) {
    public boolean hasErrors() {
        return findings.stream().anyMatch(Diagnostic::isError);
    }
}
