package org.arshif.site.view;

/**
 * A section as a link: its path (the folders, {@code economy/gulf}), its name in the page's language (after its
 * parents' names in the index of sections), and how many dispatches it holds, those of the sections below it
 * included.
 *
 * @param depth 0 for a folder right below the language folder, 1 for one below that, and so on
 */
public record SectionLink(String path, String name, String href, long count, String countLabel, int depth) {}
