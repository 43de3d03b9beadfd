package org.arshif.site;

import freemarker.core.ParseException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.internal.SourceText;
import org.arshif.internal.Suggestions;

/**
 * A template's syntax error in plain words, with the fix, at the place to fix: FreeMarker's parser speaks its own
 * grammar ({@code Encountered "}", but was expecting one of these patterns: <STRING_LITERAL> …}) and reports an
 * unclosed directive where the file ends, not where the directive opens. The template's source, when it can be
 * read, gives that opening.
 */
final class TemplateSyntax {
    private static final Pattern UNCLOSED = Pattern.compile("You have an unclosed (#\\w+)( or #function)?\\.");
    private static final Pattern UNCLOSED_BRACE = Pattern.compile("You have an unclosed \"\\{\"\\.");
    private static final Pattern ONLY_CLOSABLE =
            Pattern.compile("^Encountered \"([^\"]*)\", but at this place only this can be closed: \"(#?[\\w.]+)\"");
    private static final Pattern ENCOUNTERED =
            Pattern.compile("^Encountered \"((?:[^\"\\\\]|\\\\.)*)\", but was expecting");
    private static final Pattern UNKNOWN_DIRECTIVE = Pattern.compile("^Unknown directive: #(\\w+)");
    private static final Pattern UNKNOWN_BUILT_IN = Pattern.compile("^Unknown built-in: \"(\\w+)\"");
    private static final Pattern BUILT_IN_LIST = Pattern.compile("The alphabetical list of built-ins:(.*)$");
    private static final Pattern MALFORMED =
            Pattern.compile("^#(\\w+) is an existing directive, but the tag is malformed");
    private static final Pattern LEXICAL_EOF = Pattern.compile("^Lexical error: encountered <EOF> after \"");
    /**
     * FreeMarker's directives: "did you mean" after an unknown one here, and {@link ThemeOverrides}' square-bracket
     * tags written without {@code [#ftl]}. The one list, so that the two checks know the same directives.
     */
    static final List<String> DIRECTIVES = List.of(
            "assign",
            "attempt",
            "autoesc",
            "break",
            "compress",
            "continue",
            "else",
            "elseif",
            "escape",
            "flush",
            "function",
            "global",
            "if",
            "import",
            "include",
            "items",
            "list",
            "local",
            "lt",
            "macro",
            "nested",
            "noautoesc",
            "noescape",
            "noparse",
            "nt",
            "outputformat",
            "recover",
            "recurse",
            "return",
            "rt",
            "sep",
            "setting",
            "stop",
            "switch",
            "case",
            "default",
            "t",
            "visit");

    /** Where and what: 1-based line and column, and the message after {@code template syntax error: }. */
    record Plain(int line, int column, String message) {}

    private TemplateSyntax() {}

    /**
     * The error in plain words.
     *
     * @param e      FreeMarker's exception
     * @param editor its message without the position ({@link ParseException#getEditorMessage}), on one line
     * @param source the template's text, when it could be read
     */
    static Plain of(ParseException e, String editor, Optional<String> source) {
        Plain plain = angle(e, editor, source);
        return source.filter(TemplateSyntax::square)
                .map(s -> new Plain(
                        plain.line(),
                        plain.column(),
                        SHOWN_TAG.matcher(plain.message()).replaceAll("[$1]")))
                .orElse(plain);
    }

    /**
     * Whether the template is written in FreeMarker's square-bracket syntax ({@code [#list …]…[/#list]}), which it
     * reads only in a template that starts with {@code [#ftl]}: then the tags it names are found, and written, so.
     */
    static boolean square(String source) {
        return source.startsWith("[#ftl") || source.startsWith("\uFEFF[#ftl");
    }

    /** The error in plain words, its tags written in angle brackets. */
    private static Plain angle(ParseException e, String editor, Optional<String> source) {
        int line = e.getLineNumber();
        int column = e.getColumnNumber();
        Matcher m;
        if ((m = UNCLOSED.matcher(editor)).find()) {
            return unclosed(m.group(1), m.group(2) != null, line, column, source);
        }
        if (UNCLOSED_BRACE.matcher(editor).find()) {
            return source.flatMap(s -> lastBefore(s, "${", s.length()))
                    .map(at -> new Plain(
                            at[0],
                            at[1],
                            "this ${ is never closed: the template ends before its }; close"
                                    + " the expression with }"))
                    .orElse(new Plain(
                            line,
                            column,
                            "a ${ is never closed: the template ends before its }; close the" + " expression with }"));
        }
        if ((m = ONLY_CLOSABLE.matcher(editor)).find()) {
            return misnested(m.group(1), m.group(2), line, column, source);
        }
        if ((m = UNKNOWN_DIRECTIVE.matcher(editor)).find()) {
            String name = m.group(1);
            return new Plain(
                    line,
                    column,
                    "unknown directive <#" + name + ">"
                            + Suggestions.closest(name, DIRECTIVES)
                                    .map(d -> "; did you mean <#" + d + ">?")
                                    .orElse(";")
                            + " a macro of the templates' own is called with <@" + name + ">, after <#macro " + name
                            + ">");
        }
        if ((m = UNKNOWN_BUILT_IN.matcher(editor)).find()) {
            return new Plain(line, column, unknownBuiltIn(m.group(1), editor));
        }
        if ((m = MALFORMED.matcher(editor)).find()) {
            return new Plain(line, column, malformed(m.group(1)));
        }
        if ((m = ENCOUNTERED.matcher(editor)).find()) {
            return new Plain(line, column, encountered(m.group(1), editor) + unclosedBefore(source, line, column));
        }
        return endOfFile(editor, line, column, source);
    }

