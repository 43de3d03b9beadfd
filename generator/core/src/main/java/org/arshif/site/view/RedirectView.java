package org.arshif.site.view;

/** A page at an old URL (an alias) that sends readers on to the current one. */
public record RedirectView(String target) {}
