package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateHashModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arshif.diag.Diagnostics;
import org.arshif.site.view.Alternate;
import org.arshif.site.view.ArticleCard;
import org.arshif.site.view.ArticleView;
import org.arshif.site.view.ImageView;
import org.arshif.site.view.LanguageLink;
import org.arshif.site.view.Link;
import org.arshif.site.view.Nav;
import org.arshif.site.view.PageContext;
import org.arshif.site.view.Pagination;
import org.arshif.site.view.StoryPart;
import org.arshif.site.view.TagLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates read view records through {@link ViewWrapper}'s shortcut; a user's own template must see exactly what
 * Freemarker's plain wrapper with the same settings shows: each expression below renders the same text, or fails
 * with the same finding, through both.
 */
class ViewModelAccessTest {
    /** Expressions over the data model, each a template of its own; the failing ones fail the same way. */
    private static final List<String> TEMPLATES = List.of(
            "${article.title}|${article.title()}|${page.t.home}|${page.t['home']}",
            "<#list article.tags as t>${t.name}=${t.count}/${t.href}<#sep>,</#list>",
            "${article.image.width}x${article.image.height?c}|${article.image.length}|${article.image.alt}",
            "${article.translation???c}|${article.previous???c}|${(article.previous.title)!'none'}",
            "${article.image?has_content?c}|${article.story?has_content?c}|${article.related?size}",
            "${page.noindex?c}|${page.languages[0].current?c}|${page.languages[1].exact?string('y','n')}",
            "${p.paged()?c}|${p.paged?is_method?c}|${p.previous!'-'}|${p.pages?size}|${p.total}",
            "${article?is_hash?c}${article?is_hash_ex?c}${article?is_string?c}${article?is_method?c}",
            "<#list article?keys?sort as k>${k}<#sep>,</#list>",
            "<#list page.nav?keys?sort as k>${k}=${page.nav[k]!'null'}<#sep>;</#list>",
            "${article.params.region}|<#list article.params?keys as k>${k}</#list>",
            "${page.title?length}|${article.title?upper_case}|${article.title + '!'}|${article.title == 'T'}",
            "${article.nosuch}",
            "${article.title()()}",
            "<#list page as x></#list>",
            "${page.nav.sections}",
            "${article.getClass()}",
            "${article.hashCode()}",
            "${article}");

    @TempDir
    Path templates;

    @Test
    void templatesSeeWhatFreemarkersOwnWrapperShows() {
        for (int i = 0; i < TEMPLATES.size(); i++) {
            org.arshif.testing.Trees.write(templates.resolve("t" + i + ".ftlh"), TEMPLATES.get(i));
        }
        PageRenderer fast = new PageRenderer(new Theme(templates, templates, new Diagnostics()));
        Theme plainTheme = new Theme(templates, templates, new Diagnostics());
        plainTheme
                .freemarker()
                .setObjectWrapper(SandboxedFreemarker.wrapperSettings().build());
        PageRenderer plain = new PageRenderer(plainTheme);
        assertInstanceOf(
                ViewWrapper.class,
                new Theme(templates, templates, new Diagnostics()).freemarker().getObjectWrapper());
        for (int i = 0; i < TEMPLATES.size(); i++) {
            String name = "t" + i + ".ftlh";
            assertEquals(outcome(plain, name), outcome(fast, name), TEMPLATES.get(i));
        }
        assertEquals("T &amp; &lt;b&gt;|T &amp; &lt;b&gt;|Home|Home", outcome(fast, "t0.ftlh"));
        assertTrue(outcome(fast, "t12.ftlh").startsWith("templates/t12.ftlh:1:3: error:"), outcome(fast, "t12.ftlh"));
    }

    @Test
    void aComponentThePolicyHidesStaysHidden() throws Exception {
        MemberAccessPolicy sandbox = new SandboxedFreemarker.ViewRecordsOnly();
        MemberAccessPolicy noTitles = new MemberAccessPolicy() {
            @Override
            public ClassMemberAccessPolicy forClass(Class<?> type) {
                ClassMemberAccessPolicy inner = sandbox.forClass(type);
                return new ClassMemberAccessPolicy() {
                    @Override
                    public boolean isMethodExposed(Method method) {
                        return !method.getName().equals("title") && inner.isMethodExposed(method);
                    }

                    @Override
                    public boolean isConstructorExposed(Constructor<?> constructor) {
                        return false;
                    }

                    @Override
                    public boolean isFieldExposed(Field field) {
                        return false;
                    }
                };
            }

            @Override
            public boolean isToStringAlwaysExposed() {
                return true;
            }
        };
        DefaultObjectWrapperBuilder settings = SandboxedFreemarker.wrapperSettings();
        settings.setMemberAccessPolicy(noTitles);
        TemplateHashModel card = (TemplateHashModel) new ViewWrapper(settings)
                .wrap(new ArticleCard("Older", "/o/", "2024-01-01", "1 Jan", "", "", List.of(), "en", "ltr", null));
        assertNull(card.get("title"));
        assertEquals("/o/", card.get("href").toString());
    }

    private static String outcome(PageRenderer renderer, String template) {
        try {
            return new String(renderer.render(template, model()), StandardCharsets.UTF_8);
        } catch (PageRenderer.RenderException e) {
            return e.diagnostic().format();
        }
    }

    private static Map<String, Object> model() {
        ImageView image = new ImageView("/p.jpg", "https://x/p.jpg", "alt <i>", "", 640, 0, "image/jpeg", 1234L);
        List<TagLink> tags =
                List.of(new TagLink("a", "Gulf", "/tags/a/", 3, "3"), new TagLink("b", "Oil", "/b/", 0, ""));
        ArticleCard card = new ArticleCard("Older", "/o/", "2024-01-01", "1 Jan", "", "", tags, "en", "ltr", null);
        Map<String, Object> params = new TreeMap<>(Map.of("region", "Gulf", "n", 2));
        ArticleView article = new ArticleView(
                "T & <b>",
                "2024-01-02",
                "2 Jan",
                "2024-01-03",
                "3 Jan",
                "Doha",
                "",
                tags,
                "<p>x</p>",
                "s",
                null,
                card,
                null,
                List.of(card, card),
                params,
                List.of(new Link("/s/", "S")),
                List.of("A"),
                List.of(),
                List.of("k"),
                "",
                List.of(new StoryPart("1", "/1/", true)),
                image,
                "https://x/");
        PageContext page = new PageContext(
                "article",
                "en",
                "ltr",
                "Site",
                "T & <b>",
                "d",
                "/a/",
                "https://x/a/",
                List.of(new Alternate("x-default", "https://x/a/")),
                List.of(
                        new LanguageLink("ar", "عربي", "rtl", "/ar/", false, false),
                        new LanguageLink("en", "English", "ltr", "/a/", true, true)),
                new Nav("/", "/tags/", "/archive/", "/search/", "/feed.xml", null, null),
                new TreeMap<>(Map.of("home", "Home")),
                Map.of("style.css", "/s.css"),
                List.of(),
                false);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("page", page);
        root.put("article", article);
        root.put("p", new Pagination(1, 1, null, null, List.of()));
        return root;
    }
}
