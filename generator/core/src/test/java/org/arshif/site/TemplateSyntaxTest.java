package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arshif.diag.Diagnostics;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A template's syntax error in plain words, with the fix, at the place to fix it: an unclosed directive at its
 * opening (FreeMarker names the file's end), none of FreeMarker's grammar tokens ({@code <STRING_LITERAL>}).
 */
class TemplateSyntaxTest {
    @TempDir
    Path templates;

    private String error(String template) {
        Trees.write(templates.resolve("t.ftlh"), template);
        PageRenderer renderer = new PageRenderer(new Theme(templates, templates, new Diagnostics()));
        return assertThrows(PageRenderer.RenderException.class, () -> renderer.render("t.ftlh", Map.of()))
                .diagnostic()
                .format();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `<p>\\n<#list items as x>\\n${x}\\n` | 2:1: error: template syntax error: this <#list> is never closed: the template ends before its </#list>; add </#list> where its part ends
            `<#if a>\\n<#if b>x</#if>\\n<p>\\n` | 1:1: error: template syntax error: this <#if> is never closed: the template ends before its </#if>; add </#if> where its part ends
            `<#macro m>\\nx\\n` | 1:1: error: template syntax error: this <#macro> is never closed: the template ends before its </#macro>; add </#macro> where its part ends
            `<p>${a.b\\n` | 1:4: error: template syntax error: this ${ is never closed: the template ends before its }; close the expression with }
            `<p>${a.b\\n</p>\\n` | 2:2: error: template syntax error: '/' where a value belongs (a name, a "text", a number, true or false): an expression is unfinished; complete it before '/' (is the ${ at line 1, column 4 closed with }?)
            `<#if a>\\nx\\n</#list>\\n` | 3:1: error: template syntax error: '</#list>' here, but the <#if> opened before it (line 1) is still open; close it with </#if> first, or correct this end tag if it is misspelt
            `${a + }\\n` | 1:7: error: template syntax error: '}' where a value belongs (a name, a "text", a number, true or false): an expression is unfinished; complete it before '}'
            `<#list a as>\\n</#list>\\n` | 1:12: error: template syntax error: '>' where a name belongs; write the name (for example <#list xs as x>)
            `</#if>\\n` | 1:1: error: template syntax error: '</#if>' closes nothing: no #if is open here; delete it, or add the directive it should close
            `<#else>\\n` | 1:1: error: template syntax error: '<#else>' belongs inside a directive that is not open here (#else and #elseif inside #if or #list, #sep and #items inside #list); move it there, or delete it
            `<#lsit xs as x></#lsit>\\n` | 1:2: error: template syntax error: unknown directive <#lsit>; did you mean <#list>? a macro of the templates' own is called with <@lsit>, after <#macro lsit>
            `${a?uper_case}\\n` | 1:5: error: template syntax error: unknown built-in ?uper_case; did you mean ?upper_case? (FreeMarker's built-ins: https://freemarker.apache.org/docs/ref_builtins.html)
            `<#include>\\n` | 1:2: error: template syntax error: <#include> is written wrong here: its parameters are missing or out of place; write it as <#include "part.ftlh"> (https://freemarker.apache.org/docs/ref_directives.html)
            `<p>${"abc}</p>\\n` | 1:6: error: template syntax error: this quoted text is never closed: the template ends inside it; close it with the same quote
            `<p>\\n<@m x=1\\n` | 2:1: error: template syntax error: this <@ call is never finished: the template ends inside it; end the tag with > (or />)
            `<#-- a note\\n` | 1:1: error: template syntax error: this <#-- comment is never closed; end it with -->
            `[#ftl]\\n<p>\\n[#list items as x]\\n${x}\\n` | 3:1: error: template syntax error: this [#list] is never closed: the template ends before its [/#list]; add [/#list] where its part ends
            `[#ftl]\\n[#list a as l]\\n[#if true]\\nx\\n[/#list]\\n` | 5:1: error: template syntax error: '[/#list]' here, but the [#if] opened before it (line 3) is still open; close it with [/#if] first, or correct this end tag if it is misspelt
            `[#ftl]\\n[#-- [#list a as l] --]\\n[#if a]\\n` | 3:1: error: template syntax error: this [#if] is never closed: the template ends before its [/#if]; add [/#if] where its part ends
            `[#ftl]\\n[#lsit xs as x][/#lsit]\\n` | 2:2: error: template syntax error: unknown directive [#lsit]; did you mean [#list]? a macro of the templates' own is called with [@lsit], after [#macro lsit]
            """)
    void aSyntaxErrorIsInPlainWordsAtThePlaceToFix(String template, String expected) {
        String found = error(template.replace("\\n", "\n"));
        assertEquals("templates/t.ftlh:" + expected, found);
        assertFalse(found.contains("<STRING_LITERAL>") || found.contains("Encountered"), found);
    }

    @org.junit.jupiter.api.Test
    void aSyntaxErrorInAnImportedOrIncludedTemplateIsNamedInThatTemplate() {
        Trees.write(templates.resolve("part.ftlh"), "<#macro part>\n<#if x??>\n<p>x</p>\n</#macro>\n");
        assertEquals(
                "templates/part.ftlh:4:1: error: template syntax error: '</#macro>' here, but the <#if> opened before"
                        + " it (line 2) is still open; close it with </#if> first, or correct this end tag if it is"
                        + " misspelt",
                error("<#import \"part.ftlh\" as p>\n<@p.part/>\n"));
        assertEquals(
                "templates/part.ftlh:4:1: error: template syntax error: '</#macro>' here, but the <#if> opened before"
                        + " it (line 2) is still open; close it with </#if> first, or correct this end tag if it is"
                        + " misspelt",
                error("<p>\n<#include \"part.ftlh\">\n"));
    }

    @org.junit.jupiter.api.Test
    void squareBracketTagsInATemplateWithoutFtlAreNamedSinceTheyArePrintedAsText() {
        Trees.write(templates.resolve("robots.ftl"), "User-agent: *\n[#list site.languages as l]\nAllow: /\n");
        Trees.write(templates.resolve("ok.ftl"), "[#ftl]\n[#list site.languages as l]x[/#list]\n");
        Trees.write(templates.resolve("notes.txt"), "[#list] in a text file is no template\n");
        Diagnostics d = new Diagnostics();
        new Theme(templates, templates, d);
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of("templates/robots.ftl:2:1: warning: '[#list' is a tag in FreeMarker's square-bracket"
                        + " syntax, which it reads only in a template whose first line is [#ftl]: here it is text, and"
                        + " the pages print it as written; add [#ftl] as the first line, or write the tags in angle"
                        + " brackets (<#list …>)"),
                d.sorted().stream().map(org.arshif.diag.Diagnostic::format).toList());
    }

    /** The check knows every directive "did you mean" knows ([#nested] was once missing), and only whole names. */
    @org.junit.jupiter.api.Test
    void everyDirectiveInSquareBracketsIsNamedButNotAWordThatStartsLikeOne() {
        Trees.write(templates.resolve("part.ftl"), "<div>\n  [#nested]\n</div>\n");
        Trees.write(templates.resolve("menu.ftl"), "[#top] [#listing] [#iffy]\n");
        Diagnostics d = new Diagnostics();
        new Theme(templates, templates, d);
        List<String> found =
                d.sorted().stream().map(org.arshif.diag.Diagnostic::format).toList();
        assertEquals(1, found.size(), found::toString);
        assertEquals(
                true, found.get(0).startsWith("templates/part.ftl:2:3: warning: '[#nested' is a tag"), found::toString);
    }
}
