package org.arshif.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.yaml.TomlReader;
import org.arshif.internal.yaml.YNode;

/**
 * A Hugo site's configuration left beside the content ({@code hugo.toml}, or {@code config.toml} before Hugo 0.110)
 * that publishes its default language at the site's root, as Hugo does unless {@code defaultContentLanguageInSubdir =
 * true}: {@code /news/fair/} where Arshif writes {@code /en/news/fair/}. Arshif publishes every language under its
 * prefix, so the moved archive loses those addresses; one warning says so, at the file. Only read, never followed.
 */
public final class HugoRootLanguage {
    /** Hugo's names for its TOML configuration at the site's root, newest first. */
    private static final List<String> FILES = List.of("hugo.toml", "config.toml");

    private static final String IN_SUBDIR = "defaultContentLanguageInSubdir";

    private HugoRootLanguage() {}

    /** The warning, when the site root holds a multilingual Hugo configuration that puts a language at the root. */
    public static Optional<Diagnostic> of(Path siteRoot, SiteConfig config) {
        for (String name : FILES) {
            Path file = siteRoot.resolve(name);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String toml;
            try {
                toml = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // Hugo's file, not Arshif's input: unreadable, nothing to say about it
            }
            return warning(name, toml, config);
        }
        return Optional.empty();
    }

    static Optional<Diagnostic> warning(String name, String toml, SiteConfig config) {
        // read as Arshif reads TOML front-matter; a file Hugo could not read either has nothing to say here
        Optional<YNode> root = TomlReader.parse(toml, name, 0, new Diagnostics());
        if (root.isEmpty() || !(root.get() instanceof YNode.Map table)) {
            return Optional.empty();
        }
        boolean subdir = table.entries().get(IN_SUBDIR) instanceof YNode.Scalar s
                && s.text().equals("true");
        if (subdir || !(table.entries().get("languages") instanceof YNode.Map)) {
            return Optional.empty(); // every language under its prefix, or one language: no root to lose
        }
        String lang = table.entries().get("defaultContentLanguage") instanceof YNode.Scalar s
                ? s.text()
                : "en"; // Hugo's default defaultContentLanguage
        YNode.Scalar key = table.keys().get(IN_SUBDIR);
        int line = key == null ? 1 : key.line();
        String example = "/" + lang + "/news/story/";
        return Optional.of(Diagnostic.warning(
                name,
                line,
                1,
                "Hugo published this site's default language '" + lang + "' at the root (/news/story/), as it does"
                        + " unless defaultContentLanguageInSubdir = true; Arshif publishes every language under its"
                        + " prefix (" + example + "), so the moved archive loses the old addresses of its '" + lang
                        + "' pages: give each its old URL as an alias (aliases: [/news/story/])"
                        + (config.languages().contains(lang) ? "" : ", and add '" + lang + "' to languages")));
    }
}
