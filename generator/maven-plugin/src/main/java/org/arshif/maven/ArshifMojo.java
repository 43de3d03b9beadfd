package org.arshif.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.cli.MavenWords;

/** What the goals that read a whole site share: where it is, its templates, and Maven's log for the core. */
abstract class ArshifMojo extends AbstractMojo {

    /** The site folder: {@code content/}, {@code templates/}, {@code arshif.yml}. */
    @Parameter(property = Properties.SOURCE, defaultValue = "${project.basedir}")
    File source;

    /**
     * The site's templates, overriding the built-in theme file by file; default {@code <source>/templates}, or the
     * built-in theme alone where there is none. A folder named here must exist.
     */
    @Parameter(property = Properties.TEMPLATES)
    File templates;

    /** Include dispatches dated in the future: true or false. */
    @Parameter(property = Properties.FUTURE, defaultValue = "false")
    String future;

    /** The project's POM, where {@link Flags} finds the line of a flag it refuses; none without a project. */
    @Parameter(defaultValue = "${project.file}", readonly = true)
    File pom;

    private boolean futureOn;

    /**
     * Reads the goal's true-or-false parameters (Maven passes them as text, see {@link Flags}) and checks that a
     * {@code templates} folder given exists, failing before anything is done with every one that is wrong.
     */
    final void readFlags() throws MojoFailureException {
        Flags flags = new Flags(pom);
        futureOn = flags.isSet("future", Properties.FUTURE, future);
        flags.folder(
                "templates",
                Properties.TEMPLATES,
                templates,
                "<source>/templates (the built-in theme where there is none)");
        readFlags(flags);
        flags.requireNone();
    }

    /** Whether future dispatches are included, once {@link #readFlags()} has read it. */
    boolean futureOn() {
        return futureOn;
    }

    /** Reads the goal's own true-or-false parameters through {@code flags}. */
    abstract void readFlags(Flags flags);

    /** A core builder for this site, logging through Maven. */
    Arshif.Builder arshif() {
        return Arshif.builder()
                .hints(MavenWords.INSTANCE)
                .siteRoot(source.toPath())
                .templates(templates == null ? null : templates.toPath())
                .future(futureOn)
                .log(mavenLog());
    }

    /** Maven's log for the core: errors at ERROR, and traces at debug level, shown by {@code mvn -X}. */
    BuildLog mavenLog() {
        return new BuildLog() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }

            @Override
            public void error(String message) {
                getLog().error(message);
            }

            @Override
            public void debug(String message, Throwable cause) {
                getLog().debug(message, cause);
            }
        };
    }
}
