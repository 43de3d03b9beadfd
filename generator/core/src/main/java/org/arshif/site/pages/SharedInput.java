package org.arshif.site.pages;

/**
 * Part of many pages' inputs (a dispatch's card is on every list that shows it): the same instance everywhere, so
 * a fingerprint may compute its share once.
 */
public record SharedInput(Object value) {}
