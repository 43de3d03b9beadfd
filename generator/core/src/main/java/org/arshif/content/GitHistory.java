package org.arshif.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Dates from git, read in one pass over the log: when each file was first added (following renames) and when
 * it was last changed. Paths are relative to the site root, {@code /}-separated.
 */
public final class GitHistory {

    /**
     * When one file was added, and when its text last changed.
     *
     * @param created  the commit that first added it (renames followed)
     * @param modified the newest later commit that changed its text, or null when none did: neither the commit
     *                 that added it nor a pure rename (git's R100) counts, so an imported story is not "updated"
     *                 on the day of its import
     */
    public record FileDates(OffsetDateTime created, OffsetDateTime modified) {}

    /** Not a path: a name that, further back in history, belonged to a file that no longer exists. */
    private static final String DEAD = "\u0000";

    private final Map<String, FileDates> dates;
    private final boolean available;
    private final boolean shallow;
    private final String unavailableReason;

    private GitHistory(Map<String, FileDates> dates, boolean available, boolean shallow, String reason) {
        this.dates = dates;
        this.available = available;
        this.shallow = shallow;
        this.unavailableReason = reason;
    }

    public static GitHistory none(String reason) {
        return new GitHistory(Map.of(), false, false, reason);
    }

    public Optional<FileDates> dates(String sitePath) {
        return Optional.ofNullable(dates.get(sitePath));
    }

    public boolean available() {
        return available;
    }

    /** A shallow clone only knows recent commits, so first-added dates would be wrong. */
    public boolean shallow() {
        return shallow;
    }

    public String unavailableReason() {
        return unavailableReason;
    }

    /** Reads the history of {@code siteRoot/content} with one {@code git log}. Never throws for a missing git. */
    public static GitHistory read(Path siteRoot) {
        return read(siteRoot, Map.of());
    }

    /** {@link #read(Path)} with git started in an environment with {@code environment} added (tests). */
    static GitHistory read(Path siteRoot, Map<String, String> environment) {
        Path root = siteRoot.toAbsolutePath().normalize();
        Git git = new Git(root, environment);
        Result top = git.run("rev-parse", "--show-toplevel");
        if (!top.ok() || top.out().isBlank()) {
            return none(
                    top.exit() < 0
                            ? top.err()
                            : top.err().contains("not a git repository")
                                    ? "the site is not in a git repository"
                                    : "git cannot read the repository: " + top.why());
        }
        Path gitTop = realOrSelf(Path.of(top.out().strip()));
        String prefix = gitTop.relativize(realOrSelf(root)).toString().replace('\\', '/');
        prefix = prefix.isEmpty() ? "" : prefix + "/";
        Result isShallow = git.run("rev-parse", "--is-shallow-repository");
        boolean shallow = isShallow.ok() && isShallow.out().strip().equals("true");
        Result log = git.run(
                "-c", "core.quotepath=off", "log", "-M", "--name-status", "-z", "--format=%x1e%aI", "--", "content");
        if (!log.ok()) {
            return new GitHistory(Map.of(), true, shallow, "git log failed: " + log.why());
        }
        return new GitHistory(parseLog(log.out(), prefix), true, shallow, "");
    }

    /**
     * Parses {@code git log -M --name-status -z --format=%x1e%aI}, newest commit first. Visible for tests.
     *
     * @param prefix the site root's path inside the repository, with a trailing '/', or empty
     */
    static Map<String, FileDates> parseLog(String log, String prefix) {
        Map<String, OffsetDateTime> modified = new HashMap<>();
        Map<String, OffsetDateTime> created = new HashMap<>();
        // Walking back in time, a rename maps the old name onto the file's current name. Before a file was added,
        // and before a deletion of its path, the same name belonged to another file: it maps to DEAD. A commit's
        // entries are all resolved with the names as they stood after it, then the names are updated.
        Map<String, String> currentName = new HashMap<>();
        for (String commit : log.split("\u001e")) {
            if (commit.isBlank()) {
                continue;
            }
            String[] fields = commit.split("[\u0000\n]+");
            if (fields.length == 0 || fields[0].isBlank()) {
                continue;
            }
            OffsetDateTime when = OffsetDateTime.parse(fields[0].strip());
            List<String> ended = new ArrayList<>();
            Map<String, String> renamed = new HashMap<>();
            for (int i = 1; i < fields.length; i++) {
                String status = fields[i];
                if (status.isEmpty()) {
                    continue;
                }
                char kind = status.charAt(0);
                boolean twoPaths = kind == 'R' || kind == 'C';
                if (i + (twoPaths ? 2 : 1) >= fields.length) {
                    break;
                }
                String from = twoPaths ? fields[i + 1] : null;
                String raw = fields[i + (twoPaths ? 2 : 1)];
                i += twoPaths ? 2 : 1;
                String path = currentName.getOrDefault(raw, raw);
                if (kind == 'D') {
                    ended.add(raw);
                    continue;
                }
                if (!path.equals(DEAD)) {
                    if (changesText(status)) {
                        modified.putIfAbsent(path, when);
                    }
                    created.put(path, when);
                }
                if (kind == 'A' || twoPaths) {
                    ended.add(raw);
                }
                if (kind == 'R') {
                    renamed.put(from, path);
                }
            }
            ended.forEach(name -> currentName.put(name, DEAD));
            currentName.putAll(renamed);
        }
        return underPrefix(prefix, created, modified);
    }

    /** The dates of the files under {@code prefix}, by their paths relative to it. */
    private static Map<String, FileDates> underPrefix(
            String prefix, Map<String, OffsetDateTime> created, Map<String, OffsetDateTime> modified) {
        Map<String, FileDates> out = new HashMap<>();
        for (var e : created.entrySet()) {
            String path = e.getKey();
            if (path.startsWith(prefix)) {
                out.put(path.substring(prefix.length()), new FileDates(e.getValue(), modified.get(path)));
            }
        }
        return out;
    }

    /** An edit, or a rename with edits (similarity under 100%); not an addition, copy or pure rename. */
    private static boolean changesText(String status) {
        char kind = status.charAt(0);
        return kind == 'M' || kind == 'T' || kind == 'R' && !status.equals("R100");
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    /** One git command's outcome: {@code exit} is -1 when git could not be started or did not finish. */
    private record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        /** What git said, on one line and quoted, so a finding shows the real cause (e.g. dubious ownership). */
        String why() {
            String said = err.strip().replaceAll("\\s+", " ");
            if (said.length() > 400) {
                said = said.substring(0, 400) + "…";
            }
            return said.isEmpty() ? "git exited with status " + exit : "\"" + said + "\"";
        }
    }

    /** Starts git in the site's folder, with stdout and stderr both kept. */
    private record Git(Path dir, Map<String, String> environment) {
        Result run(String... args) {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                process.getOutputStream().close();
                CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
                CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "", "git did not finish within 120 s");
                }
                return new Result(
                        process.exitValue(),
                        new String(out.join(), StandardCharsets.UTF_8),
                        new String(err.join(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return new Result(-1, "", "git could not be started (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "", "interrupted");
            }
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
