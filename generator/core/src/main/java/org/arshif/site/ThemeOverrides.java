package org.arshif.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.arshif.internal.Suggestions;

/**
 * A site's template that overrides nothing because its name is a near miss of the theme's ({@code article.ftl} for
 * {@code article.ftlh}, {@code artcle.ftlh}) is silently never used: the pages keep the built-in look, and the
 * editor does not learn why. Such a file gets a warning with the name it likely meant, unless another of the
 * site's templates names it (then it is a part they include, not a mistake).
 */
final class ThemeOverrides {
    /** Larger files are not read for the names they include: a template is a few kilobytes. */
    private static final long MAX_READ = 1 << 20;

    private ThemeOverrides() {}

    /** Checks the top level of {@code siteTemplates} against the built-in theme's files ({@code builtIn}). */
    static void check(Path siteTemplates, List<String> builtIn, Diagnostics diagnostics) {
        List<String> themeNames =
                builtIn.stream().filter(name -> !name.contains("/")).toList();
        TreeMap<String, Path> own = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(siteTemplates)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    own.put(entry.getFileName().toString(), entry);
                }
            }
        } catch (IOException e) {
            return; // the loader reports a folder it cannot read, when a page needs it
        }
        // each file read once, when first needed: by the square-bracket check, or for the names others include
        Map<String, String> texts = new TreeMap<>();
        Function<String, String> text = name -> texts.computeIfAbsent(name, n -> read(own.get(n)));
        own.forEach((name, file) -> {
            squareTagsAsText(name, text, diagnostics);
            if (themeNames.contains(name)) {
                return;
            }
            Optional<String> meant = meant(name, themeNames);
            if (meant.isPresent() && !namedByAnother(name, own, text)) {
                diagnostics.warning(
                        "templates/" + name,
                        0,
                        0,
                        "overrides nothing: the theme has no template of this name, so its pages keep the built-in"
                                + " one; did you mean '" + meant.get() + "'? Rename the file (if another of your"
                                + " templates includes it, this warning goes away)");
            }
        });
    }

    /** The theme's name {@code name} was likely meant to be: the same name with another extension, or a typo. */
    private static Optional<String> meant(String name, List<String> themeNames) {
        String stem = stem(name);
        for (String theme : themeNames) {
            if (stem(theme).equalsIgnoreCase(stem)) {
                return Optional.of(theme);
            }
        }
        return Suggestions.closest(name, themeNames);
    }

    private static String stem(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Whether another of the site's templates holds {@code name}, as an include or import names it. */
    private static boolean namedByAnother(String name, TreeMap<String, Path> own, Function<String, String> text) {
        return own.keySet().stream()
                .anyMatch(other -> !other.equals(name)
                        && (other.contains(name) || text.apply(other).contains(name)));
    }

    /**
     * A directive in square brackets, {@code [#list …]} or {@code [/#if]}, as FreeMarker's other syntax writes it;
     * {@code ftl} too, the header that turns that syntax on, since it is not a directive of the body.
     */
    private static final Pattern SQUARE_DIRECTIVE =
            Pattern.compile("\\[/?#(?:" + String.join("|", TemplateSyntax.DIRECTIVES) + "|ftl)\\b");

    /**
     * A template written in FreeMarker's square-bracket syntax without {@code [#ftl]} as its first line: FreeMarker
     * then reads its {@code [#list …]} as text, and the pages print it as written, without an error.
     */
    private static void squareTagsAsText(String name, Function<String, String> texts, Diagnostics diagnostics) {
        if (!name.endsWith(".ftl") && !name.endsWith(".ftlh") && !name.endsWith(".ftlx")) {
            return;
        }
        String text = texts.apply(name);
        Matcher m = SQUARE_DIRECTIVE.matcher(text);
        if (TemplateSyntax.square(text) || !m.find()) {
            return;
        }
        int[] at = SourceText.lineAndColumn(text, m.start());
        String tag = m.group().substring(1);
        diagnostics.warning(
                "templates/" + name,
                at[0],
                at[1],
                "'[" + tag + "' is a tag in FreeMarker's square-bracket syntax, which it reads only in a template whose"
                        + " first line is [#ftl]: here it is text, and the pages print it as written; add [#ftl] as"
                        + " the first line, or write the tags in angle brackets (<" + tag + " …>)");
    }

    static String read(Path file) {
        try {
            return Files.size(file) > MAX_READ ? "" : new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