    /** What the template's end cut short: a quoted text, a call's tag, a comment; else FreeMarker's words. */
    private static Plain endOfFile(String editor, int line, int column, Optional<String> source) {
        if (LEXICAL_EOF.matcher(editor).find()) {
            return source.flatMap(TemplateSyntax::lastOpenQuote)
                    .map(at -> new Plain(
                            at[0],
                            at[1],
                            "this quoted text is never closed: the template ends inside"
                                    + " it; close it with the same quote"))
                    .orElse(new Plain(
                            line,
                            column,
                            "a quoted text is never closed: the template ends inside it;"
                                    + " close it with the same quote"));
        }
        if (editor.startsWith("Unexpected end of file reached")) {
            return source.flatMap(s -> lastBefore(s, "<@", s.length()))
                    .map(at -> new Plain(
                            at[0],
                            at[1],
                            "this <@ call is never finished: the template ends inside"
                                    + " it; end the tag with > (or />)"))
                    .orElse(new Plain(line, column, "the template ends inside a tag; finish it with >"));
        }
        if (editor.startsWith("Unclosed \"<#--\"")) {
            return new Plain(line, column, "this <#-- comment is never closed; end it with -->");
        }
        return new Plain(line, column, editor);
    }

    private static Plain unclosed(String directive, boolean orFunction, int line, int column, Optional<String> src) {
        String name = directive.substring(1);
        List<String> names = orFunction ? List.of("macro", "function") : List.of(name);
        Optional<Opening> open = src.flatMap(s -> innermostOpen(s, names, s.length()));
        String what = open.map(o -> "#" + o.name()).orElse(directive);
        String message = "this <" + what + "> is never closed: the template ends before its </" + what + ">; add </"
                + what + "> where its part ends";
        return open.map(o -> new Plain(o.line(), o.column(), message))
                .orElse(new Plain(
                        line,
                        column,
                        "a <" + directive + "> is never closed: the template ends before its" + " </" + directive
                                + ">; add it where its part ends"));
    }

    private static Plain misnested(String found, String open, int line, int column, Optional<String> source) {
        String opened = open.startsWith("#") ? "<" + open + ">" : "<@" + open + ">";
        String closer = open.startsWith("#") ? "</" + open + ">" : "</@" + open + ">";
        String where = source.flatMap(s -> open.startsWith("#")
                        ? innermostOpen(s, List.of(open.substring(1)), offset(s, line, column))
                        : Optional.empty())
                .map(o -> " (line " + o.line() + ")")
                .orElse("");
        return new Plain(
                line,
                column,
                "'" + found + "' here, but the " + opened + " opened before it" + where + " is still open; close it"
                        + " with " + closer + " first, or correct this end tag if it is misspelt");
    }

    private static String unknownBuiltIn(String name, String editor) {
        Matcher list = BUILT_IN_LIST.matcher(editor);
        List<String> known = list.find()
                ? Arrays.stream(list.group(1).split("[,|\\s]+"))
                        .filter(s -> !s.isEmpty())
                        .toList()
                : List.of();
        return "unknown built-in ?" + name
                + Suggestions.closest(name, known)
                        .map(b -> "; did you mean ?" + b + "?")
                        .orElse("")
                + " (FreeMarker's built-ins: https://freemarker.apache.org/docs/ref_builtins.html)";
    }

    private static String malformed(String name) {
        String example = switch (name) {
            case "include" -> "<#include \"part.ftlh\">";
            case "import" -> "<#import \"part.ftlh\" as part>";
            case "list" -> "<#list article.tags as tag>…</#list>";
            case "items" -> "<#list xs><#items as x>…</#items></#list>";
            case "if", "elseif" -> "<#" + name + " article.image??>";
            case "assign", "local", "global" -> "<#" + name + " name = value>";
            case "macro", "function" -> "<#" + name + " name param>";
            default -> "";
        };
        return "<#" + name + "> is written wrong here: its parameters are missing or out of place; write it as"
                + (example.isEmpty() ? " FreeMarker's manual gives it" : " " + example)
                + " (https://freemarker.apache.org/docs/ref_directives.html)";
    }

