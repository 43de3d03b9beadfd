package org.arshif.site.view;

import java.util.List;

/** All tags of a language with their counts, most used first. */
public record TagIndexView(List<TagLink> tags) {}
