/**
 * Shared machinery that is not an API: source text decoding, input files read only inside the site, atomic
 * and checksummed files, fingerprints, JSON text, suggestions. May change without notice.
 */
package org.arshif.internal;
