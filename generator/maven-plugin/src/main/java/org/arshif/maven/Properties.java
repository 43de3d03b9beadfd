package org.arshif.maven;

/** The user properties of the goals, declared once. */
final class Properties {
    static final String SOURCE = "arshif.source";
    static final String OUTPUT = "arshif.output";
    static final String TEMPLATES = "arshif.templates";
    static final String BASE_URL = "arshif.baseUrl";
    static final String DRAFTS = "arshif.drafts";
    static final String FUTURE = "arshif.future";
    static final String COMPACT = "arshif.compact";
    static final String UGLY_URLS = "arshif.uglyUrls";
    static final String SKIP = "arshif.skip";
    static final String CACHE = "arshif.cache";
    static final String INCREMENTAL = "arshif.incremental";
    static final String FORK = "arshif.fork";
    static final String DAEMON = "arshif.daemon";
    static final String PORT = "arshif.port";
    static final String STATIC = "arshif.static";
    // arshif:new takes the short names editors type: mvn arshif:new -Dtitle=… -Dlang=ar
    static final String TITLE = "title";
    static final String LANG = "lang";
    static final String TRANSLATE = "translate";

    private Properties() {}
}
