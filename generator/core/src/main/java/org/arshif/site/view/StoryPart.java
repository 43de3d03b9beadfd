package org.arshif.site.view;

/**
 * One part of a wire story told in parts, on each part's article page.
 *
 * @param number  1 for the lead, 2 for its first continuation, …, as the page's language writes numbers
 * @param href    the part's page
 * @param current whether this is the page's own part
 */
public record StoryPart(String number, String href, boolean current) {}
