package org.arshif.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.arshif.Arshif;
import org.arshif.cli.MavenWords;
import org.arshif.scaffold.Scaffolder;

/**
 * Scaffolds a dispatch with its front-matter filled in: {@code mvn arshif:new -Dtitle="…" -Dlang=ar}, or the
 * start of a translation: {@code mvn arshif:new -Dtranslate=content/ar/x.md}. Never overwrites a file.
 */
@Mojo(name = "new", threadSafe = true, requiresProject = false)
public class NewMojo extends AbstractMojo {

    /** The site folder: {@code content/}, {@code arshif.yml}. */
    @Parameter(property = Properties.SOURCE, defaultValue = "${project.basedir}")
    File source;

    /** The dispatch's title; for a translation, optional (the original's is prefilled). */
    @Parameter(property = Properties.TITLE)
    String title;

    /** {@code ar} or {@code en}; for a translation, optional (the other language). */
    @Parameter(property = Properties.LANG)
    String lang;

    /** An existing dispatch to start the translation of, e.g. {@code content/ar/2017-05-22-x.md}. */
    @Parameter(property = Properties.TRANSLATE)
    String translate;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        MojoSupport.requireUtf8FileNames();
        Scaffolder.Created created = MojoSupport.core(
                getLog(),
                null,
                () -> Arshif.builder()
                        .hints(MavenWords.INSTANCE)
                        .siteRoot(source.toPath())
                        .build()
                        .newDispatch(title, lang, translate));
        getLog().info("Created " + created.path());
    }
}
