package org.arshif.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.arshif.config.ConfigLoader;
import org.arshif.diag.Diagnostic;
import org.arshif.search.Conflation;

/**
 * The build's notice about stems that join two families of words (issue 13), with the exact {@code arshif.yml}
 * line that keeps them apart: the site's protected words, then the suggested ones.
 */
final class ConflationNotice {
    private ConflationNotice() {}

    static Optional<Diagnostic> of(List<Conflation> found, List<String> protect) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(protect);
        StringBuilder pairs = new StringBuilder();
        for (Conflation c : found) {
            pairs.append(pairs.length() == 0 ? "" : "; ")
                    .append(c.word())
                    .append(" (")
                    .append(c.docs())
                    .append(") with ")
                    .append(c.other())
                    .append(" (")
                    .append(c.otherDocs())
                    .append(')');
            if (!words.contains(c.word())) {
                words.add(c.word());
            }
        }
        return Optional.of(Diagnostic.notice(
                ConfigLoader.FILE_NAME,
                1,
                1,
                "search: " + found.size() + (found.size() == 1 ? " stem joins" : " stems join")
                        + " two families of words, so a search for one also finds the other (dispatches in"
                        + " parentheses): " + pairs + ". If they are different words, keep the first of each pair"
                        + " whole: set search: {protect: [" + String.join(", ", words) + "]} in "
                        + ConfigLoader.FILE_NAME));
    }
}
