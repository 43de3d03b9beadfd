package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.TemplateMethodModelEx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.arshif.diag.Diagnostics;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's rendering is bounded in time too, including loops that write nothing, and a template cannot catch its
 * way past a limit. One second of CPU time here instead of the default ten, so the tests are quick; every test is
 * also bounded from outside, as a hang is what the limits are for.
 */
class RenderLimitsTest {
    private static final PageRenderer.Limits ONE_SECOND = new PageRenderer.Limits(500, 64 << 20, Duration.ofSeconds(1));
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path templates;

    private String renderError(PageRenderer renderer, String template, Map<String, Object> model) {
        return assertTimeoutPreemptively(
                HANG,
                () -> assertThrows(PageRenderer.RenderException.class, () -> renderer.render(template, model))
                        .diagnostic()
                        .format());
    }

    private PageRenderer renderer() {
        return new PageRenderer(new Theme(templates, templates, new Diagnostics()), ONE_SECOND);
    }

    @Test
    void aLoopThatWritesNothingIsStoppedByTheClock() {
        Trees.write(templates.resolve("loop.ftl"), "<#list 1.. as i><#assign last = i></#list>");
        String error = renderError(renderer(), "loop.ftl", Map.of());
        // Stopped at whichever directive of the loop was running when the clock was read.
        assertTrue(error.startsWith("templates/loop.ftl:1:"), error);
        assertTrue(
                error.endsWith(": error: template error: the page took more than 1 s of CPU time to render;"
                        + " does a loop never end?"),
                error);
    }

    @Test
    void anEmptyLoopIsStoppedToo() {
        // Freemarker runs an empty body without entering any directive: only the check it inserts sees the rounds.
        Trees.write(templates.resolve("empty.ftl"), "<#list 1.. as i></#list>");
        assertEquals(
                "templates/empty.ftl:1:1: error: template error: the page took more than 1 s of CPU time to"
                        + " render; does a loop never end?",
                renderError(renderer(), "empty.ftl", Map.of()));
    }

    @Test
    void anEmptyLoopInAnIncludedTemplateIsStoppedToo() {
        Trees.write(templates.resolve("page.ftl"), "Before.\n<#include \"parts/forever.ftl\">\nAfter.\n");
        Trees.write(templates.resolve("parts/forever.ftl"), "\n<#list 1.. as i></#list>");
        assertEquals(
                "templates/parts/forever.ftl:2:1: error: template error: the page took more than 1 s of CPU time"
                        + " to render; does a loop never end?",
                renderError(renderer(), "page.ftl", Map.of()));
    }

    @Test
    void anEmptyLoopInATemplateMadeAtRenderTimeIsStoppedToo() {
        // ?interpret makes a template without loading one, so it gets its checks when it starts.
        Trees.write(templates.resolve("made.ftl"), "<#assign made = '<#list 1.. as i></#list>'?interpret>\n<@made/>");
        assertEquals(
                "templates/made.ftl->anonymous_interpreted:1:1: error: template error: the page took more than"
                        + " 1 s of CPU time to render; does a loop never end?",
                renderError(renderer(), "made.ftl", Map.of()));
    }

    @Test
    void aTemplateThatIncludesItselfIsNamedAtItsIncludeNotAtItsFirstLine() {
        // Reported at 1:1 (the included template's first directive, where the depth limit fell) before.
        Trees.write(templates.resolve("self.ftl"), "<p>a</p>\n<p>b</p> <#include \"self.ftl\">\n");
        String include = ": error: template error: this #include brings in a template that is already being rendered"
                + " (a template that includes itself, directly or through another), so directives nest more than 500"
                + " deep; remove the include, or move what the two share into a template of its own and include that";
        assertEquals("templates/self.ftl:2:10" + include, renderError(renderer(), "self.ftl", Map.of()));
        Trees.write(templates.resolve("a.ftl"), "<#if true>\n  <#include \"b.ftl\">\n</#if>\n");
        Trees.write(templates.resolve("b.ftl"), "<p>b</p>\n<#include \"a.ftl\">\n");
        assertEquals("templates/a.ftl:2:3" + include, renderError(renderer(), "a.ftl", Map.of()));
    }

    @Test
    void anAttemptCannotCarryOnPastALimit() {
        // The macro's default value runs a function that calls itself; Freemarker wraps what stops it in a
        // TemplateException, which #attempt catches. The page must still fail, with or without a #recover body.
        String deep = "<#function deep n><#return deep(n + 1)></#function>\n<#macro show x=deep(1)>${x}</#macro>\n";
        Trees.write(templates.resolve("recovered.ftl"), deep + "<#attempt><@show/><#recover>recovered</#attempt>");
        Trees.write(templates.resolve("silent.ftl"), deep + "<#attempt><@show/><#recover></#attempt>");
        String expected = ": error: template error: directives nest more than 500 deep here; does a macro or function"
                + " call itself without end?";
        assertEquals("templates/recovered.ftl:1:1" + expected, renderError(renderer(), "recovered.ftl", Map.of()));
        assertEquals("templates/silent.ftl:1:1" + expected, renderError(renderer(), "silent.ftl", Map.of()));
    }

    @Test
    void aTemplateALimitStoppedFailsAtOnceOnItsOtherPages() {
        // Else ten thousand article pages would each spend the limit again.
        AtomicInteger rounds = new AtomicInteger();
        TemplateMethodModelEx tick = arguments -> {
            rounds.incrementAndGet();
            return "";
        };
        Trees.write(templates.resolve("article.ftl"), "<#list 1.. as i>${tick()}</#list>");
        PageRenderer renderer = renderer();

        String first = renderError(renderer, "article.ftl", Map.of("tick", tick));
        int roundsOfTheFirstPage = rounds.get();
        assertTrue(roundsOfTheFirstPage > 0);
        assertEquals(first, renderError(renderer, "article.ftl", Map.of("tick", tick)));
        assertEquals(roundsOfTheFirstPage, rounds.get(), "the second page ran the template again");
    }

    @Test
    void anExpressionThatLoopsInsideABuiltInIsStoppedFromOutside() {
        // No directive runs while ?join or ?filter loops, so only the watchdog's look at the clock can stop them.
        Trees.write(templates.resolve("join.ftl"), "Before.\n  ${(1..2000000000)?join(\",\")}\n");
        Trees.write(templates.resolve("filter.ftl"), "<#assign x = (1..)?filter(n -> n < 0)?first>");
        String expected = ": error: template error: the page took more than 1 s of CPU time in one expression here,"
                + " and was stopped from outside; does it run over an endless or huge range, such as"
                + " (1..)?filter(…) or (1..2000000000)?join(\",\")? Give the range a small end";
        PageRenderer renderer = renderer();
        assertEquals("templates/join.ftl:2:3" + expected, renderError(renderer, "join.ftl", Map.of()));
        assertEquals("templates/filter.ftl:1:1" + expected, renderError(renderer, "filter.ftl", Map.of()));
        // The threads that rendered go on rendering other pages.
        Trees.write(templates.resolve("fine.ftl"), "${(1..3)?join(\",\")}");
        assertEquals(
                "1,2,3",
                assertTimeoutPreemptively(
                        HANG,
                        () -> new String(
                                renderer.render("fine.ftl", Map.of()), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
