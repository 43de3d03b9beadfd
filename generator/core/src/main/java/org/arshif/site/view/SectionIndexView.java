package org.arshif.site.view;

import java.util.List;

/** All sections of a language, each followed by the sections below it. */
public record SectionIndexView(List<SectionLink> sections) {}
