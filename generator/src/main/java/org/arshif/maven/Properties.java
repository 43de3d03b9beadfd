package org.arshif.maven;

/** The user properties of the goals, declared once. */
final class Properties {
    static final String SOURCE = "arshif.source";
    static final String OUTPUT = "arshif.output";
    static final String TEMPLATES = "arshif.templates";
    static final String BASE_URL = "arshif.baseUrl";
    static final String DRAFTS = "arshif.drafts";
    static final String FUTURE = "arshif.future";
    static final String SKIP = "arshif.skip";

    private Properties() {
    }
}
