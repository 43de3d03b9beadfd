package org.arshif.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostics;

/** Site models of a few dispatches, with the default configuration, as a build in 2030 sees them. */
final class TestModels {
    private TestModels() {}

    /** The model of {@code dispatches} (no drafts, nothing scheduled); its findings go to {@code findings}. */
    static SiteModel of(List<Dispatch> dispatches, Diagnostics findings) {
        return SiteModel.build(
                SiteConfig.defaults(),
                TagVocabulary.empty(t -> List.of(t)),
                new ArrayList<>(dispatches),
                false,
                false,
                Instant.parse("2030-01-01T00:00:00Z"),
                findings);
    }
}
