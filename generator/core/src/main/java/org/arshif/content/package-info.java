/**
 * Dispatches and what they are read from: Markdown and agency plain text, front-matter, the tag vocabulary,
 * git dates. Imports {@code config}, {@code diag} and {@code internal}.
 */
package org.arshif.content;
