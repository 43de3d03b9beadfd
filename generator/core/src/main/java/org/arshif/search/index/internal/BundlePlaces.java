package org.arshif.search.index.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each shard and tail file of an index without card chunks (a compact site) is inside its bundle: such files
 * are published only in their bundles, so a cached build that keeps one takes its bytes back out of the last
 * site's bundle (see {@link IndexFiles}), where it had to encode every one again (+0.5 s of search CPU for one
 * edit at 10,000 dispatches). Part of the index memo ({@link IndexReuse}).
 *
 * @param byName by file name ({@code t.<h>.bin}, {@code l.<h>.bin}), its place
 */
record BundlePlaces(Map<String, Place> byName) {
    static final BundlePlaces NONE = new BundlePlaces(Map.of());

    /** A file's bytes are {@code length} bytes from {@code from} of the bundle file {@code bundle}. */
    record Place(String bundle, int from, int length) {}

    /** Where file {@code name} is, or null. */
    Place of(String name) {
        return byName.get(name);
    }

    void writeTo(DataOutputStream out) throws IOException {
        TreeMap<String, Place> sorted = new TreeMap<>(byName);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Place> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue().bundle());
            out.writeInt(e.getValue().from());
            out.writeInt(e.getValue().length());
        }
    }

    static BundlePlaces read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a count of bundled files past the memo's end");
        }
        Map<String, Place> byName = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            Place place = new Place(in.readUTF(), in.readInt(), in.readInt());
            if (place.from() < 0 || place.length() < 0) {
                throw new IOException("a bundled file's place is negative");
            }
            byName.put(name, place);
        }
        return new BundlePlaces(byName);
    }
}
