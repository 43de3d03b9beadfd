package org.arshif.incremental;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.arshif.content.Body;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.KeptReads;
import org.arshif.search.index.KeptPostings;

/**
 * The parse cache's entries that a process running build after build (the warm build process) keeps decoded
 * between builds, so that a rebuild decodes and allocates only what changed: at 10,000 dispatches every rebuild
 * decoded the whole pack's 16,000 entries (~55 MB allocated, ~25 MB of it kept to the build's end, which the
 * collector copied from the young generation into the old one each time).
 *
 * <p>An entry is addressed as on disk, by a digest of everything its dispatch was read from ({@link ParseCache}),
 * and is only taken while the pack it was decoded from is still the one on disk and still holds its key: it is
 * used exactly when the entry on disk would be, and a pack written again (or gone, or damaged) drops them all.
 * The entries are held softly: when the heap runs short, the collector drops them, and the next build decodes.
 * One process builds one archive (its key names the archive), but a pack elsewhere is another pack all the same.
 */
public final class KeptDispatches {
    /** The pack's identity and its entries by key; replaced whole when the pack is another. */
    private SoftReference<Kept> kept = new SoftReference<>(null);
    /** The folder and global key of the last pack a build opened, for {@link #fill}; null before any. */
    private Path lastDir;

    private String lastGlobal;
    /** The same process's stored search postings, kept as its last build wrote them. */
    private final KeptPostings postings = new KeptPostings();
    /** The same process's cache files decoded between builds (the page manifest, the check memo, the files seen). */
    private final KeptReads reads = new KeptReads();

    private record Kept(String pack, Map<String, KeptEntry> entries) {}

    public KeptDispatches() {
        // nothing kept until a build reads a pack
    }

    /**
     * The entries kept from the pack of {@code identity} (see {@link ParsePack#identity}) in {@code dir}, empty at
     * first and after the pack changed; null (and nothing kept) when no pack was read.
     */
    synchronized Map<String, KeptEntry> forPack(String identity, Path dir, String global) {
        lastDir = dir;
        lastGlobal = global;
        return forPack(identity);
    }

    private Map<String, KeptEntry> forPack(String identity) {
        Kept k = kept.get();
        if (identity == null) {
            kept = new SoftReference<>(null);
            return null;
        }
        if (k == null || !k.pack().equals(identity)) {
            k = new Kept(identity, new ConcurrentHashMap<>());
            kept = new SoftReference<>(k);
        }
        return k.entries();
    }

    /**
     * Decodes every entry of the last build's pack, when none is kept from it: after a build that wrote a new pack
     * (a first build's, or one that compacted it), so that the next build need not. Run between builds, after the
     * answer: ~0.3–0.5 s of CPU at 10,000 dispatches. So are the search postings a first build named (see {@link
     * KeptPostings#readLater}): one language's, the one with the most documents; and the cache files the last build
     * read, as it left them ({@link KeptReads#fill}).
     *
     * @return how many dispatches were decoded
     */
    public synchronized int fill() {
        postings.fill();
        reads.fill();
        if (lastDir == null) {
            return 0;
        }
        ParsePack pack = new ParsePack(lastDir, lastGlobal, note -> {});
        Map<String, KeptEntry> entries = forPack(pack.identity());
        if (entries == null || !entries.isEmpty()) {
            return 0;
        }
        DispatchCodec codec = new DispatchCodec(new RecordCodec());
        for (String key : pack.packKeys()) {
            ByteBuffer slice = pack.packed(key);
            try {
                BufferInput in = new BufferInput(slice);
                List<Diagnostic> findings = Findings.read(in);
                entries.put(key, KeptEntry.of(new ParseCache.Entry(codec.read(in), findings), in, slice));
            } catch (IOException | RuntimeException e) {
                // a damaged entry is a miss to the build that meets it, as it is without this
            }
        }
        return entries.size();
    }

    /** The search postings this process keeps beside its dispatches. */
    public KeptPostings postings() {
        return postings;
    }

    /** The cache files {@code kept}'s process keeps decoded beside its dispatches; null without {@code kept}. */
    public static KeptReads reads(KeptDispatches kept) {
        return kept == null ? null : kept.reads;
    }

    /** How many entries are kept now (0 once the collector dropped them). */
    public synchronized int size() {
        Kept k = kept.get();
        return k == null ? 0 : k.entries().size();
    }

    /**
     * An entry kept decoded. A body read in place from the pack is kept as where it is in the entry, and sliced
     * again from the pack each build maps: a dispatch holding a slice would keep its build's mapping of the pack
     * for good (the idle process held +40 MB at 10,000 dispatches, a rebuild's peak +50–70 MB).
     *
     * @param htmlAt where the body's HTML starts in the entry; -1: the dispatch is kept whole, body and all
     */
    record KeptEntry(ParseCache.Entry entry, int htmlAt, int htmlLength, int plainAt, int plainLength) {
        /** {@code entry} as read by {@code in} from {@code slice}; kept whole unless its body's place is sure. */
        static KeptEntry of(ParseCache.Entry entry, BufferInput in, ByteBuffer slice) {
            if (entry.dispatch().body() instanceof Body.Cached cached && in.sliceAt(1) >= 0) {
                KeptEntry shell = new KeptEntry(
                        new ParseCache.Entry(entry.dispatch().withBody(Body.EMPTY), entry.findings()),
                        in.sliceAt(0),
                        cached.htmlUtf8().remaining(),
                        in.sliceAt(1),
                        cached.plainUtf8().remaining());
                if (shell.in(slice).dispatch().body().equals(cached)) {
                    return shell; // the entry's first two slices were its body's, as BodyCodec reads it
                }
            }
            return new KeptEntry(entry, -1, 0, -1, 0);
        }

        /** The entry, its body sliced from {@code slice} (the entry in this build's pack). */
        ParseCache.Entry in(ByteBuffer slice) {
            if (htmlAt < 0) {
                return entry;
            }
            Body body = new Body.Cached(slice.slice(htmlAt, htmlLength), slice.slice(plainAt, plainLength));
            return new ParseCache.Entry(entry.dispatch().withBody(body), entry.findings());
        }
    }
}
