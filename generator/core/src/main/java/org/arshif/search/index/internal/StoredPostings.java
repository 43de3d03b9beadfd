package org.arshif.search.index.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.Fingerprint.Hash128;

/**
 * One language's postings as a cached build left them (per document id the key of its text, the field lengths,
 * every key with its postings), so that the next build patches them by the documents whose text changed ({@link
 * PostingsPatch}) instead of inverting every document's analysis again: at 10,000 dispatches that inversion was
 * a third of a one-edit build's search index. Keys are stored as text, so that any run's key ids can take them.
 * The postings are a function of the text keys alone, so an old file is never wrong, only more to patch.
 *
 * <p>The file holds ints as they are (big-endian), read and written in bulk: decoding varints per posting would
 * cost what the inversion costs.
 */
public final class StoredPostings {
    private static final int FORMAT = 2; // 2: the cards stored too
    /** Ints read or written at a time. */
    private static final int CHUNK = 1 << 14;

    /**
     * Per document id, the key of what its text is made of (null: none) and its lead; stored so that the next build
     * need not read an unchanged document's text (to hash it, and find its lead) to learn that it did not change.
     */
    record Texts(String[] keys, String[] leads) {}

    private final Hash128 context;
    private final Hash128[] textKeys;
    private final int[] titleLengths;
    private final int[] bodyLengths;
    private final String[] terms;
    private final Postings[] postings;
    private final Map<Object, Documents.Prepared> texts;
    private final StoredCards cards;

    private StoredPostings(
            Hash128 context,
            Hash128[] textKeys,
            int[] titleLengths,
            int[] bodyLengths,
            String[] terms,
            Postings[] postings,
            Map<Object, Documents.Prepared> texts,
            StoredCards cards) {
        this.texts = texts;
        this.cards = cards;
        this.context = context;
        this.textKeys = textKeys;
        this.titleLengths = titleLengths;
        this.bodyLengths = bodyLengths;
        this.terms = terms;
        this.postings = postings;
    }

    /** What postings are stored under: the language and the settings ({@link IndexSettings#addTo}). */
    static Hash128 context(String lang, IndexSettings s) {
        return s.addTo(new Fingerprint().number(FORMAT).text(lang)).finish();
    }

    /** These postings with {@code ids}' key ids, when they were stored for {@code lang} and {@code settings}. */
    PatchBase base(String lang, IndexSettings settings, TermIds ids) {
        if (!context.equals(context(lang, settings))) {
            return null;
        }
        int[] idOf = new int[terms.length];
        for (int i = 0; i < terms.length; i++) {
            idOf[i] = ids.id(terms[i]);
        }
        Postings[] byId = new Postings[ids.size()];
        for (int i = 0; i < terms.length; i++) {
            byId[idOf[i]] = postings[i];
        }
        return new PatchBase(
                textKeys,
                new InvertedIndex.ById(byId, titleLengths, bodyLengths),
                new InvertedIndex.Dictionary(terms, postings),
                ids);
    }

    /** The cards stored, when this JVM's deflater is the one that made them; else null. */
    StoredCards cards() {
        return cards;
    }

    /** Each stored document's lead and text key (its document not stored), by its key. */
    Map<Object, Documents.Prepared> texts() {
        return texts;
    }

    /**
     * Writes {@code base}, made for {@code lang} and {@code settings}, {@code texts} and {@code cards} (either may be
     * null) to {@code file}, tied to {@code version}.
     */
    static void write(
            Path file,
            String version,
            String lang,
            IndexSettings settings,
            PatchBase base,
            Texts texts,
            StoredCards cards)
            throws IOException {
        CheckedFile.write(file, out -> {
            out.writeUTF(version);
            out.writeInt(FORMAT);
            Hash128 c = context(lang, settings);
            out.writeLong(c.high());
            out.writeLong(c.low());
            int n = base.textKeys().length;
            out.writeInt(n);
            for (Hash128 k : base.textKeys()) {
                out.writeLong(k.high());
                out.writeLong(k.low());
            }
            byte[] scratch = new byte[CHUNK * Integer.BYTES];
            writeInts(out, base.inverted().titleLengths(), n, scratch);
            writeInts(out, base.inverted().bodyLengths(), n, scratch);
            String[] keys = base.dictionary().terms();
            Postings[] lists = base.dictionary().postings();
            int t = keys.length;
            out.writeInt(t);
            byte[][] encoded = new byte[t][];
            int[] sizes = new int[t];
            for (int i = 0; i < t; i++) {
                encoded[i] = keys[i].getBytes(StandardCharsets.UTF_8);
                sizes[i] = encoded[i].length;
            }
            writeInts(out, sizes, t, scratch);
            for (byte[] b : encoded) {
                out.write(b);
            }
            for (int i = 0; i < t; i++) {
                sizes[i] = lists[i].docTf().size();
            }
            writeInts(out, sizes, t, scratch);
            for (int i = 0; i < t; i++) {
                sizes[i] = lists[i].positions.size();
            }
            writeInts(out, sizes, t, scratch);
            for (Postings p : lists) {
                writeInts(out, p.docTf().array(), p.docTf().size(), scratch);
            }
            for (Postings p : lists) {
                writeInts(out, p.positions.array(), p.positions.size(), scratch);
            }
            boolean withTexts = texts != null && texts.keys().length == n;
            writeTexts(out, withTexts ? texts.keys() : new String[0], scratch);
            writeTexts(out, withTexts ? texts.leads() : new String[0], scratch);
            writeCards(out, cards, scratch);
        });
    }

