package org.arshif.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.arshif.BuildLog;
import org.arshif.config.ConfigLoader;
import org.arshif.diag.Diagnostics;
import org.arshif.serve.PreviewServer;
import org.arshif.serve.Server;
import org.arshif.serve.StaticServer;

/**
 * Previews the archive on {@code http://127.0.0.1:8080/} with live reload, drafts included:
 * {@code mvn arshif:serve}. Rebuilds what an edit affects and reloads the open tab; Ctrl-C stops it.
 * With {@code -Darshif.static=true} it serves the built site folder instead, as a static host would.
 */
@Mojo(name = "serve", threadSafe = true, requiresProject = false)
public class ServeMojo extends ArshifMojo {
    /** The port on 127.0.0.1. */
    @Parameter(property = Properties.PORT, defaultValue = "8080")
    int port;

    /** Serve the already built site in {@code output} (no build, no reload), with HTTP Range, as a host would. */
    @Parameter(property = Properties.STATIC, defaultValue = "false")
    String staticSite;

    private boolean staticOn;

    @Override
    void readFlags(Flags flags) {
        staticOn = flags.isSet("staticSite", Properties.STATIC, staticSite);
    }

    /** The built site that {@code -Darshif.static=true} serves. */
    @Parameter(property = Properties.OUTPUT, defaultValue = "${project.basedir}/site")
    File output;

    /** With {@code -Darshif.static=true}: the URL the site was built for, whose path it is served under. */
    @Parameter(property = Properties.BASE_URL)
    String baseUrl;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        readFlags();
        MojoSupport.requireUtf8FileNames();
        BuildLog log = mavenLog();
        Server server = MojoSupport.core(getLog(), null, () -> {
            try {
                return staticOn
                        ? StaticServer.start(output.toPath(), staticBaseUrl(), port, log)
                        : PreviewServer.start(arshif(), port, log);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot serve on 127.0.0.1:" + port
                                + (e instanceof BindException
                                        ? " (is the port taken? choose another with -D" + Properties.PORT + "="
                                                + (port + 1) + ")"
                                        : ""),
                        e);
            }
        });
        try (server) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "arshif-stop"));
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The site's published URL: the property, else {@code baseUrl} in {@code arshif.yml}. */
    private String staticBaseUrl() {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl;
        }
        return ConfigLoader.load(Path.of(source.getPath()).toAbsolutePath(), new Diagnostics())
                .baseUrl();
    }
}
