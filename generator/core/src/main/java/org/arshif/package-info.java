/**
 * The façade: {@link org.arshif.Arshif} (configured once with {@code Arshif.builder()}, immutable) loads a site
 * folder and builds, checks or scaffolds; {@code LiveLibrary} keeps a loaded site current for the preview. It may use
 * every core package below; the front ends ({@code cli}, {@code maven}, {@code serve}) use it, never the reverse.
 */
package org.arshif;
