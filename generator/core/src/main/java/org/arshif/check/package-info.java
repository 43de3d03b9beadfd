/**
 * The archive checker behind {@code arshif:check}: links, vocabulary, translations, footers and scheduled
 * dispatches, on top of what loading finds. Uses {@code pipeline}, {@code site}, {@code content}, {@code config}.
 */
package org.arshif.check;