    /**
     * Reads what {@link #write} wrote; null when it was written by another {@code version} or format. A damaged
     * file throws, before anything it holds is used.
     */
    public static StoredPostings read(Path file, String version) throws IOException {
        return read(file, version, StoredCards.deflaterKey());
    }

    /** {@link #read(Path, String)}, the cards used only when {@code deflater} made them. */
    static StoredPostings read(Path file, String version, Hash128 deflater) throws IOException {
        try (CheckedFile.Input in = CheckedFile.open(file)) {
            if (!in.readUTF().equals(version) || in.readInt() != FORMAT) {
                return null;
            }
            Hash128 context = new Hash128(in.readLong(), in.readLong());
            int n = count(in, in.readInt(), 16);
            Hash128[] textKeys = new Hash128[n];
            for (int d = 0; d < n; d++) {
                textKeys[d] = new Hash128(in.readLong(), in.readLong());
            }
            byte[] scratch = new byte[CHUNK * Integer.BYTES];
            int[] titleLengths = readInts(in, count(in, n, 4), scratch);
            int[] bodyLengths = readInts(in, count(in, n, 4), scratch);
            int t = count(in, in.readInt(), 12);
            int[] sizes = readInts(in, t, scratch);
            String[] terms = new String[t];
            for (int i = 0; i < t; i++) {
                byte[] b = new byte[count(in, sizes[i], 1)];
                in.readFully(b);
                terms[i] = new String(b, StandardCharsets.UTF_8);
            }
            int[] docTfSizes = readInts(in, t, scratch);
            int[] positionSizes = readInts(in, t, scratch);
            int[][] docTf = new int[t][];
            for (int i = 0; i < t; i++) {
                docTf[i] = readInts(in, count(in, docTfSizes[i], 4), scratch);
            }
            Postings[] postings = new Postings[t];
            for (int i = 0; i < t; i++) {
                int[] positions = readInts(in, count(in, positionSizes[i], 4), scratch);
                postings[i] =
                        new Postings(new IntList(docTf[i], docTf[i].length), new IntList(positions, positions.length));
            }
            String[] keys = readTexts(in, scratch);
            String[] leads = readTexts(in, scratch);
            StoredCards cards = readCards(in, scratch, deflater);
            in.verify();
            Map<Object, Documents.Prepared> texts = new HashMap<>(keys.length * 2);
            for (int d = 0; d < keys.length && keys.length == n && leads.length == n; d++) {
                if (keys[d] != null && leads[d] != null) {
                    texts.putIfAbsent(keys[d], new Documents.Prepared(null, leads[d], textKeys[d]));
                }
            }
            return new StoredPostings(context, textKeys, titleLengths, bodyLengths, terms, postings, texts, cards);
        }
    }

    /**
     * What {@link #read} gives of what {@link #write} wrote of the same arguments, without the file (for a process
     * that keeps them: see {@code KeptPostings}); null when the file would not be used.
     */
    static StoredPostings of(String lang, IndexSettings settings, PatchBase base, Texts texts, StoredCards cards) {
        int n = base.textKeys().length;
        boolean withTexts = texts != null && texts.keys().length == n && texts.leads().length == n;
        Map<Object, Documents.Prepared> prepared = new HashMap<>(withTexts ? n * 2 : 0);
        for (int d = 0; withTexts && d < n; d++) {
            if (texts.keys()[d] != null && texts.leads()[d] != null) {
                prepared.putIfAbsent(
                        texts.keys()[d], new Documents.Prepared(null, texts.leads()[d], base.textKeys()[d]));
            }
        }
        // The lists as made, not copied: a patch copies the lists it changes and leaves the others as they are.
        return new StoredPostings(
                context(lang, settings),
                base.textKeys().clone(),
                Arrays.copyOf(base.inverted().titleLengths(), n),
                Arrays.copyOf(base.inverted().bodyLengths(), n),
                base.dictionary().terms(),
                base.dictionary().postings(),
                prepared,
                cards == null || cards.keys().length == 0 ? null : cards);
    }

