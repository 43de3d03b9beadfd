package org.arshif.incremental;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.arshif.internal.CheckedFile;

/**
 * Cache work a first build in a process that stays (the warm build process) leaves until after it answered its
 * caller (see {@code Arshif.Builder#answerBeforeFill} and {@link CacheFill}): the parse cache's encoding and files,
 * which were ~0.8 s of a 10,000-dispatch first build before the answer. Made per build; a build that does not
 * answer early, or that fails, runs it all at once ({@link #runAll}), so that its cache is what it was before.
 *
 * <p>Each piece has a part that only computes (or appends to files opened before the answer), run first, and a part
 * that writes its cache files. Those files are named before the answer ({@link #files}), so that a fill can make
 * them then and write them in place after it ({@link CacheFill}): a {@code mvn clean} meanwhile is then neither
 * raced nor undone. Pieces run in the order added.
 */
public final class AfterAnswer {
    private final List<Piece> pieces = new ArrayList<>();
    private boolean computed;

    /**
     * One piece of deferred work.
     *
     * @param compute what it computes first, writing no new file
     * @param write   writes its files (only those in {@code files}) to the {@link CheckedFile.Writes} given
     * @param discard lets go of what it holds when the fill is abandoned instead
     * @param files   the files it writes
     */
    public record Piece(Runnable compute, Consumer<CheckedFile.Writes> write, Runnable discard, List<Path> files) {
        public Piece {
            files = List.copyOf(files);
        }
    }

    /** Adds a piece, run after those added before it. */
    public synchronized void add(Piece piece) {
        pieces.add(piece);
    }

    /** Adds a piece that only writes one file (its data made before the answer). */
    public void addWrite(CheckedFile.Later write) {
        add(new Piece(() -> {}, write.write(), () -> {}, List.of(write.file())));
    }

    /** The files every piece writes, in the order added. */
    public List<Path> files() {
        return snapshot().stream().flatMap(p -> p.files().stream()).toList();
    }

    /** Every piece's computing part, in order, once. */
    public void compute() {
        if (markComputed()) {
            snapshot().forEach(p -> p.compute().run());
        }
    }

    /** Every piece's writes, in order, to {@code writes}; then there is nothing left to do. */
    public void write(CheckedFile.Writes writes) {
        List<Piece> all = snapshot();
        clear();
        all.forEach(p -> p.write().accept(writes));
    }

    /** The fill was abandoned: every piece lets go of what it holds and writes nothing. */
    public void discard() {
        List<Piece> all = snapshot();
        clear();
        all.forEach(p -> p.discard().run());
    }

    /** Computes and writes every piece, before the build returns (no early answer, or a failed build). */
    public void runAll() {
        compute();
        write(CheckedFile.AT_ONCE);
    }

    private synchronized boolean markComputed() {
        boolean first = !computed;
        computed = true;
        return first;
    }

    private synchronized List<Piece> snapshot() {
        return List.copyOf(pieces);
    }

    private synchronized void clear() {
        pieces.clear();
    }
}
