package org.arshif.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.arshif.BuildLog;
import org.arshif.serve.PreviewServer;

/**
 * Previews the archive on {@code http://127.0.0.1:8080/} with live reload, drafts included:
 * {@code mvn arshif:serve}. Rebuilds what an edit affects and reloads the open tab; Ctrl-C stops it.
 */
@Mojo(name = "serve", threadSafe = true, requiresProject = false)
public class ServeMojo extends ArshifMojo {
    /** The port on 127.0.0.1. */
    @Parameter(property = Properties.PORT, defaultValue = "8080")
    int port;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        MojoSupport.requireUtf8FileNames();
        BuildLog log = mavenLog();
        PreviewServer server = MojoSupport.core(getLog(), null, () -> {
            try {
                return PreviewServer.start(arshif(), port, log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve on 127.0.0.1:" + port + (e instanceof BindException
                        ? " (is the port taken? choose another with -D" + Properties.PORT + "=" + (port + 1) + ")"
                        : ""), e);
            }
        });
        try (server) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "arshif-stop"));
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
