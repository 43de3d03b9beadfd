package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * A whole walk of the output ({@link #take}) begun on a thread of its own, which the thread that asks for its
 * result helps to finish: each top-level entry is taken by whichever thread is free. A build that needs the
 * output's stamp only once it has loaded its inputs lets it run beside the load.
 */
final class OutputWalk implements OutputStamp.Pending {
    private final Path output;
    private final OutputStamp.Listing listing;
    private final IOException failure;
    private final SharedTasks<OutputStamp.Part> parts;

    private OutputWalk(Path output, OutputStamp.Listing listing, IOException failure, Executor background) {
        this.output = output;
        this.listing = listing;
        this.failure = failure;
        List<Callable<OutputStamp.Part>> tasks = new ArrayList<>();
        for (Path entry : listing == null ? List.<Path>of() : listing.entries()) {
            tasks.add(() -> OutputStamp.part(output, entry, entry, true, false));
        }
        this.parts = SharedTasks.start(tasks, background);
    }

    /** Lists the output and starts walking its entries on {@code background}. */
    static OutputWalk start(Path output, Executor background) {
        try {
            return new OutputWalk(output, OutputStamp.Listing.of(output, null), null, background);
        } catch (IOException e) {
            return new OutputWalk(output, null, e, background);
        }
    }

    @Override
    public OutputStamp result() throws ExecutionException, InterruptedException {
        if (failure instanceof NoSuchFileException) {
            return OutputStamp.MISSING;
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
        List<OutputStamp.Part> walked = parts.results();
        List<Future<OutputStamp.Part>> done = new ArrayList<>();
        walked.forEach(part -> done.add(CompletableFuture.completedFuture(part)));
        return OutputStamp.assemble(output, listing, done, true, null);
    }
}