    private static String encountered(String found, String editor) {
        String expecting = editor.substring(editor.indexOf("but was expecting"));
        String shown = found.replace("\\\"", "\"");
        if (expecting.contains("<STRING_LITERAL>") && expecting.contains("<ID>")) {
            return "'" + shown + "' where a value belongs (a name, a \"text\", a number, true or false): an"
                    + " expression is unfinished; complete it before '" + shown + "'";
        }
        if (expecting.contains("pattern:") && expecting.contains("<ID>")) {
            return "'" + shown + "' where a name belongs; write the name (for example <#list xs as x>)";
        }
        if (expecting.contains("<EOF>") && shown.startsWith("</")) {
            return "'" + shown + "' closes nothing: no " + shown.substring(2, shown.length() - 1) + " is open here;"
                    + " delete it, or add the directive it should close";
        }
        if (expecting.contains("<EOF>") && shown.startsWith("<#")) {
            return "'" + shown + "' belongs inside a directive that is not open here (#else and #elseif inside"
                    + " #if or #list, #sep and #items inside #list); move it there, or delete it";
        }
        return "'" + shown + "' is out of place here; check the directive or expression it ends";
    }

    /** A directive opened in the source: its name and where its {@code <#} is. */
    private record Opening(String name, int line, int column) {}

    private static final Pattern TAGS =
            Pattern.compile("<#--.*?(?:-->|\\z)|<#noparse>.*?(?:</#noparse>|\\z)|<(/?)#(\\w+)([^>]*)>", Pattern.DOTALL);

    private static final Pattern SQUARE_TAGS = Pattern.compile(
            "\\[#--.*?(?:--\\]|\\z)|\\[#noparse\\].*?(?:\\[/#noparse\\]|\\z)|\\[(/?)#(\\w+)([^\\]]*)\\]",
            Pattern.DOTALL);

    /** A tag as a message shows it, {@code <#list>}, {@code </#if>}, {@code <@call>}: in square brackets for those. */
    private static final Pattern SHOWN_TAG = Pattern.compile("<(/?[#@][^<>]*)>");

    /** The innermost of these directives still open at {@code end}: the one an unclosed error means. */
    private static Optional<Opening> innermostOpen(String source, List<String> names, int end) {
        Deque<Map.Entry<String, Integer>> open = new ArrayDeque<>(); // each open directive's name and offset
        Matcher m = (square(source) ? SQUARE_TAGS : TAGS).matcher(source);
        m.region(0, Math.max(0, Math.min(end, source.length())));
        while (m.find()) {
            String name = m.group(2);
            if (name == null || !names.contains(name) || m.group(3).endsWith("/")) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                open.push(Map.entry(name, m.start()));
            } else if (!open.isEmpty()) {
                open.pop();
            }
        }
        if (open.isEmpty()) {
            return Optional.empty();
        }
        int[] at = SourceText.lineAndColumn(source, open.peek().getValue());
        return Optional.of(new Opening(open.peek().getKey(), at[0], at[1]));
    }

    /** Where a {@code ${} before the error that no {@code }} closed opens, on an earlier line: the likely cause. */
    private static String unclosedBefore(Optional<String> source, int line, int column) {
        return source.flatMap(s -> {
                    int end = offset(s, line, column);
                    int open = s.lastIndexOf("${", end);
                    int close = open < 0 ? -1 : s.indexOf('}', open);
                    boolean unclosed = open >= 0 && (close < 0 || close >= end) && s.lastIndexOf('\n', end) > open;
                    return unclosed ? lastBefore(s, "${", end) : Optional.empty();
                })
                .map(at -> " (is the ${ at line " + at[0] + ", column " + at[1] + " closed with }?)")
                .orElse("");
    }

    private static Optional<int[]> lastBefore(String source, String token, int end) {
        int at = source.lastIndexOf(token, end);
        return at < 0 ? Optional.empty() : Optional.of(SourceText.lineAndColumn(source, at));
    }

    /** The last quote inside a {@code ${…}} or a directive that has no partner after it. */
    private static Optional<int[]> lastOpenQuote(String source) {
        int open = -1;
        char quote = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (open >= 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    open = -1;
                }
            } else if ((c == '"' || c == '\'') && insideExpression(source, i)) {
                open = i;
                quote = c;
            }
        }
        return open < 0 ? Optional.empty() : Optional.of(SourceText.lineAndColumn(source, open));
    }

    /** Whether {@code at} is after a {@code ${} or {@code <#} on its line that no {@code }} or {@code >} closed. */
    private static boolean insideExpression(String source, int at) {
        int lineStart = source.lastIndexOf('\n', at - 1) + 1;
        String before = source.substring(lineStart, at);
        int opened = Math.max(before.lastIndexOf("${"), Math.max(before.lastIndexOf("<#"), before.lastIndexOf("<@")));
        return opened >= 0 && before.indexOf('}', opened) < 0 && before.indexOf('>', opened) < 0;
    }

    /** The char offset of a 1-based line and column. */
    private static int offset(String source, int line, int column) {
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = source.indexOf('\n', at) + 1;
            if (at == 0) {
                return source.length();
            }
        }
        return Math.min(source.length(), at + Math.max(0, column - 1));
    }
}
