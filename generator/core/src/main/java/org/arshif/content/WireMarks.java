package org.arshif.content;

import java.util.regex.Pattern;

/**
 * The marks wires put around a story, whatever the agency. A header line above the headline: a priority alone
 * ({@code FLASH}, {@code URGENT}, {@code عاجل}, {@code هام}) or an AP-style slug line ({@code BC-ML--Syria-Talks,0245});
 * it is not the title, so the line after it is. And the end markers after the story: {@code (ends)}, {@code -ends-}, {@code (END)},
 * {@code Enditem}, {@code NNNN}, {@code ###}, {@code -30-}, {@code (انتهى)}, {@code -انتهى-}, {@code /انتهى/ س ص}, {@code (النهاية) ع ف ع} (an Arabic marker may carry the desk's initials).
 * A profile's own {@code ends} patterns cut wherever they stand; these, which a sentence could hold, only close a
 * dispatch: the line is one of them and at most a few short lines (a desk's initials, a time) follow it.
 */
final class WireMarks {
    private static final Pattern MARKER = Pattern.compile(
            "[-–—(/ ]*(?:(?:(?i:ends?|end ?item)|NNNN|#{3,}|-30-)[-–—)/ .]*"
                    + "|(?:إ?[اأ]نتهى|النهاية)[-–—)/ .]*(?:[\\p{L}.][\\p{L} .]{0,11})?)",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HEADER = Pattern.compile(
            "[-–—*(/! ]*(?:(?i:flash|urgent|bulletin|alert|priority|breaking(?: news)?)|(?:خبر )?عاجل(?: جدا| جداً)?"
                    + "|هام(?: جدا| جداً)?|(?:BC|AM|PM)-[\\w-]+(?:,\\d{2,5})?|[A-Z]{2}-[\\w-]+,\\d{2,5})[-–—*)/!:. ]*",
            Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * A wire's embargo line: {@code EMBARGOED UNTIL 0001 GMT MAY 5 2017}, {@code Embargo: 10:00 GMT}, {@code HOLD FOR
     * RELEASE}, {@code Not for publication before …}, {@code يحظر النشر قبل …}, {@code حظر النشر حتى …}. The word
     * embargo alone is not enough: a subtitle such as {@code Embargo on Iran extended} is text.
     */
    private static final Pattern EMBARGO = Pattern.compile(
            "[-–—*(/! ]*(?:(?i:embargo(?:ed)?\\b *(?:[:\\-–—(]|until\\b|till\\b|to\\b|before\\b|for\\b|\\d)|hold for release|not for (?:publication|release|broadcast)"
                    + "(?: or broadcast)? (?:before|until)|for release (?:at|on|after)\\b)"
                    + "|(?:يحظر|حظر|ممنوع|محظور|يمنع) (?:ال)?نشر|لا ي?نشر قبل).{0,100}",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** A take's last line when the story goes on in the next: {@code --more--}, {@code (MORE)}, {@code -يتبع-}. */
    private static final Pattern MORE =
            Pattern.compile("[-–—(/ ]*(?:(?i:more)|يتبع)[-–—)/ .]*", Pattern.UNICODE_CHARACTER_CLASS);

    /** What may follow a closing marker: an editor's initials, a time, a code; a line of text is longer. */
    private static final int SHORT = 40;

    private static final int TRAILING = 3;

    private WireMarks() {}

    /** Whether {@code line} (stripped) is a header line above the headline, not the headline itself. */
    static boolean isHeader(String line) {
        return HEADER.matcher(line).matches();
    }

    /** Whether {@code line} (stripped) is an embargo line, which is not text. */
    static boolean isEmbargo(String line) {
        return EMBARGO.matcher(line).matches();
    }

    /** Whether {@code line} (stripped) says that the story goes on in another take. */
    static boolean isMore(String line) {
        return MORE.matcher(line).matches();
    }

    /** Whether line {@code i} (stripped) is an end marker (or a take's {@code --more--}) that closes the dispatch. */
    static boolean closes(String[] lines, int i) {
        String marker = lines[i].strip();
        if (!MARKER.matcher(marker).matches() && !MORE.matcher(marker).matches()) {
            return false;
        }
        int trailing = 0;
        for (int j = i + 1; j < lines.length; j++) {
            String line = lines[j].strip();
            if (!line.isEmpty() && (line.length() > SHORT || ++trailing > TRAILING)) {
                return false;
            }
        }
        return true;
    }
}
