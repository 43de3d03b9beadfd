package org.arshif.maven;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.arshif.check.Annotations;
import org.arshif.check.CheckReport;
import org.arshif.diag.Diagnostic;

/**
 * Checks the whole archive without writing the site: {@code mvn arshif:check}. Every finding is printed as
 * {@code path:line:col: severity: message}; on GitHub Actions also as a workflow annotation. Fails on errors.
 */
@Mojo(name = "check", threadSafe = true, requiresProject = false)
public class CheckMojo extends ArshifMojo {
    /** The URL the site is published at; overrides {@code baseUrl} in {@code arshif.yml}. */
    @Parameter(property = Properties.BASE_URL)
    String baseUrl;

    /** Check as if drafts were published (links into drafts are then fine). */
    @Parameter(property = Properties.DRAFTS, defaultValue = "false")
    String drafts;

    /** Check the URLs an {@code arshif:build -Darshif.uglyUrls=true} makes; turns on {@code uglyUrls} of arshif.yml. */
    @Parameter(property = Properties.UGLY_URLS, defaultValue = "false")
    String uglyUrls;

    /**
     * Check the URLs an {@code arshif:build -Darshif.hugoPaths=true} makes (as Hugo made them); turns on
     * {@code hugoPaths} of {@code arshif.yml}.
     */
    @Parameter(property = Properties.HUGO_PATHS, defaultValue = "false")
    String hugoPaths;

    /** Skip the check. */
    @Parameter(property = Properties.SKIP, defaultValue = "false")
    String skip;

    private boolean draftsOn;
    private boolean uglyUrlsOn;
    private boolean hugoPathsOn;
    private boolean skipOn;

    @Override
    void readFlags(Flags flags) {
        draftsOn = flags.isSet("drafts", Properties.DRAFTS, drafts);
        uglyUrlsOn = flags.isSet("uglyUrls", Properties.UGLY_URLS, uglyUrls);
        hugoPathsOn = flags.isSet("hugoPaths", Properties.HUGO_PATHS, hugoPaths);
        skipOn = flags.isSet("skip", Properties.SKIP, skip);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        readFlags();
        if (skipOn) {
            getLog().info("Skipping the Arshif check (" + Properties.SKIP + "=true)");
            return;
        }
        MojoSupport.requireUtf8FileNames();
        CheckReport report = MojoSupport.core(
                getLog(),
                null,
                () -> arshif().baseUrl(baseUrl)
                        .drafts(draftsOn)
                        .uglyUrls(uglyUrlsOn)
                        .hugoPaths(hugoPathsOn)
                        .build()
                        .check());
        boolean actions = MojoSupport.onGitHubActions();
        // Workflow commands must start their line, so they bypass Maven's "[INFO] " prefix.
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String prefix = MojoSupport.workspacePrefix(source.toPath());
        for (Diagnostic d : report.findings()) {
            switch (d.severity()) {
                case ERROR -> getLog().error(d.format());
                case WARNING -> getLog().warn(d.format());
                default -> getLog().info(d.format());
            }
            if (actions) {
                stdout.println(Annotations.github(d, prefix));
            }
        }
        org.arshif.diag.FindingDigest.lines(report.findings()).forEach(getLog()::info);
        getLog().info(report.summary());
        if (report.hasErrors()) {
            throw new MojoFailureException("the archive has " + report.count(org.arshif.diag.Severity.ERROR)
                    + " error(s); see the lines above");
        }
    }
}
