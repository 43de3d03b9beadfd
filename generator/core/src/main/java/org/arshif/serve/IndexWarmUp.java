package org.arshif.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.AnalysisCache;
import org.arshif.search.index.IndexMemo;
import org.arshif.search.index.SearchIndexWriter;

/**
 * An edit's index write run once on a copy, right after a live server's first index, so that its first real edit
 * does not pay for the code that only an edit runs: the postings patched rather than inverted, the documents and
 * cards compared with the last write's, the touched term shards encoded among kept ones. Each runs interpreted until
 * it is compiled (a loop over every document is compiled only after tens of thousands of turns), which made the
 * first edit's index cost more CPU than the later ones' (a mean 244 against 172 ms, bench/RESULTS.md, w15-serve9).
 *
 * <p>The copy is the last write's documents with the last one given the first word of its title again at the end of
 * its body (a word it already has, as a short edit), written with a second successor of the last write's memo, into
 * a scratch folder, and the files it makes are dropped: the memo the next write uses, the files kept and the live
 * index are left as they were. Only the analyses gain the copy's text, an entry no other document's text asks for.
 */
final class IndexWarmUp {
    private IndexWarmUp() {}

    /**
     * What a language's last write was made of, for the warm-up to repeat.
     *
     * @param memo the memo that write used (not its successor, which the next write uses)
     */
    record Written(SearchIndexWriter writer, List<SearchDocument> docs, List<?> docKeys, IndexMemo memo) {}

    /**
     * Writes the edited copy of {@code written}'s documents into {@code dir}, reading the kept {@code files} and
     * dropping what it makes; returns how many files it encoded if the postings were patched (the path an edit takes), else -1. Stops with a
     * {@link CancellationException} at the next file it asks about once {@code stop} is true (an edit is waiting).
     */
    static int run(
            Written written,
            String lang,
            AnalysisCache analyses,
            Map<String, byte[]> files,
            Path dir,
            BooleanSupplier stop)
            throws IOException {
        List<SearchDocument> docs = written.docs();
        if (docs.isEmpty() || written.docKeys() == null) {
            return -1;
        }
        int last = docs.size() - 1;
        SearchDocument d = docs.get(last);
        // one word it already has, the first of its title: few files touched, as a short edit
        String word = d.title().strip().split("\\s+", 2)[0];
        SearchDocument edited = new SearchDocument(
                d.url(), d.title(), d.date(), d.dateLabel(), d.tags(), d.body() + "\n\n" + word + "\n", d.lang());
        IndexMemo memo = written.memo().next();
        written.writer()
                .write(
                        dir,
                        lang,
                        replaced(docs, last, edited),
                        replaced(written.docKeys(), last, new Object()),
                        analyses,
                        dropping(files, stop),
                        memo);
        return memo.patched() ? memo.encoded() : -1;
    }

    /** {@code list} with item {@code at} replaced: a view, so that no other item is asked for. */
    private static <T> List<T> replaced(List<? extends T> list, int at, T item) {
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                return index == at ? item : list.get(index);
            }

            @Override
            public int size() {
                return list.size();
            }
        };
    }

    /** The kept files, read from memory; the files made are dropped, and nothing is written to the folder. */
    private static SearchIndexWriter.Existing dropping(Map<String, byte[]> files, BooleanSupplier stop) {
        return new SearchIndexWriter.Existing() {
            @Override
            public long keep(String name) {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("an edit is waiting");
                }
                byte[] bytes = files.get(name);
                return bytes == null ? -1 : bytes.length;
            }

            @Override
            public byte[] bytes(String name) {
                return files.get(name);
            }

            @Override
            public boolean take(String name, byte[] bytes) {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("an edit is waiting");
                }
                return true;
            }
        };
    }
}
