package org.arshif.site.view;

import java.util.List;

/** All of Hugo's categories of a language with their counts, most used first. */
public record CategoryIndexView(List<TagLink> categories) {}
