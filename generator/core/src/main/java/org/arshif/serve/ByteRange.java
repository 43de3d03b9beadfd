package org.arshif.serve;

import java.util.Optional;

/**
 * One range of an HTTP {@code Range} header ({@code bytes=0-99}, {@code bytes=100-}, {@code bytes=-100}) resolved
 * against a file's length: what the search client asks for to read only the results it shows.
 *
 * @param start the first byte
 * @param end   the last byte, inclusive
 */
record ByteRange(long start, long end) {
    /** What a {@code Range} header asks of a file. */
    sealed interface Request {}

    /** No header, several ranges or a header not understood: the whole file is sent, as RFC 9110 allows. */
    record Whole() implements Request {}

    /** No byte of the file is in the range: 416. */
    record Unsatisfiable() implements Request {}

    /** A satisfiable single range: 206. */
    record Part(ByteRange range) implements Request {}

    long length() {
        return end - start + 1;
    }

    String contentRange(long size) {
        return "bytes " + start + "-" + end + "/" + size;
    }

    static Request parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return new Whole();
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String firstText = spec.substring(0, dash).trim();
        String lastText = spec.substring(dash + 1).trim();
        if (!numberOrNothing(firstText) || !numberOrNothing(lastText)) {
            return new Whole(); // not a range this can read (a number past 18 digits too): ignored, as RFC 9110 allows
        }
        Optional<Long> first = number(firstText);
        Optional<Long> last = number(lastText);
        if (first.isEmpty() && last.isEmpty()) {
            return new Whole();
        }
        if (first.isEmpty()) { // the last n bytes
            long n = last.get();
            return n == 0 || size == 0 ? new Unsatisfiable() : new Part(new ByteRange(Math.max(0, size - n), size - 1));
        }
        long start = first.get();
        if (last.isPresent() && last.get() < start) {
            return new Whole(); // invalid: ignored
        }
        if (start >= size) {
            return new Unsatisfiable();
        }
        long end = last.map(l -> Math.min(l, size - 1)).orElse(size - 1);
        return new Part(new ByteRange(start, end));
    }

    /** Whether a side of the range is empty or a number that fits a long (a 19-digit one may not). */
    private static boolean numberOrNothing(String t) {
        return t.length() <= 18 && t.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Optional<Long> number(String t) {
        return t.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(t));
    }
}
