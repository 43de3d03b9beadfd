package org.arshif.content;

import java.util.List;
import java.util.Optional;
import org.arshif.config.ArabicMonths;
import org.arshif.content.wire.TitleParts;
import org.arshif.internal.yaml.YFields;

/**
 * What a wire's profile found in a dispatch, and how its dates are written.
 *
 * @param profile      the agency profile that read it, or empty
 * @param category     the title's category prefix ({@code سياسي}), or empty
 * @param part         the continuation part ({@link TitleParts#part}): -1 none, 0 a lead that continues, 1 the
 *                     first addition, …
 * @param arabicMonths the front-matter's {@code arabicMonths}, or null for the site's
 */
public record WireInfo(String profile, String category, int part, ArabicMonths arabicMonths) {
    public static final WireInfo NONE = new WireInfo("", "", TitleParts.NONE, null);

    /** Whether the dispatch's title carried a continuation marker ({@code إضافة أولى}, {@code يتبع}). */
    public boolean isContinued() {
        return part != TitleParts.NONE;
    }

    static WireInfo of(AgencyText.Wire wire, YFields fm) {
        ArabicMonths months = fm.string("arabicMonths")
                .flatMap(m -> {
                    Optional<ArabicMonths> set = ArabicMonths.named(m);
                    if (set.isEmpty()) {
                        fm.error(fm.get("arabicMonths").orElseThrow(), ArabicMonths.CHOICE + ", not '" + m + "'");
                    }
                    return set;
                })
                .orElse(null);
        if (wire.profile().isEmpty() && months == null) {
            return NONE;
        }
        return new WireInfo(
                wire.profile(), wire.title().category(), wire.title().part(), months);
    }

    /**
     * The tag a category prefix stands for: a vocabulary key or name, else the first vocabulary tag whose match
     * terms it holds, else its own slug; empty when there is no category.
     */
    static Optional<String> categoryTag(TagVocabulary vocabulary, String category) {
        if (category.isEmpty()) {
            return Optional.empty();
        }
        String key = vocabulary.resolve(category);
        if (!vocabulary.isKnown(key)) {
            List<String> matched = vocabulary.match(category);
            key = matched.isEmpty() ? key : matched.get(0);
        }
        return key.isEmpty() || Slugs.segmentProblem(key) != null ? Optional.empty() : Optional.of(key);
    }
}
