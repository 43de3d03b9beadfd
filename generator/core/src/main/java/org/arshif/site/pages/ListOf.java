package org.arshif.site.pages;

import java.time.YearMonth;
import java.util.List;
import org.arshif.content.Dispatch;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;

/**
 * A paginated list of dispatches, newest first: a language's home, a tag, a category, a section, a year or a month.
 *
 * @param term    the key of a tag's or a category's list, else null
 * @param section the section path of a section list, else null
 * @param year    the year of a year or month list, else 0
 * @param month   the month of a month list, else 0
 */
record ListOf(PageKind kind, String lang, String term, String section, int year, int month, List<Dispatch> items) {
    ListOf {
        if (kind != PageKind.HOME
                && kind != PageKind.TAG
                && kind != PageKind.CATEGORY
                && kind != PageKind.SECTION
                && kind != PageKind.YEAR
                && kind != PageKind.MONTH) {
            throw new IllegalArgumentException(kind + " pages are not lists");
        }
    }

    static ListOf home(String lang, List<Dispatch> items) {
        return new ListOf(PageKind.HOME, lang, null, null, 0, 0, items);
    }

    static ListOf tag(String lang, String key, List<Dispatch> items) {
        return new ListOf(PageKind.TAG, lang, key, null, 0, 0, items);
    }

    static ListOf category(String lang, String key, List<Dispatch> items) {
        return new ListOf(PageKind.CATEGORY, lang, key, null, 0, 0, items);
    }

    static ListOf section(String lang, String section, List<Dispatch> items) {
        return new ListOf(PageKind.SECTION, lang, null, section, 0, 0, items);
    }

    static ListOf year(String lang, int year, List<Dispatch> items) {
        return new ListOf(PageKind.YEAR, lang, null, null, year, 0, items);
    }

    static ListOf month(String lang, YearMonth month, List<Dispatch> items) {
        return new ListOf(PageKind.MONTH, lang, null, null, month.getYear(), month.getMonthValue(), items);
    }

    /** The site path of a page of this list. */
    String path(int page) {
        return path(lang, page);
    }

    /** The site path of a page of the same list in language {@code l}. */
    String path(String l, int page) {
        return switch (kind) {
            case HOME -> Routes.home(l, page);
            case TAG -> Routes.tag(l, term, page);
            case CATEGORY -> Routes.category(l, term, page);
            case SECTION -> Routes.section(l, section, page);
            case YEAR -> Routes.year(l, year, page);
            case MONTH -> Routes.month(l, year, month, page);
            default -> throw new IllegalStateException(kind + " pages are not lists");
        };
    }

    /** Whether the same list exists in language {@code l}. */
    boolean existsIn(SiteModel model, String l) {
        return switch (kind) {
            case HOME -> true;
            case TAG -> model.tags(l).containsKey(term);
            case CATEGORY -> model.categories().of(l).containsKey(term);
            case SECTION -> model.sections(l).containsKey(section);
            case YEAR -> model.years(l).containsKey(year);
            case MONTH -> model.months(l).containsKey(YearMonth.of(year, month));
            default -> throw new IllegalStateException(kind + " pages are not lists");
        };
    }

    /**
     * Where the language switcher goes for a language without this list: the tag index, the category index (when
     * that language has categories), or the archive.
     */
    String fallback(SiteModel model, String l) {
        if (kind == PageKind.CATEGORY && !model.categories().of(l).isEmpty()) {
            return Routes.categories(l);
        }
        return kind == PageKind.TAG ? Routes.tags(l) : Routes.archive(l);
    }

    /**
     * Pages of {@code first} dispatches on the first page and {@code later} on each later one; an empty list still
     * has its first page.
     */
    int pages(int first, int later) {
        return items.size() <= first ? 1 : 1 + (items.size() - first + later - 1) / later;
    }

    /** The dispatches on page {@code page}, as {@link #pages(int, int)} splits them. */
    List<Dispatch> page(int page, int first, int later) {
        int from = page == 1 ? 0 : first + (page - 2) * later;
        int to = page == 1 ? first : from + later;
        return items.subList(Math.min(items.size(), from), Math.min(items.size(), to));
    }
}
