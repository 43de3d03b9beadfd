package org.arshif.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.arshif.config.SiteConfig;

/**
 * What the CLI says about itself: the general usage, the help of each command, and its version. The options of
 * each command come from {@link Main}'s table, so a command's help lists exactly what it accepts.
 */
final class Usage {
    /** Where Maven's jar plugin records the version, in the plugin jar and the shaded {@code -cli} jar alike. */
    static final String POM_PROPERTIES = "META-INF/maven/org.arshif/arshif-cli/pom.properties";

    static final String GENERAL = """
            usage: arshif build|check|new|serve [options]
                   arshif help <command>   or   arshif <command> --help
                   arshif --version
            commands:
              build            build the site into --output
              check            check the whole archive; writes nothing; exit 1 on errors
              new              scaffold a dispatch: --title T --lang ar|en [--translate content/ar/x.md]
              serve            preview on 127.0.0.1 with live reload, drafts included: [--port 8080]
                               --static serves the built --output as a host would (no build)
            options:
            %s
            exit status: 0 done, 1 the archive has errors, 2 a usage or system error
            """;

    private static final Map<String, String> SUMMARIES = Map.of(
            "build", "build the site into --output; exit 1 on errors, and the site is then left as it was",
            "check", "check the whole archive: every finding, nothing written; exit 1 on errors",
            "new", "scaffold a dispatch in content/<lang>/, dated today",
            "serve", "preview on 127.0.0.1 with live reload, drafts included");
    private static final Map<String, String> SYNOPSES = Map.of(
            "build", "arshif build [--source DIR] [--output DIR] [options]",
            "check", "arshif check [--source DIR] [options]",
            "new", "arshif new --title TITLE --lang ar|en [--translate content/ar/x.md] [--source DIR]",
            "serve",
                    "arshif serve [--source DIR] [--port 8080] [options]\n"
                            + "       arshif serve --static [--output DIR] [--base-url URL] [--port 8080]");
    /** Every option, in the order help lists them. */
    private static final List<String> ORDER = List.of(
            "--source",
            "--output",
            "--templates",
            "--base-url",
            "--cache",
            "--port",
            "--static",
            "--title",
            "--lang",
            "--translate",
            "--drafts",
            "--future",
            "--compact",
            "--ugly-urls",
            Main.HUGO_PATHS,
            Main.DEBUG);

    private static final Map<String, String> OPTION_TEXTS = Map.ofEntries(
            Map.entry("--source", "--source DIR     site folder with content/, templates/, arshif.yml (default: .)"),
            Map.entry(
                    "--output",
                    "--output DIR     where the site goes (build; serve --static; default:" + " <source>/site)"),
            Map.entry(
                    "--templates",
                    "--templates DIR  templates overriding the built-in theme (default:" + " <source>/templates)"),
            Map.entry("--base-url", "--base-url URL   the URL the site is published at (overrides arshif.yml)"),
            Map.entry(
                    "--cache",
                    "--cache DIR      incremental build cache (build only; default: none, a clean" + " build)"),
            Map.entry("--port", "--port N         the preview's port on 127.0.0.1 (serve only; default: 8080)"),
            Map.entry(
                    "--static",
                    "--static         serve the built --output as a static host would, with Range" + " (serve only)"),
            Map.entry("--title", "--title TITLE    the new dispatch's title (new only)"),
            Map.entry("--lang", "--lang CODE      its language, one the site publishes, e.g. ar or en (new only)"),
            Map.entry("--translate", "--translate FILE start a translation of this dispatch (new only)"),
            Map.entry("--drafts", "--drafts         include drafts"),
            Map.entry("--future", "--future         include dispatches dated in the future"),
            Map.entry(
                    "--compact",
                    "--compact        a smaller site for a host's size limit (compact: true in arshif.yml): articles"
                            + " without related dispatches, newer/older links, Open Graph and JSON-LD, tag and category"
                            + " lists of ten pages, a search index that needs a host serving HTTP Range"),
            Map.entry(
                    "--ugly-urls",
                    "--ugly-urls      an article as one file, /en/2017/05/slug.html, not a folder (uglyUrls: true in"
                            + " arshif.yml); a page bundle keeps its folder"),
            Map.entry(
                    Main.HUGO_PATHS,
                    Main.HUGO_PATHS + "     URLs as Hugo made them: slugs, file names and section folders in lower"
                            + " case, a hyphen for a space (" + SiteConfig.HUGO_PATHS + ": true in arshif.yml)"),
            Map.entry(Main.DEBUG, "--debug          print the stack trace of a system error"),
            Map.entry("--help", "--help           print this help"));

    private Usage() {}

    /** The general usage, with every option. */
    static String general() {
        return GENERAL.formatted(options(Set.copyOf(ORDER)) + "  " + OPTION_TEXTS.get(Main.DEBUG));
    }

    /** The help of {@code command}: what it does, its synopsis, and the options it accepts. */
    static String of(String command, Set<String> accepted) {
        return "usage: " + SYNOPSES.get(command) + "\n" + SUMMARIES.get(command) + "\noptions:\n"
                + options(accepted) + "  " + OPTION_TEXTS.get(Main.DEBUG) + "\n  " + OPTION_TEXTS.get("--help")
                + "\nexit status: 0 done, 1 the archive has errors, 2 a usage or system error\n";
    }

    private static String options(Set<String> accepted) {
        StringBuilder out = new StringBuilder();
        for (String option : ORDER) {
            if (accepted.contains(option) && !option.equals(Main.DEBUG)) {
                out.append("  ").append(OPTION_TEXTS.get(option)).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code arshif <version>}, the version as the jar records it; a build from classes says so instead. */
    static String version(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "arshif (a development build without a version: run it from the jar)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return "arshif " + properties.getProperty("version", "(no version recorded)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version from " + POM_PROPERTIES, e);
        }
    }
}
