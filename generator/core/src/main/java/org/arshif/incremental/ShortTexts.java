package org.arshif.incremental;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Short texts read in place from cache entries, each equal one shared: the names of front-matter keys, languages,
 * tags, sources and datelines repeat in every entry, and as 400,000 separate strings at 10,000 dispatches they were a
 * third of what the load kept alive, copied again by every young collection. A fixed table of slots by the bytes'
 * hash; a text whose slot holds another replaces it, so unique texts cost a slot each, never more memory.
 */
final class ShortTexts {
    /** Longer texts (titles, summaries, paths) are seldom repeated: not looked up. */
    static final int MAX_BYTES = 32;

    private static final int SLOTS = 1 << 12;

    /** A text and its UTF-8 bytes; final fields, so a slot read by another thread is whole or absent. */
    private record Known(byte[] utf8, String text) {}

    private final Known[] slots = new Known[SLOTS];

    /** The next {@code length} bytes of {@code in} as text: an equal one met before when its slot still holds it. */
    String read(BufferInput in, int length) throws IOException {
        int hash = in.hashOfNext(length);
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        Known known = slots[slot];
        if (known != null && in.next(known.utf8(), length)) {
            in.skipBytes(length);
            return known.text();
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        String text = new String(utf8, StandardCharsets.UTF_8);
        slots[slot] = new Known(utf8, text);
        return text;
    }
}
