package org.arshif.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The goals' true-or-false parameters, which they take as text so that a value Maven would read as false is refused
 * rather than built with: Maven converts any value but "true" (in any case) to false, so {@code -Darshif.compact=yes},
 * {@code <compact>yes</compact>} in a POM's plugin configuration or {@code <arshif.compact>yes</arshif.compact>}
 * under its {@code <properties>} built a full site without a word. Every such value is one problem, and so is a folder
 * parameter naming no folder ({@link #folder}) or, for a folder the build makes, a file ({@link #folderOrNone});
 * {@link #requireNone} fails with all of them, before anything is built.
 */
final class Flags {
    private final Path pom;
    private final List<String> problems = new ArrayList<>();

    /**
     * Starts with the {@code -D} properties of every flag that hold another value (a goal may not read them all, but a
     * mistyped one is a mistake either way).
     *
     * @param pom the project's POM, where a parameter's value is looked up to give its line; null without a project
     */
    Flags(File pom) {
        this.pom = pom == null ? null : pom.toPath();
        for (String property : Properties.FLAGS) {
            String value = System.getProperty(property);
            if (value != null && parse(value).isEmpty()) {
                problems.add(propertyProblem(property, value));
            }
        }
    }

    /**
     * The flag's value, or null when it is not set; a value that is neither true nor false is a problem (unless it is
     * the {@code -D} property's, already one) and reads as false meanwhile.
     */
    Boolean read(String parameter, String property, String value) {
        if (value == null) {
            return null;
        }
        Optional<Boolean> flag = parse(value);
        if (flag.isEmpty() && !value.equals(System.getProperty(property))) {
            problems.add(pomProblem(parameter, property, value));
        }
        return flag.orElse(false);
    }

    /** {@link #read}, with false for a flag that is not set. */
    boolean isSet(String parameter, String property, String value) {
        return Boolean.TRUE.equals(read(parameter, property, value));
    }

    /**
     * A folder parameter that is set: a problem when it names no folder, which would otherwise be built as if it were
     * empty (a mistyped {@code <templates>} gave the built-in theme without a word).
     *
     * @param unsetMeans what leaving the parameter out gives, for the fix
     */
    void folder(String parameter, String property, File folder, String unsetMeans) {
        if (folder == null || folder.isDirectory()) {
            return;
        }
        String what = folder.exists() ? "not a folder" : "no such folder";
        problem(parameter, property, folder, what + "; give the folder that holds your " + parameter, unsetMeans);
    }

    /**
     * A folder parameter that the build makes when missing ({@code cache}): a problem when it names a file, where the
     * build would fail only at its end.
     */
    void folderOrNone(String parameter, String property, File folder, String what, String unsetMeans) {
        if (folder != null && folder.exists() && !folder.isDirectory()) {
            problem(
                    parameter,
                    property,
                    folder,
                    "not a folder; give a folder for " + what + " (it is made when missing)",
                    unsetMeans);
        }
    }

    /** The problem with a folder parameter, in the words it was set with: {@code -D} or the POM, at its line. */
    private void problem(String parameter, String property, File folder, String whatAndFix, String unsetMeans) {
        String fix = whatAndFix + ", or leave ";
        if (System.getProperty(property) != null) {
            problems.add("-D" + property + "=" + folder + ": " + fix + "-D" + property + " out to use " + unsetMeans);
            return;
        }
        String where = locate("<" + parameter + ">", folder.toString())
                .map(at -> at + ": ")
                .orElse("");
        problems.add(where + "<" + parameter + ">" + folder + "</" + parameter + ">: " + fix + "<" + parameter
                + "> out to use " + unsetMeans);
    }

    /** Fails with every problem read so far, one a line. */
    void requireNone() throws MojoFailureException {
        if (!problems.isEmpty()) {
            throw new MojoFailureException(String.join("\n", problems));
        }
    }

    private static Optional<Boolean> parse(String value) {
        return Optional.ofNullable(
                Map.of("true", true, "false", false).get(value.strip().toLowerCase(Locale.ROOT)));
    }

    private static String propertyProblem(String property, String value) {
        return "-D" + property + "=" + value + ": this property is true or false, and Maven would read '" + value
                + "' as false; write -D" + property + "=true or -D" + property + "=false";
    }

    /** Names the element in the POM, at its line and column when the POM itself holds it (not a parent POM). */
    private String pomProblem(String parameter, String property, String value) {
        Optional<String> asParameter = locate("<" + parameter + ">", value);
        Optional<String> asProperty = asParameter.isPresent() ? Optional.empty() : locate("<" + property + ">", value);
        String element = asProperty.isPresent() ? property : parameter;
        String where = asParameter.or(() -> asProperty).map(at -> at + ": ").orElse("");
        String kind = asProperty.isPresent() ? "property" : "parameter";
        return where + "<" + element + ">" + value + "</" + element + ">"
                + (where.isEmpty() ? " (in the plugin's configuration, in this POM or a parent)" : "") + ": this "
                + kind + " is true or false, and Maven would read '" + value + "' as false; write <" + element
                + ">true</" + element + "> or <" + element + ">false</" + element + ">";
    }

    /**
     * "pom.xml:LINE:COLUMN" of the tag in the POM, outside comments: where it holds {@code value}, else its first
     * place; empty when it is not there.
     */
    private Optional<String> locate(String tag, String value) {
        if (pom == null || !Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try {
            String text = withoutComments(Files.readString(pom, StandardCharsets.UTF_8));
            Matcher holding = Pattern.compile(Pattern.quote(tag) + "\\s*" + Pattern.quote(value.strip()) + "\\s*</")
                    .matcher(text);
            int at = holding.find() ? holding.start() : text.indexOf(tag);
            if (at >= 0) {
                int lineStart = text.lastIndexOf('\n', at) + 1;
                long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                return Optional.of(shown(pom) + ":" + line + ":" + (at - lineStart + 1));
            }
        } catch (IOException | RuntimeException e) {
            // A POM Maven has just read but this cannot (or not as UTF-8): the problem is named without its line.
        }
        return Optional.empty();
    }

    /** The text with each XML comment's characters but its line breaks made spaces, so places do not move. */
    static String withoutComments(String xml) {
        StringBuilder out = new StringBuilder(xml);
        for (int start = xml.indexOf("<!--"); start >= 0; start = xml.indexOf("<!--", start + 4)) {
            int end = xml.indexOf("-->", start + 4);
            end = end < 0 ? xml.length() : end + 3;
            for (int i = start; i < end; i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
            start = end - 4;
        }
        return out.toString();
    }

    /** The POM's path relative to the working folder when it is under it, as Maven's own messages give it. */
    private static String shown(Path pom) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = pom.toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
