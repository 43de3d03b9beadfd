/**
 * Findings: {@link org.arshif.diag.Diagnostic} ({@code path:line:col: error: message}), the collector, the
 * exception that carries them, front-end-neutral fix hints, and the one-line wording of system errors (files, disk,
 * memory, the file-name locale) that both front ends print. Imports nothing of Arshif.
 */
package org.arshif.diag;
