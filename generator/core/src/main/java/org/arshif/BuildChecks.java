package org.arshif;

import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.pipeline.SitePlan;

/** The checks of a built site beyond its own findings, given its plan, whether it rendered, its archive key. */
@FunctionalInterface
interface BuildChecks {
    List<Diagnostic> of(SitePlan plan, boolean rendered, String archiveKey);
}
