package org.arshif.site.pages;

import org.arshif.site.PageRenderer;

/** Every kind of page a site has, with its template and the name templates see ({@code page.kind}). */
public enum PageKind {
    ARTICLE("article.ftlh", "article"),
    /** An article's old URL: a page that redirects to it. */
    ALIAS("alias.ftlh", "redirect"),
    HOME("list.ftlh", "home"),
    TAG("list.ftlh", "tag"),
    /** One of Hugo's categories: a list like a tag's. */
    CATEGORY("list.ftlh", "category"),
    /** A section: the dispatches of a folder below the language folder, and of the folders below it. */
    SECTION("list.ftlh", "section"),
    YEAR("list.ftlh", "year"),
    MONTH("list.ftlh", "month"),
    TAG_INDEX("tags.ftlh", "tags"),
    /** A language's categories, when it has any. */
    CATEGORY_INDEX("categories.ftlh", "categories"),
    SECTION_INDEX("sections.ftlh", "sections"),
    ARCHIVE("archive.ftlh", "archive"),
    SEARCH("search.ftlh", "search"),
    NOT_FOUND("404.ftlh", "notfound"),
    FEED("feed.ftlx", "feed"),
    SITEMAP("sitemap.ftlx", "sitemap"),
    /** A part of a compact site's sitemap, gzipped as the sitemap protocol allows (a tenth of its bytes). */
    SITEMAP_GZ("sitemap.ftlx" + PageRenderer.GZIP, "sitemap"),
    /** {@code /sitemap.xml} when the URLs need more than one sitemap file. */
    SITEMAP_INDEX("sitemap-index.ftlx", "sitemap-index"),
    ROBOTS("robots.ftl", "robots");
    private final String template;
    private final String id;

    PageKind(String template, String id) {
        this.template = template;
        this.id = id;
    }

    /** The theme's template for pages of this kind. */
    public String template() {
        return template;
    }

    /** Whether robots are asked not to index such pages: redirects and the 404 page. */
    public boolean noindex() {
        return this == ALIAS || this == NOT_FOUND;
    }

    /** The kind as templates see it: {@code page.kind}, and {@code list.kind} on list pages. */
    public String id() {
        return id;
    }
}
