package org.arshif.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.BuildReport;
import org.arshif.check.Annotations;
import org.arshif.check.CheckReport;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.scaffold.Scaffolder;

/**
 * The command line: {@code java -jar arshif-cli.jar build|check|new|serve [options]}. Exit status 0 on success,
 * 1 when the archive has errors, 2 on a usage or system error. {@code build}, {@code check} and {@code serve} run
 * in a second JVM tuned for them unless the user chose JVM options; see {@link JvmTuning}.
 */
public final class Main {
    private static final String USAGE = """
            usage: arshif build|check|new|serve [options]
              build            build the site into --output
              check            check the whole archive; writes nothing; exit 1 on errors
              new              scaffold a dispatch: --title T --lang ar|en [--translate content/ar/x.md]
              serve            preview on 127.0.0.1 with live reload, drafts included: [--port 8080]
            options:
              --source DIR     site folder with content/, templates/, arshif.yml (default: .)
              --output DIR     where the site goes (default: <source>/site)
              --templates DIR  templates overriding the built-in theme (default: <source>/templates)
              --base-url URL   the URL the site is published at (overrides arshif.yml)
              --cache DIR      incremental build cache (build only; default: none, a clean build)
              --drafts         include drafts
              --future         include dispatches dated in the future
            """;
    private static final Set<String> COMMANDS = Set.of("build", "check", "new", "serve");
    private static final Set<String> VALUED = Set.of("--source", "--output", "--templates", "--base-url", "--cache",
            "--title", "--lang", "--translate", "--port");

    private Main() {
    }

    public static void main(String[] args) {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> extra = args.length == 0 ? List.of() : JvmTuning.missingOptions(args[0], jvmArguments,
                System.getenv(), Boolean.getBoolean(JvmTuning.FORKED_PROPERTY));
        if (!extra.isEmpty()) {
            Integer status = runForked(args, jvmArguments, extra);
            if (status != null) {
                System.exit(status);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, System.getenv()));
    }

    /** Runs the command in a second JVM with {@code extra} options; null when that JVM cannot be started. */
    private static Integer runForked(String[] args, List<String> jvmArguments, List<String> extra) {
        List<String> cmd = JvmTuning.commandLine(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                jvmArguments, extra, System.getProperty("java.class.path"), args);
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            return null; // build in this JVM instead: slower, but the same site
        }
        // Ctrl-C reaches both JVMs; a plain kill of this one must not leave the build or the server running.
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int status = child.waitFor();
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook then finds the child gone
                }
                return status;
            } catch (InterruptedException e) {
                // keep waiting: the child's status is this process's status
            }
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Map.of());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
            out.print(USAGE);
            return rest.isEmpty() ? 2 : 0;
        }
        String command = rest.remove(0);
        if (!COMMANDS.contains(command)) {
            err.println("arshif: unknown command '" + command + "'\n" + USAGE);
            return 2;
        }
        Arshif.Builder builder = Arshif.builder().siteRoot(Path.of("."));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("--drafts")) {
                builder.drafts(true);
            } else if (arg.equals("--future")) {
                builder.future(true);
            } else if (VALUED.contains(arg)) {
                if (i + 1 >= rest.size()) {
                    err.println("arshif: " + arg + " needs a value\n" + USAGE);
                    return 2;
                }
                values.put(arg, rest.get(++i));
            } else {
                err.println("arshif: unknown option '" + arg + "'\n" + USAGE);
                return 2;
            }
        }
        if (values.containsKey("--source")) {
            builder.siteRoot(Path.of(values.get("--source")));
        }
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
        builder.log(BuildLog.of(out::println, err::println));
        try {
            return switch (command) {
                case "check" -> check(builder.build(), out, "true".equals(env.get("GITHUB_ACTIONS")));
                case "new" -> {
                    Scaffolder.Created c = builder.build().newDispatch(values.get("--title"), values.get("--lang"),
                            values.get("--translate"));
                    out.println("Created " + c.path());
                    yield 0;
                }
                case "serve" -> Serve.run(builder, values.get("--port"), out, err);
                default -> build(builder.build(), out, err);
            };
        } catch (ContentException e) {
            e.diagnostics().forEach(d -> err.println(d.format()));
            long errors = e.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println("arshif: " + errors + (errors == 1 ? " error" : " errors")
                    + (command.equals("build") ? "; the site was not changed" : ""));
            return 1;
        }
    }

    private static int build(Arshif arshif, PrintStream out, PrintStream err) {
        BuildReport report = arshif.build();
        report.findings().forEach(d -> err.println(d.format()));
        out.println(report.summary());
        return 0;
    }

    private static int check(Arshif arshif, PrintStream out, boolean githubActions) {
        CheckReport report = arshif.check();
        for (Diagnostic d : report.findings()) {
            out.println(d.format());
            if (githubActions) {
                out.println(Annotations.github(d, ""));
            }
        }
        out.println(report.summary());
        return report.hasErrors() ? 1 : 0;
    }
}
