package org.arshif.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * For the tests that race a cache fill with a deletion of the cache: {@code -D}{@value #PROPERTY}{@code
 * =STEP:FILE} holds the warm process's fill after its answer at the step named (one of the core's fill steps,
 * {@code computed}, {@code written}, {@code saved}) until {@code FILE} exists, at most {@link #LONGEST}. Read once,
 * when the process starts; unset (always, outside those tests): no hold.
 *
 * @param step  the step held at; null: none
 * @param until the file whose creation lets the fill go on
 */
record FillHold(String step, Path until) {
    /** The system property. */
    static final String PROPERTY = "arshif.daemon.holdFillAt";
    /** The longest hold: a test that forgot to let go does not keep a process forever. */
    static final Duration LONGEST = Duration.ofSeconds(60);

    /** The hold the property asks for; none when it is unset or malformed. */
    static FillHold fromProperty() {
        String value = System.getProperty(PROPERTY, "");
        int colon = value.indexOf(':');
        return colon <= 0
                ? new FillHold(null, null)
                : new FillHold(value.substring(0, colon), Path.of(value.substring(colon + 1)));
    }

    /** At the fill's {@code reached} step: waits there if it is the one held at, saying so in {@code log} first. */
    void at(String reached, PrintStream log) {
        if (step == null || !step.equals(reached)) {
            return;
        }
        log.println("Holding the cache fill at " + step + " until " + until + " exists (" + PROPERTY + ")");
        long end = System.nanoTime() + LONGEST.toNanos();
        try {
            while (!Files.exists(until) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.println("Released the cache fill at " + step);
    }
}
