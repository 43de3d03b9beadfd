package org.arshif.content.wire;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Optional;
import org.arshif.config.AgencyProfile;

/** An agency profile compiled: finds its dateline, end markers, category and continuation. Immutable. */
public final class WireForm {
    private static final int DETECTION_LINES = 8;
    /** Characters of a paragraph's first line a dateline may take. */
    static final int MAX_DATELINE = 160;

    private final String name;
    private final List<Pattern> datelines;
    private final List<Pattern> ends;
    private final List<Pattern> categories;
    private final List<Pattern> continuations;

    public WireForm(AgencyProfile profile) {
        this.name = profile.name();
        this.datelines = compile(profile.datelines());
        this.ends = compile(profile.ends());
        this.categories = compile(profile.categories());
        this.continuations = compile(profile.continuations());
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(Pattern::compile).toList();
    }

    public String name() {
        return name;
    }

    /**
     * The dateline at the start of {@code paragraph}, if one of the profile's patterns matches there. Only the
     * start of its first line is matched: a dateline is short, and RE2/J's cost grows with the text it is given.
     */
    public Optional<Dateline> dateline(String paragraph) {
        int newline = paragraph.indexOf('\n');
        String head = paragraph.substring(0, Math.min(newline < 0 ? paragraph.length() : newline, MAX_DATELINE));
        // a dispatch of only its dateline ("GENEVA, May 4, 2017 (AP) —"): the space a dateline ends with is not there
        String probe = head.length() == paragraph.length() && head.matches("(?s).*[-–—]") ? head + " " : head;
        for (Pattern p : datelines) {
            Matcher m = p.matcher(probe);
            if (m.lookingAt()) {
                int end = Math.min(m.end(), head.length());
                return Optional.of(
                        new Dateline(name, group(m, "city"), group(m, "agency"), parts(m, "g"), parts(m, "h"), end));
            }
        }
        return Optional.empty();
    }

    private static Dateline.DateParts parts(Matcher m, String prefix) {
        Dateline.DateParts parts =
                new Dateline.DateParts(group(m, prefix + "day"), group(m, prefix + "month"), group(m, prefix + "year"));
        return parts.isPresent() ? parts : Dateline.DateParts.NONE;
    }

    /**
     * The named group, stripped; empty when it did not take part or the pattern has no such group (asked first: a
     * missing group's exception, filling in its stack trace, was 6 of every dispatch's datelines' lookups).
     */
    private static String group(Matcher m, String name) {
        if (!m.pattern().namedGroups().containsKey(name)) {
            return "";
        }
        String g = m.group(name);
        return g == null ? "" : g.strip();
    }

    /** Whether {@code line} (stripped) is an end marker or trailing line: it and all after it are cut. */
    public boolean isEnd(String line) {
        for (Pattern p : ends) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** The title without its category prefix and continuation marker. */
    public TitleParts title(String title) {
        // The marker first: it ends the title, and a prefix pattern must not take the words before it.
        String rest = title;
        int part = TitleParts.NONE;
        for (Pattern p : continuations) {
            Matcher m = p.matcher(rest);
            if (m.find() && m.start() > 0) {
                part = Continuations.number(group(m, "part"));
                rest = rest.substring(0, m.start()).strip();
                break;
            }
        }
        String category = "";
        for (Pattern p : categories) {
            Matcher m = p.matcher(rest);
            if (m.lookingAt() && m.end() < rest.length()) {
                category = group(m, "category");
                rest = rest.substring(m.end()).strip();
                break;
            }
        }
        return new TitleParts(rest, category, part);
    }

    /** Whether one of the lines after the title starts with this form's dateline. */
    public boolean hasDateline(String[] lines) {
        int seen = 0;
        for (int i = 0; i < lines.length && seen <= DETECTION_LINES; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                if (seen > 0 && dateline(line).isPresent()) {
                    return true;
                }
                seen++;
            }
        }
        return false;
    }

    /**
     * Whether one of the last lines is this form's end marker (where wires put them; looking only there keeps
     * detection cheap on long dispatches).
     */
    public boolean hasEnd(String[] lines) {
        int seen = 0;
        for (int i = lines.length - 1; i >= 0 && seen < DETECTION_LINES; i--) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                if (isEnd(line)) {
                    return true;
                }
                seen++;
            }
        }
        return false;
    }
}
