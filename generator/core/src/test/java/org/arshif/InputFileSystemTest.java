package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that only a file system can hold, made on the fly: symbolic links out of the site (a pull request can add
 * one, and a CI runner holds secrets), link loops, a named pipe, and names Java cannot address. Each is one finding
 * with its path; nothing outside the site is read, nothing is written, and nothing hangs.
 */
class InputFileSystemTest {
    private static final String OUTSIDE = ", outside the site folder; Arshif reads nothing outside the site (a link in"
            + " a pull request could publish a secret): copy the file into the site, or remove the link";

    @TempDir
    Path tmp;

    Path root;
    Path secret;
    Path elsewhere;

    @BeforeEach
    void aSiteAndSecretsBesideIt() throws IOException {
        root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/2017-05-01-ok.md"), "---\ntitle: A good dispatch\n---\n\nText.\n");
        secret = Trees.write(tmp.resolve("secret.txt"), "SECRET-TOKEN\n").toRealPath();
        elsewhere = Files.createDirectories(tmp.resolve("elsewhere")).toRealPath();
        Trees.write(elsewhere.resolve("2017-05-02-leak.md"), "---\ntitle: SECRET-TOKEN\n---\n\nSECRET-TOKEN\n");
        Trees.write(elsewhere.resolve("secret.ftl"), "SECRET-TOKEN");
    }

    private List<String> errors() {
        ContentException e = assertThrows(
                ContentException.class,
                () -> SiteBuilds.at(root, tmp.resolve("out")).build());
        assertFalse(Files.exists(tmp.resolve("out")), "a failed build writes no site");
        assertFalse(e.getMessage().contains("SECRET-TOKEN"), e.getMessage());
        return e.errors().stream().map(Diagnostic::format).toList();
    }

