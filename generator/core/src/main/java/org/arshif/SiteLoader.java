package org.arshif;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.content.BundleNeighbours;
import org.arshif.content.Cascades;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.HugoCascades;
import org.arshif.content.HugoRootLanguage;
import org.arshif.content.Media;
import org.arshif.content.SectionCapitals;
import org.arshif.content.SectionTexts;
import org.arshif.content.TagVocabulary;
import org.arshif.content.UnmatchedSectionKeys;
import org.arshif.content.UnplacedFiles;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.Background;
import org.arshif.site.Library;
import org.arshif.site.SiteModel;
import org.arshif.site.TagSpellings;
import org.arshif.site.Theme;

/**
 * Reads a site folder into a {@link Library}: the one loader behind {@link Arshif#load()} and {@link LiveLibrary}.
 * How the dispatch files themselves are read is the caller's: all at once, through the parse cache, or one by one
 * as the preview sees them change.
 */
final class SiteLoader {
    private final Arshif arshif;
    private final Path siteRoot;
    private final long sourceBytes;

    SiteLoader(Arshif arshif) {
        this(arshif, -1);
    }

    /**
     * @param sourceBytes the dispatch files' bytes when a walk of the inputs has just seen them, else negative: they
     *                    are then each looked at again, for whether bodies are packed
     */
    SiteLoader(Arshif arshif, long sourceBytes) {
        this.arshif = arshif;
        this.siteRoot = arshif.siteRoot();
        this.sourceBytes = sourceBytes;
    }

    /**
     * What every dispatch is read with, and what reading it found.
     *
     * @param sources every dispatch file, site-root-relative and sorted
     */
    record Setup(
            SiteConfig config,
            TagVocabulary vocabulary,
            GitHistory git,
            List<String> sources,
            DispatchReader reader,
            List<Diagnostic> findings,
            Media media,
            SectionTexts sectionTexts) {}

    /** The theme (built-in, overridden by the site's templates) and its words by language. */
    record ThemeWords(Theme theme, Map<String, Map<String, String>> words, List<Diagnostic> findings) {}

    /** Reads configuration, vocabulary and git history, and lists the dispatch files. */
    Setup setup() {
        try (Background background = new Background("arshif-setup", 2)) {
            return setup(background);
        }
    }

    /**
     * {@link #setup()}, with git on {@code background} while this thread reads configuration and vocabulary and
     * walks the content folder once, for the dispatch files and the media: they wait on the file system and a
     * process, not on each other.
     */
    Setup setup(Background background) {
        CompletableFuture<GitHistory> history = background.start(() -> GitHistory.read(siteRoot));
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = arshif.configured(ConfigLoader.load(siteRoot, diagnostics), diagnostics);
        TagVocabulary vocabulary = TagVocabulary.load(siteRoot, arshif.terms(), diagnostics);
        if (!Files.isDirectory(siteRoot.resolve(ContentLoader.CONTENT_DIR))) {
            diagnostics.error(
                    ContentLoader.CONTENT_DIR,
                    0,
                    0,
                    "no content folder at " + siteRoot.resolve(ContentLoader.CONTENT_DIR)
                            + "; put dispatches under content/ar/ and content/en/");
        }
        ContentLoader.Listing listing = ContentLoader.listAll(siteRoot, diagnostics);
        List<String> sources = listing.sources();
        Cascades cascades = HugoCascades.read(
                siteRoot, sources, listing.sectionPages(), Set.copyOf(config.languages()), diagnostics);
        SectionTexts sectionTexts = SectionTexts.read(siteRoot, sources, listing.sectionPages(), config, diagnostics);
        GitHistory git = Background.join(history);
        if (git.shallow()) {
            diagnostics.warning(
                    "",
                    0,
                    0,
                    "the repository is a shallow clone, so dates taken from git may be wrong;"
                            + " check out the full history (actions/checkout with fetch-depth: 0)");
        }
        Media media = Media.of(siteRoot, sources, listing.others());
        UnplacedFiles.warn(media.unplaced(), diagnostics);
        HugoRootLanguage.of(siteRoot, config).ifPresent(diagnostics::add);
        BundleNeighbours.warn(sources, listing.sectionPages(), diagnostics);
        DispatchReader reader = new DispatchReader(config, vocabulary, git)
                .withMedia(media)
                .withCascades(cascades)
                .packingBodies(
                        sourceBytes >= 0
                                ? ContentLoader.packBodies(
                                        sourceBytes, Runtime.getRuntime().maxMemory())
                                : ContentLoader.packBodies(
                                        siteRoot, sources, Runtime.getRuntime().maxMemory()));
        return new Setup(config, vocabulary, git, sources, reader, diagnostics.sorted(), media, sectionTexts);
    }

