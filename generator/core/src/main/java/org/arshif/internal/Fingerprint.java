package org.arshif.internal;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.HexFormat;

/**
 * What the caches decide staleness by: the 128-bit XXH3 hash (hash4j's, which follows the reference xxHash) of
 * a sequence of values. Every value is written with its length, so two different sequences of the same kinds
 * never give the same bytes; callers that mix kinds write a {@link #tag} first. Not cryptographic: it tells
 * edits apart, it does not resist forgery. Not thread-safe: one instance per fingerprint.
 *
 * <p>Not SHA-256: the build's JVM runs the C1 compiler only (see README, JVM options), where the JDK has no
 * SHA-256 intrinsic; hashing every body of a 4,000-dispatch archive took several times longer with it.
 *
 * <pre>{@code
 * Fingerprint.Hash128 key = new Fingerprint().text(lang).text(title).text(body).finish();
 * }</pre>
 */
public final class Fingerprint {
    private static final int SHORT_TEXT = 16;
    private static final int CHUNK = 4096;

    private final HashStream128 stream = Hashing.xxh3_128().hashStream();
    // Reused by text() for the strings it copies out; one per instance, as the instance is one thread's.
    private char[] chunk;

    /** A 128-bit fingerprint. Compares as unsigned. */
    public record Hash128(long high, long low) implements Comparable<Hash128> {
        /** 32 lower-case hex digits. */
        public String hex() {
            return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
        }

        @Override
        public int compareTo(Hash128 o) {
            int c = Long.compareUnsigned(high, o.high);
            return c != 0 ? c : Long.compareUnsigned(low, o.low);
        }
    }

    /** One byte that says what kind of value follows. */
    public Fingerprint tag(int kind) {
        stream.putByte((byte) kind);
        return this;
    }

    public Fingerprint number(long v) {
        stream.putLong(v);
        return this;
    }

    /** Text as its length and UTF-16 code units (lone surrogates included: no two strings share bytes). */
    public Fingerprint text(CharSequence s) {
        stream.putInt(s.length());
        if (s instanceof String string && string.length() > SHORT_TEXT) {
            // The same bytes as putChars, but copied out in bulk: putChars reads a CharSequence one charAt at a
            // time (an interface call C1 does not inline), which made hashing 16,000 bodies for the search's
            // analysis cache and 27,000 pages' inputs about three times slower.
            char[] chunk = chunk(Math.min(string.length(), CHUNK));
            for (int from = 0; from < string.length(); from += chunk.length) {
                int to = Math.min(string.length(), from + chunk.length);
                string.getChars(from, to, chunk, 0);
                stream.putChars(chunk, 0, to - from);
            }
        } else {
            stream.putChars(s);
        }
        return this;
    }

    private char[] chunk(int length) {
        if (chunk == null || chunk.length < length) {
            chunk = new char[length];
        }
        return chunk;
    }

    /** Bytes as their length and themselves. */
    public Fingerprint bytes(byte[] b) {
        stream.putInt(b.length);
        stream.putBytes(b);
        return this;
    }

    /** The fingerprint of everything written so far. */
    public Hash128 finish() {
        HashValue128 v = stream.get();
        return new Hash128(v.getMostSignificantBits(), v.getLeastSignificantBits());
    }
}