    /** {@code count} items of {@code bytes} each, if the file can hold them (a damaged count asks for no memory). */
    private static int count(CheckedFile.Input in, int count, int bytes) throws IOException {
        if (count < 0 || (long) count * bytes > in.remaining() + (1 << 16)) {
            throw new IOException("a count of " + count + " past the file's end");
        }
        return count;
    }

    /** The cards (none: a count of 0): the deflater's key, then each card's key, its no-lead size, length and bytes. */
    private static void writeCards(DataOutputStream out, StoredCards cards, byte[] scratch) throws IOException {
        int count = cards == null ? 0 : cards.keys().length;
        out.writeInt(count);
        if (count == 0) {
            return;
        }
        Hash128 deflater = StoredCards.deflaterKey();
        out.writeLong(deflater.high());
        out.writeLong(deflater.low());
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            out.writeLong(cards.keys()[i].high());
            out.writeLong(cards.keys()[i].low());
            sizes[i] = cards.packed()[i].length;
        }
        writeInts(out, cards.noLead(), count, scratch);
        writeInts(out, sizes, count, scratch);
        for (byte[] b : cards.packed()) {
            out.write(b);
        }
    }

    /** What {@link #writeCards} wrote; null when there were none, or another deflater than {@code now} made them. */
    private static StoredCards readCards(CheckedFile.Input in, byte[] scratch, Hash128 now) throws IOException {
        int count = count(in, in.readInt(), 24);
        if (count == 0) {
            return null;
        }
        Hash128 deflater = new Hash128(in.readLong(), in.readLong());
        Hash128[] keys = new Hash128[count];
        for (int i = 0; i < count; i++) {
            keys[i] = new Hash128(in.readLong(), in.readLong());
        }
        int[] noLead = readInts(in, count, scratch);
        int[] sizes = readInts(in, count, scratch);
        byte[][] packed = new byte[count][];
        for (int i = 0; i < count; i++) {
            packed[i] = new byte[count(in, sizes[i], 1)];
            in.readFully(packed[i]);
        }
        return deflater.equals(now) ? new StoredCards(keys, packed, noLead) : null;
    }

    /** Texts (null ones too): their UTF-8 lengths (-1: null), then their bytes. */
    private static void writeTexts(DataOutputStream out, String[] texts, byte[] scratch) throws IOException {
        byte[][] encoded = new byte[texts.length][];
        int[] sizes = new int[texts.length];
        for (int i = 0; i < texts.length; i++) {
            encoded[i] = texts[i] == null ? null : texts[i].getBytes(StandardCharsets.UTF_8);
            sizes[i] = texts[i] == null ? -1 : encoded[i].length;
        }
        out.writeInt(texts.length);
        writeInts(out, sizes, sizes.length, scratch);
        for (byte[] b : encoded) {
            if (b != null) {
                out.write(b);
            }
        }
    }

    private static String[] readTexts(CheckedFile.Input in, byte[] scratch) throws IOException {
        int count = count(in, in.readInt(), 4);
        int[] sizes = readInts(in, count, scratch);
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            if (sizes[i] >= 0) {
                byte[] b = new byte[count(in, sizes[i], 1)];
                in.readFully(b);
                texts[i] = new String(b, StandardCharsets.UTF_8);
            }
        }
        return texts;
    }

    private static void writeInts(DataOutputStream out, int[] values, int count, byte[] scratch) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(scratch);
        for (int from = 0; from < count; from += CHUNK) {
            int k = Math.min(CHUNK, count - from);
            bytes.clear();
            bytes.asIntBuffer().put(values, from, k);
            out.write(scratch, 0, k * Integer.BYTES);
        }
    }

    private static int[] readInts(CheckedFile.Input in, int count, byte[] scratch) throws IOException {
        int[] values = new int[count];
        ByteBuffer bytes = ByteBuffer.wrap(scratch);
        for (int from = 0; from < count; from += CHUNK) {
            int k = Math.min(CHUNK, count - from);
            in.readFully(scratch, 0, k * Integer.BYTES);
            bytes.clear();
            bytes.asIntBuffer().get(values, from, k);
        }
        return values;
    }
}
