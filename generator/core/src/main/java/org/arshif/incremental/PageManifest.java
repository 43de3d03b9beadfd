package org.arshif.incremental;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.KeptReads;

/**
 * The page cache's manifest as a file ({@code pages.bin}): each page of the committed site with its fingerprint
 * and its file's stats, and the dispatches' shapes of the build that wrote it.
 *
 * @param pages      what the cache knows about each output file, by path from the output
 * @param shapes     the dispatches' shapes; null when the build left none
 * @param shapesBase the global inputs' fingerprint the shapes were made with
 */
record PageManifest(Map<String, PageManifest.Entry> pages, DispatchShapes shapes, String shapesBase) {
    /**
     * 3: the dispatches' shapes after the pages (see {@link DispatchShapes}); texts after the header as {@link
     * LongText} ({@code writeUTF} walked each Arabic path char by char, half of an edit build's commit).
     */
    static final int FORMAT = 3;

    static final PageManifest NONE = new PageManifest(Map.of(), null, "");

    /** What the cache knows about one output file. */
    record Entry(String hash, long size, long modified, String fileKey) {}

    /** The manifest at {@code file}; {@link #NONE}, with one line to {@code log}, when it is damaged. */
    static PageManifest read(Path file, String global, Consumer<String> log, KeptReads reads) {
        try {
            return KeptReads.open(reads, file, global, PageManifest.class, NONE, b -> decode(b, global));
        } catch (IOException | RuntimeException e) { // damaged, cut short or not ours: every page is rendered
            log.accept("Incremental build: discarded the page cache " + file + ", since " + CheckedFile.why(e)
                    + "; every page is rendered");
            return NONE;
        }
    }

    /** Writes a manifest of {@code pages} (sorted) and their {@code entries}, index by index. */
    static void write(
            Path file,
            String global,
            List<String> pages,
            Entry[] entries,
            DispatchShapes shapes,
            String shapesBase,
            CheckedFile.Writes writes)
            throws IOException {
        writes.write(file, data -> {
            data.writeInt(FORMAT);
            data.writeUTF(global);
            data.writeInt(entries.length);
            for (int i = 0; i < entries.length; i++) {
                LongText.write(data, pages.get(i));
                LongText.write(data, entries[i].hash());
                data.writeLong(entries[i].size());
                data.writeLong(entries[i].modified());
                LongText.write(data, entries[i].fileKey());
            }
            data.writeBoolean(shapes != null);
            if (shapes != null) {
                LongText.write(data, shapesBase);
                shapes.write(data);
            }
        });
    }

    /** The manifest in {@code content}, or {@link #NONE} when it is another build's (another global). */
    private static PageManifest decode(byte[] content, String global) throws IOException {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(content))) {
            if (data.readInt() != FORMAT || !data.readUTF().equals(global)) {
                return NONE; // another output, other templates or another version: not this site's pages
            }
            int n = data.readInt();
            Map<String, Entry> out = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String file = LongText.read(data);
                Entry e = new Entry(LongText.read(data), data.readLong(), data.readLong(), LongText.read(data));
                if (!e.hash().isEmpty()) {
                    out.put(file, e);
                }
            }
            boolean hasShapes = data.readBoolean();
            String base = hasShapes ? LongText.read(data) : "";
            DispatchShapes shapes = hasShapes ? DispatchShapes.read(data) : null;
            if (data.available() != 0) {
                throw new IOException("a page manifest with bytes after its end");
            }
            return new PageManifest(out, shapes, base);
        }
    }
}
