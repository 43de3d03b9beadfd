package org.arshif.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.arshif.Arshif;
import org.arshif.BuildReport;
import org.arshif.cli.CliHints;
import org.arshif.config.SiteConfig;
import org.arshif.diag.FindingDigest;

/** Builds the site: {@code mvn arshif:build}, or bound to {@code package}. A thin adapter over {@link Arshif}. */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = false)
public class BuildMojo extends ArshifMojo {
    /** Where the site is written. */
    @Parameter(property = Properties.OUTPUT, defaultValue = "${project.basedir}/site")
    File output;

    /** The URL the site is published at; overrides {@code baseUrl} in {@code arshif.yml}. */
    @Parameter(property = Properties.BASE_URL)
    String baseUrl;

    /** Include drafts. */
    @Parameter(property = Properties.DRAFTS, defaultValue = "false")
    String drafts;

    /**
     * A smaller site for a host's size limit: articles without the optional extras (related dispatches, newer/older
     * links, Open Graph, JSON-LD), tag and category lists of ten pages, a search index that needs a host serving HTTP
     * Range; turns on {@code compact} of {@code arshif.yml}.
     */
    @Parameter(property = Properties.COMPACT, defaultValue = "false")
    String compact;

    /**
     * An article as one file, {@code /en/2017/05/slug.html}, not a folder with its {@code index.html} (a page bundle
     * keeps its folder): what a 100,000-dispatch archive needs, with compact, to fit GitHub Pages; turns on
     * {@code uglyUrls} of {@code arshif.yml}.
     */
    @Parameter(property = Properties.UGLY_URLS, defaultValue = "false")
    String uglyUrls;

    /**
     * URLs as Hugo made them, for an archive moved from Hugo: slugs, file names and section folders in lower case,
     * a hyphen for a space; turns on {@code hugoPaths} of {@code arshif.yml}.
     */
    @Parameter(property = Properties.HUGO_PATHS, defaultValue = "false")
    String hugoPaths;

    /** Where incremental builds keep page fingerprints, so that a rebuild re-renders only the pages that changed. */
    @Parameter(property = Properties.CACHE, defaultValue = "${project.build.directory}/arshif-cache")
    File cache;

    /** Re-render only the pages an edit affects (false: a clean build every time). */
    @Parameter(property = Properties.INCREMENTAL, defaultValue = "true")
    String incremental;

    /**
     * Build in a second JVM tuned for a one-shot build, as Surefire forks tests (false: in Maven's own JVM, with
     * whatever options Maven runs with). See {@link ForkedBuild}.
     */
    @Parameter(property = Properties.FORK, defaultValue = "true")
    String fork;

    /**
     * Keep the build's second JVM for the next builds, as Gradle's daemon does: a rebuild then skips a cold JVM. On by
     * default when the build forks into a cache; off when the environment variable {@code CI} is set (a CI job starts
     * from an empty machine and gains nothing), unless this is set to true. The process ends with {@code mvn clean},
     * after 20 idle minutes, or with a changed plugin or JVM options. See {@link ForkedBuild}.
     */
    @Parameter(property = Properties.DAEMON)
    String daemon;

    /** Skip the build. */
    @Parameter(property = Properties.SKIP, defaultValue = "false")
    String skip;

    private boolean draftsOn;
    private boolean compactOn;
    private boolean uglyUrlsOn;
    private boolean hugoPathsOn;
    private boolean incrementalOn;
    private boolean forkOn;
    private Boolean daemonOn;
    private boolean skipOn;

    @Override
    void readFlags(Flags flags) {
        draftsOn = flags.isSet("drafts", Properties.DRAFTS, drafts);
        compactOn = flags.isSet("compact", Properties.COMPACT, compact);
        uglyUrlsOn = flags.isSet("uglyUrls", Properties.UGLY_URLS, uglyUrls);
        hugoPathsOn = flags.isSet("hugoPaths", Properties.HUGO_PATHS, hugoPaths);
        incrementalOn = flags.isSet("incremental", Properties.INCREMENTAL, incremental);
        flags.folderOrNone("cache", Properties.CACHE, cache, "the build cache", "target/arshif-cache");
        forkOn = flags.isSet("fork", Properties.FORK, fork);
        daemonOn = flags.read("daemon", Properties.DAEMON, daemon);
        skipOn = flags.isSet("skip", Properties.SKIP, skip);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        readFlags();
        if (skipOn) {
            getLog().info("Skipping the Arshif build (" + Properties.SKIP + "=true)");
            return;
        }
        MojoSupport.requireUtf8FileNames();
        if (forkOn && forked()) {
            return;
        }
        BuildReport report = MojoSupport.core(
                getLog(),
                source.toPath(),
                () -> arshif().output(output.toPath())
                        .baseUrl(baseUrl)
                        .drafts(draftsOn)
                        .compact(compactOn)
                        .uglyUrls(uglyUrlsOn)
                        .hugoPaths(hugoPathsOn)
                        .cache(incrementalOn && cache != null ? cache.toPath() : null)
                        .build()
                        .build());
        report.findings().forEach(d -> getLog().warn(d.format()));
        FindingDigest.lines(report.findings()).forEach(getLog()::warn);
        getLog().info(report.summary());
    }

    /** Builds in a second JVM; false when none could be started. */
    private boolean forked() throws MojoFailureException {
        List<String> classPath = ForkedBuild.pluginClassPath();
        if (classPath.isEmpty()) {
            return false;
        }
        List<String> args =
                new ArrayList<>(List.of("--source", source.getAbsolutePath(), "--output", output.getAbsolutePath()));
        if (templates != null) {
            args.addAll(List.of("--templates", templates.getAbsolutePath()));
        }
        if (baseUrl != null) {
            args.addAll(List.of("--base-url", baseUrl));
        }
        if (incrementalOn && cache != null) {
            args.addAll(List.of("--cache", cache.getAbsolutePath()));
        }
        if (draftsOn) {
            args.add("--drafts");
        }
        if (futureOn()) {
            args.add("--future");
        }
        if (compactOn) {
            args.add("--compact");
        }
        if (uglyUrlsOn) {
            args.add("--ugly-urls");
        }
        if (hugoPathsOn) {
            args.add(CliHints.flagOf(SiteConfig.HUGO_PATHS));
        }
        boolean warm = incrementalOn && cache != null && (daemonOn != null ? daemonOn : !onCi(System.getenv()));
        return new ForkedBuild(classPath, getLog())
                .run(source.toPath(), args, warm ? cache.toPath().resolve("daemon") : null);
    }

    /** Whether the environment is a CI job's: GitHub Actions, GitLab and most others set {@code CI}. */
    static boolean onCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false");
    }
}
