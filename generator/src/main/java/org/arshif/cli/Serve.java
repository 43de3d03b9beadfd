package org.arshif.cli;

import java.io.PrintStream;
import org.arshif.Arshif;

final class Serve {
    private Serve() {
    }

    static int run(Arshif.Builder builder, String port, PrintStream out, PrintStream err) {
        err.println("serve: not yet");
        return 2;
    }
}
