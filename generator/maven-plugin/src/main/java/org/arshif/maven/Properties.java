package org.arshif.maven;

import java.util.List;
import org.arshif.cli.MavenWords;

/** The user properties of the goals, declared once: those a fix hint names, in {@link MavenWords}. */
final class Properties {
    static final String SOURCE = "arshif.source";
    static final String OUTPUT = MavenWords.OUTPUT;
    static final String TEMPLATES = "arshif.templates";
    static final String BASE_URL = MavenWords.BASE_URL;
    static final String DRAFTS = MavenWords.DRAFTS;
    static final String FUTURE = MavenWords.FUTURE;
    static final String COMPACT = MavenWords.COMPACT;
    static final String UGLY_URLS = MavenWords.UGLY_URLS;
    static final String HUGO_PATHS = MavenWords.HUGO_PATHS;
    static final String SKIP = "arshif.skip";
    static final String CACHE = "arshif.cache";
    static final String INCREMENTAL = "arshif.incremental";
    static final String FORK = "arshif.fork";
    static final String DAEMON = "arshif.daemon";
    static final String PORT = "arshif.port";
    static final String STATIC = "arshif.static";
    // arshif:new's short names, as editors type them (see MavenWords)
    static final String TITLE = MavenWords.TITLE;
    static final String LANG = MavenWords.LANG;
    static final String TRANSLATE = MavenWords.TRANSLATE;

    /** The properties of true-or-false parameters, whose {@code -D} values {@link Flags} checks. */
    static final List<String> FLAGS =
            List.of(DRAFTS, FUTURE, COMPACT, UGLY_URLS, HUGO_PATHS, SKIP, INCREMENTAL, FORK, DAEMON, STATIC);

    private Properties() {}
}
