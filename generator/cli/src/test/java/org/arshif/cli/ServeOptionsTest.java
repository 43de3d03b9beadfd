package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.arshif.BuildLog;
import org.junit.jupiter.api.Test;

/** {@code serve}'s options for the live and the static server, and where its traces go. */
class ServeOptionsTest {

    @Test
    void optionsOfTheOtherModeAreRejectedNotIgnored() {
        MainTest.Run live = MainTest.run("serve", "--output", "site");
        assertEquals(Main.SYSTEM_ERROR, live.code());
        assertTrue(live.err().contains("serve takes --output only with --static"), live.err());
        MainTest.Run statically = MainTest.run("serve", "--static", "--drafts");
        assertEquals(Main.SYSTEM_ERROR, statically.code());
        assertTrue(statically.err().contains("serve --static takes no --drafts"), statically.err());
    }

    @Test
    void aTraceIsPrintedOnlyWithDebug() {
        Exception cause = new IllegalStateException("deep down");
        assertFalse(logged(false, cause).contains("deep down"), "no trace without --debug");
        String debug = logged(true, cause);
        assertTrue(debug.contains("java.lang.IllegalStateException: deep down"), debug);
        assertTrue(debug.contains("\tat org.arshif.cli.ServeOptionsTest"), "a stack trace: " + debug);
    }

    private static String logged(boolean debug, Throwable cause) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        BuildLog log = Serve.log(stream, stream, debug);
        log.error("arshif serve: rebuilding failed: " + cause);
        log.debug("arshif serve: rebuilding failed", cause);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("arshif serve: rebuilding failed: java.lang.IllegalStateException"), text);
        return text.substring(text.indexOf('\n') + 1);
    }
}
