package org.arshif.site.view;

/** A link with its visible text. */
public record Link(String href, String label) {}