    /**
     * Reads configuration, vocabulary, git history, every dispatch (from {@code source}) and the theme. The theme
     * is compiled on a thread of its own from the start, so that nothing of it is left to do after the parse.
     */
    Library load(DispatchSource source) {
        try (Background background = new Background("arshif-load", 3)) {
            CompletableFuture<ThemeWords> theme = background.start(this::theme);
            Setup setup = setup(background);
            Diagnostics reading = new Diagnostics();
            DispatchSource.Parsed parsed = source.read(siteRoot, setup, reading);
            CompletableFuture<Void> saving = background.start(() -> {
                parsed.save().run();
                return null;
            });
            Library library;
            try {
                library = library(
                        setup,
                        Background.join(theme),
                        parsed.dispatches(),
                        setup.sources(),
                        reading.sorted(),
                        parsed.identities());
            } finally {
                saving.handle((done, failure) -> done).join(); // the cache written (or not) before the load ends
            }
            Background.join(saving); // a cache that cannot be written fails the load, as it did when written inline
            return library;
        }
    }

    ThemeWords theme() {
        Diagnostics diagnostics = new Diagnostics();
        Theme theme = new Theme(arshif.templates(), siteRoot, diagnostics);
        Map<String, Map<String, String>> words = theme.words(diagnostics);
        return new ThemeWords(theme, words, diagnostics.sorted());
    }

    /**
     * The library of what was read: the site model is built here, with the drafts, scheduled dispatches and
     * clock of this Arshif.
     *
     * @param sources      the dispatch files known
     * @param readFindings what reading the dispatch files found
     */
    Library library(
            Setup setup,
            ThemeWords theme,
            List<Dispatch> dispatches,
            List<String> sources,
            List<Diagnostic> readFindings,
            Map<String, String> identities) {
        return library(setup, theme, dispatches, sources, readFindings, identities, model(setup, dispatches));
    }

    /** A site model and what building it found (dispatches that claim one translation slot). */
    record Model(SiteModel model, List<Diagnostic> findings) {}

    /** The site model of the dispatches read, with the drafts, scheduled dispatches and clock of this Arshif. */
    Model model(Setup setup, List<Dispatch> dispatches) {
        Diagnostics diagnostics = new Diagnostics();
        SiteModel model = SiteModel.build(
                setup.config(),
                setup.vocabulary(),
                dispatches,
                arshif.drafts(),
                arshif.future(),
                arshif.clock().instant(),
                diagnostics);
        TagSpellings.warn(model, diagnostics);
        diagnostics.addAll(UnmatchedSectionKeys.of(setup.config(), dispatches));
        if (!setup.config().hugoPaths()) { // with it, no folder keeps its capitals in a URL
            diagnostics.addAll(SectionCapitals.of(dispatches));
        }
        return new Model(model, diagnostics.sorted());
    }

    /** The instant of this Arshif's clock: what is published now. */
    Instant now() {
        return arshif.clock().instant();
    }

    /** The library of what was read, with its site model already built (or patched, by the preview). */
    Library library(
            Setup setup,
            ThemeWords theme,
            List<Dispatch> dispatches,
            List<String> sources,
            List<Diagnostic> readFindings,
            Map<String, String> identities,
            Model model) {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(setup.findings());
        diagnostics.addAll(readFindings);
        diagnostics.addAll(model.findings());
        diagnostics.addAll(theme.findings());
        return new Library(
                setup.config(),
                setup.vocabulary(),
                List.copyOf(dispatches),
                model.model(),
                theme.theme(),
                theme.words(),
                List.copyOf(sources),
                diagnostics.sorted(),
                identities,
                setup.media(),
                setup.sectionTexts());
    }
}
