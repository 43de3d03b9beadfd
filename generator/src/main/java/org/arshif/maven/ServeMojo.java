package org.arshif.maven;

import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.serve.PreviewServer;

/**
 * Previews the archive on {@code http://127.0.0.1:8080/} with live reload, drafts included:
 * {@code mvn arshif:serve}. Rebuilds what an edit affects and reloads the open tab; Ctrl-C stops it.
 */
@Mojo(name = "serve", threadSafe = true, requiresProject = false)
public class ServeMojo extends AbstractMojo {

    /** The site folder: {@code content/}, {@code templates/}, {@code arshif.yml}. */
    @Parameter(property = Properties.SOURCE, defaultValue = "${project.basedir}")
    File source;

    /** The site's templates, overriding the built-in theme file by file. */
    @Parameter(property = Properties.TEMPLATES, defaultValue = "${project.basedir}/templates")
    File templates;

    /** The port on 127.0.0.1. */
    @Parameter(property = Properties.PORT, defaultValue = "8080")
    int port;

    /** Show dispatches dated in the future too. */
    @Parameter(property = Properties.FUTURE, defaultValue = "false")
    boolean future;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        BuildLog log = new BuildLog() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }
        };
        Arshif.Builder builder = Arshif.builder().siteRoot(source.toPath()).templates(templates.toPath())
                .future(future);
        try (PreviewServer server = PreviewServer.start(builder, port, log)) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "arshif-stop"));
            server.awaitStop();
        } catch (IOException e) {
            throw new MojoFailureException("cannot serve on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is the port taken? choose another with -D" + Properties.PORT + "=8081", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Arshif failed unexpectedly: " + e, e);
        }
    }
}
