package org.arshif.search.analysis.internal;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The output of {@link TextNormalizer#normalize}: a growable char buffer and, optionally, per char the input
 * range it came from. One per call; never shared.
 */
public final class Normalized {
    private char[] chars;
    private int length;
    private int[] starts;
    private int[] ends;
    /** Where the output's last NFKC segment begins, and whether step 1 deleted or changed a character in it. */
    private int segmentStart;

    private boolean changedInSegment;
    /** Per output char its {@link TextNormalizer#HAMZA} and {@link TextNormalizer#TANWEEN} marks; null until a text has one. */
    private byte[] marks;

    Normalized(int capacity, boolean offsets) {
        chars = new char[Math.max(16, capacity)];
        if (offsets) {
            starts = new int[chars.length];
            ends = new int[chars.length];
        }
    }

    void emit(int nfkcCp, int start, int end) {
        int cp = TextNormalizer.map(nfkcCp);
        if (cp < 0) {
            if (length > 0 && ends != null && ends[length - 1] < end) {
                ends[length - 1] = end;
            }
            if (nfkcCp == 0x064B && length > 0) { // fathatan
                mark(length - 1, TextNormalizer.TANWEEN);
            }
            changedInSegment = true;
            return;
        }
        boolean boundary = TextNormalizer.isBoundary(cp);
        if (boundary) {
            segmentStart = length;
            changedInSegment = false;
        }
        if (nfkcCp == 0x0623 || nfkcCp == 0x0625 || nfkcCp == 0x0622) { // أ إ آ
            mark(length, TextNormalizer.HAMZA);
        }
        append(cp, start, end);
        if (!boundary && changedInSegment) {
            recompose();
        }
        changedInSegment |= cp != nfkcCp;
    }

    private void append(int cp, int start, int end) {
        if (length + 2 > chars.length) {
            grow();
        }
        if (cp < 0x10000) {
            put((char) cp, start, end);
        } else {
            put(Character.highSurrogate(cp), start, end);
            put(Character.lowSurrogate(cp), start, end);
        }
    }

    /**
     * A mark that follows a deleted character (г + tatweel + ◌́) or a changed one (İ + ◌́ → i + ◌́) meets its
     * letter only now: normalize the segment again, so that normalizing the output once more changes nothing
     * (ѓ, í).
     */
    private void recompose() {
        String segment = new String(chars, segmentStart, length - segmentStart);
        String composed = Normalizer.normalize(segment, Normalizer.Form.NFKC);
        if (composed.equals(segment)) {
            return;
        }
        int start = starts == null ? 0 : starts[segmentStart];
        int end = ends == null ? 0 : ends[length - 1];
        if (marks != null) { // the segment is written again from mapped chars: its marks are gone
            Arrays.fill(marks, Math.min(segmentStart, marks.length), Math.min(length, marks.length), (byte) 0);
        }
        length = segmentStart;
        for (int k = 0; k < composed.length(); ) {
            int c = composed.codePointAt(k);
            k += Character.charCount(c);
            int mapped = TextNormalizer.map(c);
            if (mapped >= 0) {
                append(mapped, start, end);
            }
        }
    }

    private void put(char c, int start, int end) {
        if (starts != null) {
            starts[length] = start;
            ends[length] = end;
        }
        chars[length++] = c;
    }

    private void mark(int i, int mark) {
        if (marks == null) {
            marks = new byte[Math.max(chars.length, i + 16)];
        } else if (marks.length <= i) {
            marks = Arrays.copyOf(marks, Math.max(chars.length, i + 16));
        }
        marks[i] |= (byte) mark;
    }

    /** Whether any output char has a mark. */
    public boolean hasMarks() {
        return marks != null;
    }

    /** The {@link TextNormalizer#HAMZA} and {@link TextNormalizer#TANWEEN} marks of output char {@code i}, 0 for none. */
    public int mark(int i) {
        return marks == null || i >= marks.length ? 0 : marks[i];
    }

    private void grow() {
        int cap = chars.length * 2;
        chars = Arrays.copyOf(chars, cap);
        if (starts != null) {
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
        }
    }

    /** The normalized chars; valid up to {@link #length()}. */
    public char[] chars() {
        return chars;
    }

    public int length() {
        return length;
    }

    /** Input index where output char {@code i} begins. */
    public int start(int i) {
        return starts[i];
    }

    /** Input index just after output char {@code i} (and the characters deleted after it). */
    public int end(int i) {
        return ends[i];
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
