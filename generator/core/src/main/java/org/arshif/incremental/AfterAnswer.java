package org.arshif.incremental;

import java.util.ArrayList;
import java.util.List;

/**
 * Cache work a first build in a process that stays (the warm build process) leaves until after it answered its
 * caller (see {@code Arshif.Builder#answerBeforeFill} and {@link CacheFill}): the parse cache's encoding and files,
 * which were ~0.8 s of a 10,000-dispatch first build before the answer. Made per build; a build that does not
 * answer early, or that fails, runs it all at once ({@link #runAll}), so that its cache is what it was before.
 *
 * <p>Each piece has a part that only computes (or appends to files opened before the answer: no new names in the
 * cache folder), run before the fill asks whether the cache is still its own, and a part that writes files, run
 * only if it is (a {@code mvn clean} at once would otherwise race new files). Pieces run in the order added.
 */
public final class AfterAnswer {
    private final List<Piece> pieces = new ArrayList<>();
    private boolean computed;

    /**
     * One piece of deferred work.
     *
     * @param compute what it computes first, writing no new file
     * @param write   its files, written only while the cache is still this build's
     * @param discard lets go of what it holds when the fill is abandoned instead
     */
    public record Piece(Runnable compute, Runnable write, Runnable discard) {}

    /** Adds a piece, run after those added before it. */
    public synchronized void add(Piece piece) {
        pieces.add(piece);
    }

    /** Adds a piece that only writes (its data made before the answer). */
    public void addWrite(Runnable write) {
        add(new Piece(() -> {}, write, () -> {}));
    }

    /** Every piece's computing part, in order, once. */
    public void compute() {
        if (markComputed()) {
            snapshot().forEach(p -> p.compute().run());
        }
    }

    /** Every piece's writes, in order; then there is nothing left to do. */
    public void write() {
        List<Piece> all = snapshot();
        clear();
        all.forEach(p -> p.write().run());
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
        write();
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
