package org.arshif.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.BuildReport;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;

/**
 * The command line: {@code java -jar arshif-cli.jar build [--source DIR] [--output DIR] [--drafts] [--future]
 * [--base-url URL]}. Exit status 0 on success, 1 when the archive has errors, 2 on a usage or system error.
 */
public final class Main {
    private static final String USAGE = """
            usage: arshif build [options]
              --source DIR     site folder with content/, templates/, arshif.yml (default: .)
              --output DIR     where the site goes (default: <source>/site)
              --templates DIR  templates overriding the built-in theme (default: <source>/templates)
              --base-url URL   the URL the site is published at (overrides arshif.yml)
              --drafts         include drafts
              --future         include dispatches dated in the future
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
            out.print(USAGE);
            return rest.isEmpty() ? 2 : 0;
        }
        String command = rest.remove(0);
        if (!command.equals("build")) {
            err.println("arshif: unknown command '" + command + "'\n" + USAGE);
            return 2;
        }
        Arshif.Builder builder = Arshif.builder().siteRoot(Path.of("."));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--drafts" -> builder.drafts(true);
                case "--future" -> builder.future(true);
                case "--source", "--output", "--templates", "--base-url" -> {
                    if (i + 1 >= rest.size()) {
                        err.println("arshif: " + arg + " needs a value\n" + USAGE);
                        return 2;
                    }
                    String value = rest.get(++i);
                    switch (arg) {
                        case "--source" -> builder.siteRoot(Path.of(value));
                        case "--output" -> builder.output(Path.of(value));
                        case "--templates" -> builder.templates(Path.of(value));
                        default -> builder.baseUrl(value);
                    }
                }
                default -> {
                    err.println("arshif: unknown option '" + arg + "'\n" + USAGE);
                    return 2;
                }
            }
        }
        builder.log(new BuildLog() {
            @Override
            public void info(String message) {
                out.println(message);
            }

            @Override
            public void warn(String message) {
                err.println(message);
            }
        });
        try {
            BuildReport report = builder.build().build();
            report.findings().forEach(d -> err.println(d.format()));
            out.println(report.summary());
            return 0;
        } catch (ContentException e) {
            e.diagnostics().forEach(d -> err.println(d.format()));
            long errors = e.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println("arshif: " + errors + (errors == 1 ? " error" : " errors") + "; the site was not changed");
            return 1;
        }
    }
}
