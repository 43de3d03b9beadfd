package org.arshif;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Hints;
import org.arshif.diag.Severity;
import org.arshif.site.Library;

/**
 * The build's notice of the dispatches it left out because their {@code expiryDate} has passed: one notice, at the
 * first of them, naming how many and which, so that a story an export gave an expiry does not leave the archive
 * unsaid. One notice and not one a dispatch: Hugo sites expire notices on purpose, and {@code check} names each.
 */
final class ExpiredNotice {
    /** How many others the notice names by path; {@code check} names every one. */
    private static final int NAMED = 3;

    private ExpiredNotice() {}

    /** The notice, or empty when nothing expired or drafts (and so expired dispatches) are built. */
    static Optional<Diagnostic> of(Library library, boolean drafts, Clock clock, Hints hints) {
        if (drafts) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Dispatch> expired = library.dispatches().stream()
                .filter(d -> d.meta().expiredAt(now))
                .sorted((a, b) -> a.path().compareTo(b.path()))
                .toList();
        if (expired.isEmpty()) {
            return Optional.empty();
        }
        Dispatch first = expired.get(0);
        String named = expired.stream().skip(1).limit(NAMED).map(Dispatch::path).collect(Collectors.joining(", "));
        String more = expired.size() > NAMED + 1 ? ", and " + (expired.size() - NAMED - 1) + " more" : "";
        String others = expired.size() == 1
                ? ""
                : ", and so " + (expired.size() == 2 ? "was " : "were ") + (expired.size() - 1)
                        + (expired.size() == 2 ? " other (" : " others (") + named + more + ")";
        return Optional.of(first.finding(
                Severity.NOTICE,
                first.position("expiryDate"),
                "expired: " + first.path() + " was left out because its expiryDate ("
                        + first.meta().expiry()
                        + ") has passed, as Hugo does" + others + "; " + hints.option(Hints.Option.DRAFTS, "true")
                        + " builds expired dispatches; delete expiryDate to keep one in the archive (check names"
                        + " each)"));
    }
}
