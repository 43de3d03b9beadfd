package org.arshif.search.index.internal;

import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Writes the shard bundle {@code s.<h>.bin}: every shard file, byte for byte, one after the other in order, so
 * that its gzip members are the term shards in shard order. A query asks for its term shards in one multi-range
 * request (SEARCH-FORMAT.md §3), where one request per shard put 2–3 word queries over the 4-request budget. The
 * shard files stay, for servers that ignore Range. The bundle is made from the shard files as they are in the
 * folder (written or kept), so that a cached build that keeps them encodes nothing again; a live server's run
 * measures only the members of the files it did not have in the last run ({@link LiveParts}).
 *
 * @param reuse what the last build left, or null
 */
record ShardBundleWriter(IndexFiles files, IndexReuse reuse) {
    /** The gzip header {@link java.util.zip.GZIPOutputStream} writes (no name, no extra field) and its trailer. */
    private static final int GZIP_HEADER = 10;

    private static final int GZIP_TRAILER = 8;

    /** The bundle's hash, and the byte length of each term shard in it (VLQ, in shard order). */
    record Bundle(String hash, String sizes) {}

    Bundle write(List<String> shardHashes) {
        byte[][] shardFiles = new byte[shardHashes.size()][];
        int length = 0;
        for (int i = 0; i < shardFiles.length; i++) {
            shardFiles[i] = files.read(IndexFileKind.TERM_SHARD.named(shardHashes.get(i)));
            length = Math.addExact(length, shardFiles[i].length);
        }
        // sized at once: grown by doubling, the bundle (~1.5 MB at 10,000 documents) was copied about twice
        byte[] bytes = new byte[length];
        int at = 0;
        StringBuilder sizes = new StringBuilder(shardHashes.size() * 3 * IndexFormat.SHARD_MEMBERS);
        for (int i = 0; i < shardFiles.length; i++) {
            String name = IndexFileKind.TERM_SHARD.named(shardHashes.get(i));
            byte[] file = shardFiles[i];
            System.arraycopy(file, 0, bytes, at, file.length);
            at += file.length;
            LiveParts parts = reuse == null ? null : reuse.parts(false);
            int[] memberSizes =
                    parts == null ? memberSizes(file) : parts.sizes(name, reuse.parts(true), () -> memberSizes(file));
            for (int size : memberSizes) {
                Vlq.append(sizes, size);
            }
        }
        String hash = Blob.hash(bytes);
        for (int i = 0, from = 0; i < shardFiles.length; from += shardFiles[i++].length) {
            files.placed(
                    IndexFileKind.TERM_SHARD.named(shardHashes.get(i)),
                    IndexFileKind.SHARD_BUNDLE.named(hash),
                    from,
                    shardFiles[i].length);
        }
        files.putRaw(IndexFileKind.SHARD_BUNDLE.named(hash), bytes);
        return new Bundle(hash, sizes.toString());
    }

    /** The byte length of each gzip member of {@code file}, as the writer makes them. */
    static int[] memberSizes(byte[] file) {
        IntList out = new IntList(IndexFormat.SHARD_MEMBERS);
        Inflater inflater = new Inflater(true);
        byte[] sink = new byte[8192];
        try {
            for (int at = 0; at < file.length; ) {
                inflater.reset();
                inflater.setInput(file, at + GZIP_HEADER, file.length - at - GZIP_HEADER);
                while (!inflater.finished()) {
                    if (inflater.inflate(sink) == 0 && inflater.needsInput()) {
                        throw new IllegalStateException("a shard file ends inside a gzip member");
                    }
                }
                int size = GZIP_HEADER + (file.length - at - GZIP_HEADER - inflater.getRemaining()) + GZIP_TRAILER;
                out.add(size);
                at += size;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a shard file is not gzip members: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        int[] sizes = new int[out.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = out.get(i);
        }
        return sizes;
    }
}
