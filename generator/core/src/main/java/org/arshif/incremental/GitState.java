package org.arshif.incremental;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.List;

/** The part of the no-op stamp that git's state gives: without running git, only a few file reads and stats. */
final class GitState {
    private GitState() {}

    /** HEAD, the ref it names, the packed refs, the reflog and the index: a commit or checkout changes one. */
    static void digest(MessageDigest digest, Path siteRoot) throws IOException {
        Path dir = siteRoot;
        while (dir != null && !Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            TreeStats.update(digest, "no git");
            return;
        }
        Path git = dir.resolve(".git");
        if (Files.isRegularFile(git)) {
            String line = Files.readString(git, StandardCharsets.UTF_8).trim();
            git = dir.resolve(line.substring(line.indexOf(':') + 1).trim()).normalize();
        }
        Path common = git;
        if (Files.isRegularFile(git.resolve("commondir"))) {
            common = git.resolve(Files.readString(git.resolve("commondir"), StandardCharsets.UTF_8)
                            .trim())
                    .normalize();
        }
        String head =
                Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        TreeStats.update(digest, "git " + git + " HEAD " + head + "\n");
        if (head.startsWith("ref: ")) {
            Path ref = common.resolve(head.substring(5));
            TreeStats.update(
                    digest, Files.isRegularFile(ref) ? Files.readString(ref, StandardCharsets.UTF_8) : "packed");
        }
        for (Path p : List.of(
                common.resolve("packed-refs"),
                git.resolve("index"),
                git.resolve("logs/HEAD"),
                common.resolve("shallow"))) {
            TreeStats.update(
                    digest,
                    p.getFileName() + " "
                            + (Files.exists(p)
                                    ? TreeStats.stat(Files.readAttributes(p, BasicFileAttributes.class))
                                    : "absent")
                            + "\n");
        }
    }
}
