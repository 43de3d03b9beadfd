package org.arshif.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM options a command runs best with, and whether the CLI should start itself again to get them.
 *
 * <p>A build is a one-shot batch job of 10–60 seconds on machines with few cores. Measured on a 2-core machine
 * with a 10,000-dispatch archive, the JVM's defaults (G1 or Parallel GC, and the C2 compiler) spent as much CPU
 * on compiling and collecting as on building: 18 s wall, 35 s CPU and 1.9 GB peak memory, against 11 s, 18 s
 * and 450 MB with the serial collector and the C1 compiler alone. A jar cannot carry JVM options, so
 * {@code java -jar arshif-cli.jar build} starts a second JVM with them, as Gradle's client does, unless the user
 * chose a collector or compiler, attached an agent, or set {@code ARSHIF_FORK=0}. {@code serve} runs for hours
 * and keeps C2; it gets only the serial collector.
 */
final class JvmTuning {
    /** Set in the second JVM, so that it never starts a third. */
    static final String FORKED_PROPERTY = "arshif.forked";
    static final String FORK_ENV = "ARSHIF_FORK";

    private JvmTuning() {
    }

    /**
     * The options to add for {@code command}, given the JVM's own arguments; empty when the JVM should be kept
     * as it is.
     */
    static List<String> missingOptions(String command, List<String> jvmArguments, Map<String, String> env,
                                       boolean forked) {
        if (forked || "0".equals(env.get(FORK_ENV)) || !List.of("build", "check", "serve").contains(command)) {
            return List.of();
        }
        List<String> add = new ArrayList<>();
        boolean collectorChosen = false;
        boolean compilerChosen = false;
        for (String arg : jvmArguments) {
            if (arg.startsWith("-agentlib:") || arg.startsWith("-agentpath:") || arg.startsWith("-javaagent:")
                    || arg.startsWith("-XX:StartFlightRecording") || arg.startsWith("-Xdebug")
                    || arg.startsWith("-Xrunjdwp")) {
                return List.of(); // someone is looking at this very JVM
            }
            if (arg.matches("-XX:[+-]Use\\w*GC")) {
                collectorChosen = true;
            }
            if (arg.startsWith("-XX:TieredStopAtLevel") || arg.matches("-XX:[+-]TieredCompilation")
                    || arg.equals("-Xint") || arg.equals("-Xcomp")) {
                compilerChosen = true;
            }
        }
        if (!collectorChosen) {
            add.add("-XX:+UseSerialGC");
        }
        if (!compilerChosen && !command.equals("serve")) {
            add.add("-XX:TieredStopAtLevel=1");
        }
        return add;
    }

    /** The command line of the second JVM: same executable, class path and options, plus {@code extra}. */
    static List<String> commandLine(String javaExecutable, List<String> jvmArguments, List<String> extra,
                                    String classPath, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable);
        cmd.addAll(jvmArguments);
        cmd.addAll(extra);
        cmd.add("-D" + FORKED_PROPERTY + "=true");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
