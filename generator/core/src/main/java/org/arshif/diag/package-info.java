/**
 * Findings: {@link org.arshif.diag.Diagnostic} ({@code path:line:col: error: message}), the collector, the
 * exception that carries them, and front-end-neutral fix hints. Imports nothing of Arshif.
 */
package org.arshif.diag;
