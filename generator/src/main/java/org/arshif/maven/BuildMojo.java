package org.arshif.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.BuildReport;
import org.arshif.diag.ContentException;

/** Builds the site: {@code mvn arshif:build}, or bound to {@code package}. A thin adapter over {@link Arshif}. */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = false)
public class BuildMojo extends AbstractMojo {

    /** The site folder: {@code content/}, {@code templates/}, {@code arshif.yml}. */
    @Parameter(property = Properties.SOURCE, defaultValue = "${project.basedir}")
    File source;

    /** Where the site is written. */
    @Parameter(property = Properties.OUTPUT, defaultValue = "${project.basedir}/site")
    File output;

    /** The site's templates, overriding the built-in theme file by file. */
    @Parameter(property = Properties.TEMPLATES, defaultValue = "${project.basedir}/templates")
    File templates;

    /** The URL the site is published at; overrides {@code baseUrl} in {@code arshif.yml}. */
    @Parameter(property = Properties.BASE_URL)
    String baseUrl;

    /** Include drafts. */
    @Parameter(property = Properties.DRAFTS, defaultValue = "false")
    boolean drafts;

    /** Include dispatches dated in the future. */
    @Parameter(property = Properties.FUTURE, defaultValue = "false")
    boolean future;

    /** Where incremental builds keep page fingerprints, so that a rebuild re-renders only the pages that changed. */
    @Parameter(property = Properties.CACHE, defaultValue = "${project.build.directory}/arshif-cache")
    File cache;

    /** Re-render only the pages an edit affects (false: a clean build every time). */
    @Parameter(property = Properties.INCREMENTAL, defaultValue = "true")
    boolean incremental;

    /** Skip the build. */
    @Parameter(property = Properties.SKIP, defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the Arshif build (" + Properties.SKIP + "=true)");
            return;
        }
        Arshif arshif = Arshif.builder().siteRoot(source.toPath()).output(output.toPath())
                .templates(templates.toPath()).baseUrl(baseUrl).drafts(drafts).future(future)
                .cache(incremental && cache != null ? cache.toPath() : null)
                .log(mavenLog()).build();
        try {
            BuildReport report = arshif.build();
            report.findings().forEach(d -> getLog().warn(d.format()));
            getLog().info(report.summary());
        } catch (ContentException e) {
            MojoSupport.report(getLog(), e, source.toPath());
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Arshif failed unexpectedly: " + e, e);
        }
    }

    private BuildLog mavenLog() {
        return new BuildLog() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }
        };
    }
}
