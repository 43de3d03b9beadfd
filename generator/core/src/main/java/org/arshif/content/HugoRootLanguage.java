package org.arshif.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostic;

/**
 * A Hugo site's configuration left beside the content ({@code hugo.toml}, or {@code config.toml} before Hugo 0.110)
 * that publishes its default language at the site's root, as Hugo does unless {@code defaultContentLanguageInSubdir =
 * true}: {@code /news/fair/} where Arshif writes {@code /en/news/fair/}. Arshif publishes every language under its
 * prefix, so the moved archive loses those addresses; one warning says so, at the file. Only read, never followed.
 */
public final class HugoRootLanguage {
    /** Hugo's names for its TOML configuration at the site's root, newest first. */
    private static final List<String> FILES = List.of("hugo.toml", "config.toml");

    private static final Pattern IN_SUBDIR =
            Pattern.compile("(?m)^\\s*defaultContentLanguageInSubdir\\s*=\\s*(true|false)\\b");
    private static final Pattern DEFAULT = Pattern.compile("(?m)^\\s*defaultContentLanguage\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern LANGUAGES = Pattern.compile("(?m)^\\s*\\[languages\\.");

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
        Matcher inSubdir = IN_SUBDIR.matcher(toml);
        boolean subdir = inSubdir.find() && inSubdir.group(1).equals("true");
        if (subdir || !LANGUAGES.matcher(toml).find()) {
            return Optional.empty(); // every language under its prefix, or one language: no root to lose
        }
        Matcher d = DEFAULT.matcher(toml);
        String lang = d.find() ? d.group(1) : "en"; // Hugo's default defaultContentLanguage
        int line = inSubdir.find(0) ? lineOf(toml, inSubdir.start(1)) : 1;
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

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
