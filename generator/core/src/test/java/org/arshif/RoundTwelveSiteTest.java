package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input, round twelve, through a whole build: what a build and a check say of a messy archive. */
class RoundTwelveSiteTest {
    @TempDir
    Path tmp;

    private Arshif site(Path root) {
        return SiteBuilds.at(root, tmp.resolve("out"));
    }

    private static List<String> said(List<Diagnostic> findings, String about) {
        return SiteBuilds.said(findings, about);
    }

    private static String tagged(String title, String tags) {
        return "---\ntitle: " + title + "\ndate: 2017-05-04\ntags: [" + tags + "]\n---\nنص.\n";
    }

    @Test
    void tagsThatDifferInADoubledLetterAnOpenTaOrAFinalAlefAreNamed() {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/ar/a.md"), tagged("أ", "مدرسة, اتحدوا, ملف"));
        Trees.write(root.resolve("content/ar/b.md"), tagged("ب", "مدرسة, اتحدوا, ملف"));
        Trees.write(root.resolve("content/ar/c.md"), tagged("ج", "مدرست, اتحدو, مللف"));
        String why = " only in how a letter is written (a hamza or its seat, ta marbuta, alef maqsura, a final alef, a"
                + " letter twice, or a Persian ی or ک), yet they are two tags, each with its own page; write it as ";
        List<String> expected = List.of(
                "content/ar/c.md:4:1: warning: tag 'اتحدو' (1 dispatch) differs from the tag 'اتحدوا' (2 dispatches)"
                        + why + "'اتحدوا', or keep both as one tag in content/tags.yml with the other spelling as an"
                        + " alias ('اتحدوا': {ar: اتحدوا, alias: [اتحدو]})",
                "content/ar/c.md:4:1: warning: tag 'مدرست' (1 dispatch) differs from the tag 'مدرسة' (2 dispatches)"
                        + why + "'مدرسة', or keep both as one tag in content/tags.yml with the other spelling as an"
                        + " alias ('مدرسة': {ar: مدرسة, alias: [مدرست]})",
                "content/ar/c.md:4:1: warning: tag 'مللف' (1 dispatch) differs from the tag 'ملف' (2 dispatches)"
                        + why + "'ملف', or keep both as one tag in content/tags.yml with the other spelling as an"
                        + " alias ('ملف': {ar: ملف, alias: [مللف]})");
        assertEquals(expected, said(site(root).build().findings(), "differs from the tag"));
        assertEquals(expected, said(site(root).check().findings(), "differs from the tag"));
        // Words that only share letters stay apart: بيت (a house) and بيه are not one spelling of the other's ta
        // marbuta unless written so; a Latin tag is never loosened.
        Path other = tmp.resolve("other");
        Trees.write(other.resolve("content/ar/a.md"), tagged("أ", "كتب, كتاب"));
        Trees.write(other.resolve("content/en/b.md"), "---\ntitle: B\ndate: 2017-05-04\ntags: [add, ad]\n---\nText.\n");
        assertEquals(List.of(), said(site(other).build().findings(), "differs from the tag"));
    }

    @Test
    void anAliasThatIsAnotherTagsKeyIsNamedAndCheckSuggestsAlias() {
        Path root = tmp.resolve("site");
        Trees.write(
                root.resolve("content/tags.yml"),
                "syria:\n  ar: سوريا\n  en: Syria\n  alias: [سورية, damascus]\ndamascus:\n  ar: دمشق\n  en: Damascus\n");
        Trees.write(root.resolve("content/en/a.md"), "---\ntitle: A\ndate: 2017-05-04\ntags: [damascus]\n---\nText.\n");
        Trees.write(root.resolve("content/ar/b.md"), tagged("ب", "سوريه, اقتصاد"));
        List<Diagnostic> checked = site(root).check().findings();
        assertEquals(
                List.of("content/tags.yml:4:3: warning: tag 'syria' lists 'damascus' among its other spellings (alias),"
                        + " but that is tag 'damascus''s key, which keeps it: a dispatch tagged 'damascus' goes to"
                        + " 'damascus'; delete it from syria's alias, or merge the two tags"),
                said(checked, "among its other spellings"));
        assertEquals(
                List.of(
                        "content/ar/b.md:4:8: warning: tag 'سوريه' is not in the vocabulary content/tags.yml, though it"
                                + " differs from the tag 'syria' (سوريا, Syria) only in how a letter is written; write"
                                + " that, or add it to the tag's other spellings there (syria: alias: [سوريه])",
                        "content/ar/b.md:4:15: warning: tag 'اقتصاد' is not in the vocabulary content/tags.yml; add it"
                                + " there with its name in each language, use a tag that is, or, if it is another"
                                + " spelling of one, add it to that tag's other spellings (KEY: alias: [اقتصاد])"),
                said(checked, "is not in the vocabulary"));
    }

