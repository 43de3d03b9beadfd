package org.arshif.cli;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.BuildReport;
import org.arshif.check.Annotations;
import org.arshif.check.CheckReport;
import org.arshif.config.SiteConfig;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.FileNameEncoding;
import org.arshif.diag.FindingCap;
import org.arshif.diag.FindingDigest;
import org.arshif.diag.SystemErrors;
import org.arshif.incremental.KeptDispatches;
import org.arshif.internal.Suggestions;
import org.arshif.scaffold.Scaffolder;

/**
 * The command line: {@code java -jar arshif-cli.jar build|check|new|serve [options]}. Exit status 0 on success,
 * 1 when the archive has errors (the findings are printed), 2 on a usage or system error (one line; the stack
 * trace only with {@code --debug}). {@code build}, {@code check} and {@code serve} run in a second JVM tuned for
 * them unless the user chose JVM options; see {@link JvmTuning}.
 */
public final class Main {
    static final int OK = 0;
    static final int CONTENT_ERRORS = 1;
    static final int SYSTEM_ERROR = 2;
    static final String DEBUG = "--debug";
    /** {@code hugoPaths} of arshif.yml, by its one name. */
    static final String HUGO_PATHS = CliHints.flagOf(SiteConfig.HUGO_PATHS);
    /** The options of each command; a flag takes no value. */
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "build",
                    Set.of(
                            "--source",
                            "--output",
                            "--templates",
                            "--base-url",
                            "--cache",
                            "--drafts",
                            "--future",
                            "--compact",
                            "--ugly-urls",
                            HUGO_PATHS),
            "check", Set.of("--source", "--templates", "--base-url", "--drafts", "--future", "--ugly-urls", HUGO_PATHS),
            "serve",
                    Set.of(
                            "--source",
                            "--templates",
                            "--port",
                            "--drafts",
                            "--future",
                            "--static",
                            "--output",
                            "--base-url",
                            "--compact",
                            "--ugly-urls",
                            HUGO_PATHS),
            "new", Set.of("--source", "--title", "--lang", "--translate"));

    private static final Set<String> HELP = Set.of("--help", "-h");
    static final Set<String> FLAGS = Set.of("--drafts", "--future", "--static", "--compact", "--ugly-urls", HUGO_PATHS);
    private static final Set<String> PATHS = Set.of("--source", "--output", "--templates", "--cache");

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(BuildDaemon.COMMAND)) { // hidden: started by DaemonClient
            System.exit(BuildDaemon.serve(args, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
        }
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean forked = Boolean.getBoolean(JvmTuning.FORKED_PROPERTY);
        Closeable launcherWatch = forked ? SecondJvm.endWithLauncher(FileDescriptor.in, System.err) : null;
        String command =
                List.of(args).stream().filter(a -> !a.equals(DEBUG)).findFirst().orElse("");
        Map<String, String> env = System.getenv();
        boolean help = List.of(args).stream().anyMatch(HELP::contains); // no second JVM just to print help
        if (!help && JvmTuning.mayFork(command, jvmArguments, env, forked)) {
            List<String> extra = JvmTuning.missingOptions(command, jvmArguments, env, false, List.of(args));
            boolean needsUtf8 = FileNameEncoding.problem().isPresent();
            if (!extra.isEmpty() || needsUtf8) {
                Integer status = SecondJvm.run(
                        JvmTuning.commandLine(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                jvmArguments,
                                extra,
                                System.getProperty("java.class.path"),
                                args),
                        JvmTuning.environment(command, env, needsUtf8));
                if (status != null) {
                    System.exit(status);
                }
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = run(args, out, err, env);
        if (launcherWatch != null) {
            try {
                launcherWatch.close(); // see SecondJvm.endWithLauncher: a faster exit
            } catch (IOException e) {
                // the exit then waits for the watch, as it did before
            }
        }
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Map.of());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, null);
    }

    /** @param kept the dispatches a warm process keeps decoded between its builds (see {@link BuildDaemon}); or null */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, KeptDispatches kept) {
        return run(args, out, err, env, kept, null);
    }

    /**
     * @param answer for a process that stays: called once a first build's site is in place and its report printed,
     *               before the rest of its cache is written (see {@code Arshif.Builder#answerBeforeFill}); or null
     */
    static int run(
            String[] args,
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            KeptDispatches kept,
            WarmAnswer answer) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean debug = rest.removeIf(DEBUG::equals);
        if (rest.isEmpty()) {
            err.print(Usage.general());
            return SYSTEM_ERROR;
        }
        Optional<Integer> answered = answerHelp(rest, out, err);
        if (answered.isPresent()) {
            return answered.get();
        }
        String command = rest.remove(0);
        Map<String, String> values = new HashMap<>();
        Optional<String> usageError = parse(command, rest, values).or(() -> folderProblem(values));
        if (usageError.isPresent()) {
            err.print("arshif: " + usageError.get() + "\n"
                    + (OPTIONS.containsKey(command) ? Usage.of(command, OPTIONS.get(command)) : Usage.general()));
            return SYSTEM_ERROR;
        }
        Optional<String> locale = FileNameEncoding.problem(); // before any path is made
        if (locale.isPresent()) {
            err.println("arshif: " + locale.get());
            return SYSTEM_ERROR;
        }
        try {
            Arshif.Builder builder = builder(values, out, err, env).keep(kept);
            AtomicBoolean reported = new AtomicBoolean();
            if (answer != null) {
                builder.answerBeforeFill(report -> {
                            report(report, out, err);
                            reported.set(true);
                            answer.answer().run();
                        })
                        .fillOnlyWhile(answer.keepFilling());
            }
            return execute(command, builder, values, new Streams(out, err, reported), env, debug);
        } catch (ContentException e) {
            e.diagnostics().forEach(d -> err.println(d.format()));
            FindingDigest.lines(e.diagnostics()).forEach(err::println);
            long errors = FindingCap.count(e.diagnostics(), Diagnostic::isError);
            err.println("arshif: " + errors + (errors == 1 ? " error" : " errors")
                    + (command.equals("build") ? "; the site was not changed" : ""));
            return CONTENT_ERRORS;
        } catch (RuntimeException | Error e) {
            // The process ends right here, so even an Error of the JVM is safe to report.
            return systemError(e, debug, err);
        }
    }

    /**
     * Answers {@code --version}, {@code --help} or {@code -h} (alone or after a command) and {@code help [command]}
     * on stdout with exit 0; a usage error when they name no command of ours. Empty when the arguments ask for
     * something else.
     */
    private static Optional<Integer> answerHelp(List<String> args, PrintStream out, PrintStream err) {
        String first = args.get(0);
        boolean asksForHelp = first.equals("help") || HELP.contains(first);
        if (first.equals("--version") && args.size() == 1) {
            out.println(Usage.version(Main.class.getClassLoader()));
            return Optional.of(OK);
        } else if (asksForHelp && args.size() == 1) {
            out.print(Usage.general());
            return Optional.of(OK);
        } else if (asksForHelp && args.size() > 2) {
            err.print("arshif: " + first + " takes one command, like: arshif help build\n" + Usage.general());
            return Optional.of(SYSTEM_ERROR);
        } else if (!asksForHelp && args.stream().skip(1).noneMatch(HELP::contains)) {
            return Optional.empty();
        }
        String command = asksForHelp ? args.get(1) : first;
        if (!OPTIONS.containsKey(command)) {
            err.print("arshif: " + unknownCommand(command) + "\n" + Usage.general());
            return Optional.of(SYSTEM_ERROR);
        }
        out.print(Usage.of(command, OPTIONS.get(command)));
        return Optional.of(OK);
    }

    private static String unknownCommand(String command) {
        return "unknown command '" + command + "'"
                + Suggestions.closest(command, OPTIONS.keySet())
                        .map(c -> "; did you mean '" + c + "'?")
                        .orElse("");
    }

    /**
     * A {@code --templates} folder that does not exist: a mistyped path would build with the built-in theme, unseen;
     * a {@code --cache} that is a file: the build would fail only at its end, writing the cache. (The Maven goal checks
     * its own parameters first, in Maven's words.)
     */
    private static Optional<String> folderProblem(Map<String, String> values) {
        String chosen = values.get("--templates");
        if (chosen != null && !Files.isDirectory(Path.of(chosen))) {
            String what = Files.exists(Path.of(chosen)) ? "not a folder" : "no such folder";
            return Optional.of("--templates " + chosen + ": " + what + "; give the folder that holds your templates, or"
                    + " leave --templates out to use <source>/templates (the built-in theme where there is none)");
        }
        String cache = values.get("--cache");
        if (cache != null && Files.exists(Path.of(cache)) && !Files.isDirectory(Path.of(cache))) {
            return Optional.of("--cache " + cache + ": not a folder; give a folder for the build cache (it is made"
                    + " when missing), or leave --cache out for a clean build");
        }
        return Optional.empty();
    }

    /** Reads the options of {@code command} into {@code values}; a usage error when there is one. */
    private static Optional<String> parse(String command, List<String> rest, Map<String, String> values) {
        Set<String> allowed = OPTIONS.get(command);
        if (allowed == null) {
            return Optional.of(unknownCommand(command));
        }
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!allowed.contains(arg)) {
                List<String> owners = OPTIONS.keySet().stream()
                        .sorted()
                        .filter(c -> OPTIONS.get(c).contains(arg))
                        .toList();
                return Optional.of(
                        owners.isEmpty()
                                ? "unknown option '" + arg + "'"
                                        + Suggestions.closest(arg, allowed)
                                                .map(o -> "; did you mean '" + o + "'?")
                                                .orElse("")
                                : arg + " is not an option of " + command + " (only of " + String.join(", ", owners)
                                        + ")");
            }
            if (FLAGS.contains(arg)) {
                values.put(arg, "true");
            } else if (i + 1 >= rest.size()) {
                return Optional.of(arg + " needs a value");
            } else if (values.put(arg, rest.get(++i)) != null) {
                return Optional.of(arg + " is given twice");
            }
        }
        for (String option : PATHS) {
            if (values.containsKey(option)) {
                try {
                    Path.of(values.get(option));
                } catch (InvalidPathException e) {
                    return Optional.of(option + " is not a valid path: " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private static Arshif.Builder builder(
            Map<String, String> values, PrintStream out, PrintStream err, Map<String, String> env) {
        Arshif.Builder builder = Arshif.builder()
                .hints(MavenWords.forEnvironment(env)) // the Maven goal's build speaks Maven
                .siteRoot(Path.of(values.getOrDefault("--source", ".")));
        builder.drafts(values.containsKey("--drafts")).future(values.containsKey("--future"));
        builder.compact(values.containsKey("--compact")).uglyUrls(values.containsKey("--ugly-urls"));
        builder.hugoPaths(values.containsKey(HUGO_PATHS));
        if (values.containsKey("--output")) {
            builder.output(Path.of(values.get("--output")));
        }
        if (values.containsKey("--templates")) {
            builder.templates(Path.of(values.get("--templates")));
        }
        if (values.containsKey("--base-url")) {
            builder.baseUrl(values.get("--base-url"));
        }
        if (values.containsKey("--cache")) {
            builder.cache(Path.of(values.get("--cache")));
        }
        return builder.log(BuildLog.of(out::println, err::println));
    }

    /**
     * How a process that stays answers a first build before its cache fill: {@code answer} sends the answer, and
     * {@code keepFilling} says, at each step of the fill (by its name: see {@code Arshif.Builder#fillOnlyWhile}),
     * whether the cache is still the process's.
     */
    record WarmAnswer(Runnable answer, Predicate<String> keepFilling) {}

    /** Where a command prints; {@code reported}: whether a build's report was printed before it returned. */
    private record Streams(PrintStream out, PrintStream err, AtomicBoolean reported) {}

    private static int execute(
            String command,
            Arshif.Builder builder,
            Map<String, String> values,
            Streams streams,
            Map<String, String> env,
            boolean debug) {
        PrintStream out = streams.out();
        PrintStream err = streams.err();
        return switch (command) {
            case "check" -> check(builder.build(), out, "true".equals(env.get("GITHUB_ACTIONS")));
            case "new" -> {
                Scaffolder.Created c = builder.build()
                        .newDispatch(values.get("--title"), values.get("--lang"), values.get("--translate"));
                out.println("Created " + c.path());
                yield OK;
            }
            case "serve" -> Serve.run(builder, values, Serve.log(out, err, debug), err);
            default -> build(builder.build(), streams);
        };
    }

    /** One line for the user; the stack trace only when asked for. */
    static int systemError(Throwable e, boolean debug, PrintStream err) {
        String line = "arshif: " + SystemErrors.describe(e);
        if (!SystemErrors.isEnvironmental(e) && !debug) {
            line += "; run again with " + DEBUG + " for the stack trace, and please report it";
        }
        err.println(line);
        if (debug) {
            e.printStackTrace(err);
        }
        return SYSTEM_ERROR;
    }

    private static int build(Arshif arshif, Streams streams) {
        BuildReport report = arshif.build();
        if (!streams.reported().get()) {
            report(report, streams.out(), streams.err());
        }
        return OK;
    }

    private static void report(BuildReport report, PrintStream out, PrintStream err) {
        report.findings().forEach(d -> err.println(d.format()));
        FindingDigest.lines(report.findings()).forEach(err::println);
        out.println(report.summary());
    }

    private static int check(Arshif arshif, PrintStream out, boolean githubActions) {
        CheckReport report = arshif.check();
        for (Diagnostic d : report.findings()) {
            out.println(d.format());
            if (githubActions) {
                out.println(Annotations.github(d, ""));
            }
        }
        FindingDigest.lines(report.findings()).forEach(out::println);
        out.println(report.summary());
        return report.hasErrors() ? CONTENT_ERRORS : OK;
    }
}
