package org.arshif.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.arshif.pipeline.ScriptTokens.Kind;
import org.arshif.pipeline.ScriptTokens.Token;

/**
 * The search client as a site serves it: its modules without comments and indentation, about half their bytes,
 * which the browser never needs (the repository and the jar keep the commented source). Tokens are written as they
 * stand in the source, joined by a space only where two would otherwise run together ({@code a b}, {@code a + +b},
 * {@code / /x/}, {@code 1 .x}). A line break stays wherever the source had one, unless it cannot end a statement:
 * after a token that needs more to follow (an operator, {@code ( [ { , ; :}) or before one that cannot start a
 * statement ({@code ) ] } . ,} a binary operator). So semicolon insertion, and the rules that forbid a line break
 * after {@code return} or before {@code ++}, read the output as they read the source. Deterministic.
 */
final class ScriptStripper {
    private ScriptStripper() {}

    /** After these a statement cannot end: a line break that follows is only space. */
    private static final Set<String> NEEDS_MORE = Set.of(
            "{", "(", "[", ",", ";", ":", "?", ".", "?.", "...", "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=",
            ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=", "==", "===", "!=", "!==", "<", ">", "<=", ">=", "<<", ">>",
            ">>>", "+", "-", "*", "/", "%", "**", "&", "|", "^", "!", "~", "&&", "||", "??", "=>");

    /** These cannot start a statement, so no semicolon is inserted before them: a line break before is only space. */
    private static final Set<String> CONTINUES = Set.of(
            ")", "]", "}", ",", ";", ":", "?", ".", "?.", "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=",
            ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=", "==", "===", "!=", "!==", "<", ">", "<=", ">=", "<<", ">>",
            ">>>", "*", "%", "**", "&", "|", "^", "&&", "||", "??");

    static byte[] strip(byte[] script) {
        return strip(new String(script, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    static String strip(String script) {
        List<Token> tokens = ScriptTokens.of(script);
        StringBuilder out = new StringBuilder(script.length() / 2);
        Token last = null;
        for (Token t : tokens) {
            if (last != null) {
                if (t.lineBefore() && !lineBreakIsSpace(last, t)) {
                    out.append('\n');
                } else if (mustBeApart(last, t)) {
                    out.append(' ');
                }
            }
            out.append(t.text());
            last = t;
        }
        return tokens.isEmpty() ? "" : out.append('\n').toString();
    }

    private static boolean lineBreakIsSpace(Token before, Token after) {
        return before.kind() == Kind.PUNCT && NEEDS_MORE.contains(before.text())
                || before.kind() == Kind.TEMPLATE_HEAD
                || after.kind() == Kind.PUNCT && CONTINUES.contains(after.text())
                || after.kind() == Kind.TEMPLATE_END && after.text().startsWith("}")
                || after.kind() == Kind.TEMPLATE_HEAD && after.text().startsWith("}");
    }

    /** Whether two tokens written side by side would read as other tokens. */
    private static boolean mustBeApart(Token before, Token after) {
        String a = before.text();
        String b = after.text();
        char end = a.charAt(a.length() - 1);
        char start = b.charAt(0);
        if (ScriptTokens.isWordPart(end) && ScriptTokens.isWordPart(start)) {
            return true; // two names, a keyword and a name, a regular expression's flags and a name
        }
        if ((end == '+' || end == '-') && start == end) {
            return true; // a + +b, a - --b
        }
        if (end == '/' && (start == '/' || start == '*')) {
            return true; // a / /x/ would open a comment
        }
        return before.kind() == Kind.WORD && Character.isDigit(a.charAt(0)) && start == '.'; // 1 .toString()
    }
}