    private void link(String path, Path target) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.createSymbolicLink(root.resolve(path), target);
    }

    @Test
    void aDispatchLinkedToAFileOutsideTheSite() throws IOException {
        // It was published as an article, in the feed and in the lists.
        link("content/en/x.txt", secret);
        link("content/ar/leak", elsewhere);
        assertEquals(
                List.of(
                        "content/ar/leak: error: a symbolic link to " + elsewhere + " (" + elsewhere + ")" + OUTSIDE,
                        "content/en/x.txt: error: a symbolic link to " + secret + " (" + secret + ")" + OUTSIDE),
                errors());
    }

    @Test
    void themeFilesLinkedOutsideTheSite() throws IOException {
        // templates/static/x was copied into the site and served.
        link("templates/static/x", secret);
        link("templates/static/images", elsewhere);
        link("templates/i18n.yml", secret);
        assertEquals(
                List.of(
                        "templates/i18n.yml: error: a symbolic link to " + secret + " (" + secret + ")" + OUTSIDE,
                        "templates/static/images: error: a symbolic link to " + elsewhere + " (" + elsewhere + ")"
                                + OUTSIDE,
                        "templates/static/x: error: a symbolic link to " + secret + " (" + secret + ")" + OUTSIDE),
                errors());
    }

    @Test
    void theConfigurationAndTheVocabularyLinkedOutsideTheSite() throws IOException {
        // Both were read through the link: the secret's text reached the findings of a YAML error.
        link("arshif.yml", secret);
        link("content/tags.yml", secret);
        assertEquals(
                List.of(
                        "arshif.yml: error: a symbolic link to " + secret + " (" + secret + ")" + OUTSIDE,
                        "content/tags.yml: error: a symbolic link to " + secret + " (" + secret + ")" + OUTSIDE),
                errors());
    }

    @Test
    void aTemplatesFolderLinkedOutsideTheSite() throws IOException {
        Path theme = Files.createDirectories(tmp.resolve("theme")).toRealPath();
        Trees.write(theme.resolve("i18n.yml"), "en:\n  home: SECRET-TOKEN\n");
        Trees.write(theme.resolve("static/x.css"), "/* SECRET-TOKEN */\n");
        link("templates", theme);
        assertEquals(
                List.of(
                        "templates/i18n.yml: error: reached through a symbolic link, really "
                                + theme.resolve("i18n.yml") + OUTSIDE,
                        "templates/static: error: reached through a symbolic link, really " + theme.resolve("static")
                                + OUTSIDE),
                errors());

        // Chosen on purpose (--templates), a theme outside the site is the user's to read.
        Arshif.builder()
                .siteRoot(root)
                .templates(theme)
                .output(tmp.resolve("out"))
                .clock(InvalidSitesTest.CLOCK)
                .build()
                .build();
        assertTrue(Trees.read(tmp.resolve("out/static")).entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("x.")
                        && new String(e.getValue(), StandardCharsets.UTF_8).contains("SECRET-TOKEN")));
    }

    @Test
    void templatesLinkedOutsideTheSite() throws IOException {
        link("templates/robots.ftl", secret);
        link("templates/parts", elsewhere);
        Trees.write(root.resolve("templates/404.ftlh"), "<#include \"parts/secret.ftl\">");
        Path leaked = elsewhere.resolve("secret.ftl");
        assertEquals(
                List.of(
                        "templates/parts/secret.ftl: error: reached through a symbolic link, really " + leaked
                                + OUTSIDE,
                        "templates/robots.ftl: error: a symbolic link to " + secret + " (" + secret + ")" + OUTSIDE),
                errors());
    }

    @Test
    void linksInsideTheSiteAreFollowed() throws IOException {
        Trees.write(root.resolve("shared/2017-05-02-linked.md"), "---\ntitle: Linked file\n---\n\nText.\n");
        Trees.write(root.resolve("more-en/2017-05-03-folder.md"), "---\ntitle: In a linked folder\n---\n\nText.\n");
        link("content/en/2017-05-02-linked.md", Path.of("../../shared/2017-05-02-linked.md"));
        link("content/en/more", Path.of("../../more-en"));
        link("templates/static/logo.txt", Path.of("../../shared/2017-05-02-linked.md"));

        SiteBuilds.at(root, tmp.resolve("out")).build();
        assertTrue(Files.isRegularFile(tmp.resolve("out/en/2017/05/linked/index.html")));
        // The linked folder is a section, "more": its URL carries it.
        assertTrue(Files.isRegularFile(tmp.resolve("out/en/more/2017/05/folder/index.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/static/logo.txt")));
    }

    @Test
    void loopsOfLinksAndBrokenLinks() throws IOException {
        link("content/en/loop", Path.of(".."));
        link("content/en/a.md", Path.of("b.md"));
        link("content/en/b.md", Path.of("a.md"));
        link("content/en/gone.md", Path.of("missing.md"));
        Path content = root.resolve("content").toRealPath();
        String endless = "a symbolic link that cannot be followed (Too many levels of symbolic links or unable to"
                + " access attributes of symbolic link); fix or remove the link";
        assertEquals(
                List.of(
                        "content/en/a.md: error: " + endless,
                        "content/en/b.md: error: " + endless,
                        "content/en/gone.md: error: a symbolic link to missing.md, which does not exist; fix or remove the"
                                + " link",
                        "content/en/loop: error: a symbolic link loop: this folder leads back to " + content
                                + ", a folder it" + " is inside; remove the link"),
                errors());
    }

    @Test
    void aNamedPipeWhereATemplateShouldBe() throws IOException, InterruptedException {
        // Reading it would wait forever for a writer.
        Files.createDirectories(root.resolve("templates"));
        run(root.resolve("templates"), "mkfifo", "robots.ftl");
        List<String> errors = assertTimeoutPreemptively(Duration.ofSeconds(60), this::errors);
        assertEquals(
                List.of("templates/robots.ftl: error: not a regular file (a named pipe, socket or device), which"
                        + " would block the build; remove it"),
                errors);
    }

    @Test
    void aPipeOrALinkOutWhereTheConfigurationOrTheVocabularyShouldBe() throws IOException, InterruptedException {
        // Both were "is a folder" before, and the link's real finding came second.
        run(root, "mkfifo", "arshif.yml");
        link("content/tags.yml", secret);
        List<String> errors = assertTimeoutPreemptively(Duration.ofSeconds(60), this::errors);
        assertEquals(
                List.of(
                        "arshif.yml: error: not a regular file (a named pipe, socket or device), which would block the"
                                + " build; remove it",
                        "content/tags.yml: error: a symbolic link to " + secret + " (" + secret + ")" + OUTSIDE),
                errors);
    }

    @Test
    void namesThatAreNotUtf8OrHoldABackslash() throws IOException, InterruptedException {
        // Java reads the bytes 0xE9 and 0xFF as U+FFFD, so the name no longer leads to the file: a stack trace before.
        run(root.resolve("content/en"), "sh", "-c", "printf 'x\\n' > \"$(printf 'caf\\351.md')\"");
        run(root.resolve("content/en"), "sh", "-c", "mkdir \"$(printf 'd\\377')\"");
        Trees.write(root.resolve("content/en/a\\b.md"), "---\ntitle: Backslash\n---\n\nText.\n");
        assertEquals(
                List.of(
                        "content/en/a\\b.md: error: the file name has a backslash, which Windows and URLs read as a folder"
                                + " separator; rename it without one",
                        "content/en/caf\uFFFD.md: error: the file name is not valid UTF-8 (its bytes: caf%E9.md); rename it in"
                                + " UTF-8",
                        "content/en/d\uFFFD: error: the folder name is not valid UTF-8 (its bytes: d%FF); rename it in UTF-8"),
                errors());
    }

    @Test
    void theLivePreviewRefusesALinkAddedWhileItRuns() throws IOException {
        Arshif arshif = SiteBuilds.at(root, tmp.resolve("out"));
        LiveLibrary live = LiveLibrary.load(arshif);
        link("content/en/added.md", secret);
        List<String> errors = live.update(List.of("content/en/added.md"), false).library().findings().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::format)
                .toList();
        assertEquals(
                List.of("content/en/added.md: error: a symbolic link to " + secret + " (" + secret + ")" + OUTSIDE),
                errors);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }
}
