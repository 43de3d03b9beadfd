/**
 * The site model and its output: {@link org.arshif.site.Library} (everything loaded), the model, routes, the
 * sandboxed theme, and the output tree that is written beside the old site and swapped in whole (or, after an
 * edit, updated in place).
 */
package org.arshif.site;