    @Test
    void aTemplateThatFailsAtRenderTimeIsNamedWithItsFix() {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/a.md"), "---\ntitle: A\ndate: 2017-05-04\n---\nText.\n");
        Trees.write(root.resolve("templates/article.ftlh"), "<#assign n = 0>\n${(1 / n)?string}\n");
        ContentException e =
                assertThrows(ContentException.class, () -> site(root).build());
        assertEquals(
                List.of("templates/article.ftlh:2:1: error: template error: Arithmetic operation failed: / by zero;"
                        + " correct it at that line (a value this page does not have, or not of that kind?), or delete"
                        + " the override to render with the built-in theme's"),
                said(e.errors(), "template error"));
        assertTrue(Files.notExists(tmp.resolve("out/index.html")), "a failed build leaves no site");
    }

    @Test
    void aPhotoTurnedByItsExifIsPublishedWithItsShownSize() throws IOException {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/b/index.md"), "---\ntitle: B\ndate: 2017-05-04\n---\n![a photo](p.jpg)\n");
        Path photo = root.resolve("content/en/b/p.jpg");
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "jpg", photo.toFile());
        byte[] plain = Files.readAllBytes(photo);
        byte[] exif = {
            (byte) 0xFF,
            (byte) 0xE1,
            0,
            34,
            'E',
            'x',
            'i',
            'f',
            0,
            0,
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8,
            0,
            1,
            1,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            6,
            0,
            0,
            0,
            0,
            0,
            0
        };
        byte[] turned = new byte[plain.length + exif.length];
        System.arraycopy(plain, 0, turned, 0, 2);
        System.arraycopy(exif, 0, turned, 2, exif.length);
        System.arraycopy(plain, 2, turned, 2 + exif.length, plain.length - 2);
        Files.write(photo, turned);
        assertEquals(List.of(), said(site(root).build().findings(), "p.jpg"));
        String page = Files.readString(tmp.resolve("out/en/2017/05/b/index.html"));
        assertTrue(page.contains("width=\"20\" height=\"40\""), page);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFolderTooDeepForThePathLimitIsNamedWithItsLength() throws Exception {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/top.md"), "---\ntitle: Top\ndate: 2017-05-04\n---\nText.\n");
        // Linux refuses a path of 4,096 bytes or more, so the folders are made one level at a time by a shell.
        Process p = new ProcessBuilder(
                        "bash",
                        "-c",
                        "cd content/en && for i in $(seq 1 400); do mkdir f$i.folder && cd f$i.folder || exit 1; done;"
                                + " printf -- '---\\ntitle: Deep\\n---\\nText.\\n' > a.md")
                .directory(root.toFile())
                .inheritIO()
                .start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
            ContentException e =
                    assertThrows(ContentException.class, () -> site(root).build());
            List<String> errors = said(e.errors(), "longer than the system lets a path be");
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(
                    errors.get(0)
                            .matches("content/en/f1\\.folder/.*: error: cannot read the file: its path is \\d{4}"
                                    + " characters long, longer than the system lets a path be \\(4,096 bytes on Linux, 255 for one"
                                    + " name\\): move it to a folder fewer levels down, or shorten the folders' names"),
                    errors.get(0));
        } finally {
            // deleted by a shell too: Java cannot name its deepest files, nor could @TempDir
            new ProcessBuilder("rm", "-rf", root.resolve("content/en/f1.folder").toString())
                    .start()
                    .waitFor(60, TimeUnit.SECONDS);
        }
    }
}
