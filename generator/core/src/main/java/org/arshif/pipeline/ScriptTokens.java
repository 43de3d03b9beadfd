package org.arshif.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The tokens of a JavaScript module, each with its source text verbatim and whether a line break stood before it
 * (in whitespace or inside a comment, which counts as one for semicolon insertion). Comments are not tokens. Enough
 * of the lexical grammar to tell strings, template literals (and the code inside their {@code ${}}), regular
 * expressions and division apart; numbers and names need only their extent.
 */
final class ScriptTokens {
    /** What a token is, as far as joining tokens again needs to know. */
    enum Kind {
        WORD, // a name, keyword or number
        PUNCT,
        STRING,
        REGEX,
        TEMPLATE_HEAD, // `…${ or }…${ : code follows
        TEMPLATE_END // `…` or }…` : a finished value
    }

    record Token(Kind kind, String text, boolean lineBefore) {}

    /** Longest first, so that the first match is the longest. */
    private static final List<String> PUNCTUATORS = List.of(
            ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=",
            "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>");

    /** After these words an expression starts, so a slash opens a regular expression. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of(
            "return",
            "typeof",
            "instanceof",
            "in",
            "of",
            "new",
            "delete",
            "void",
            "throw",
            "case",
            "do",
            "else",
            "yield",
            "await");

    /** Before the parenthesised head of these statements; a slash after that head's {@code )} starts an expression. */
    private static final Set<String> BEFORE_STATEMENT_HEAD = Set.of("if", "while", "for", "with");

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    /** Brace depth at each open {@code ${}}, innermost first. */
    private final Deque<Integer> templates = new ArrayDeque<>();
    /** For each open parenthesis, innermost first: whether it opens a statement's head, as in {@code if (}. */
    private final Deque<Boolean> parens = new ArrayDeque<>();

    /** Whether the last {@code )} closed a statement's head; read only while that {@code )} is the last token. */
    private boolean closedStatementHead;

    private int at;
    private int braces;
    private boolean lineBefore;

    private ScriptTokens(String src) {
        this.src = src;
    }

    static List<Token> of(String src) {
        ScriptTokens lexer = new ScriptTokens(src);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        if (src.startsWith("#!")) {
            at = lineEnd(0);
        }
        while (skipSpaceAndComments()) {
            char c = src.charAt(at);
            int start = at;
            if (c == '\'' || c == '"') {
                at = quoted(at);
                add(Kind.STRING, start);
            } else if (c == '`') {
                template(start + 1, start);
            } else if (c == '}' && !templates.isEmpty() && templates.peek() == braces) {
                templates.pop();
                template(start + 1, start);
            } else if (isWordStart(c) || c == '.' && isDigit(charAt(at + 1))) {
                at = wordEnd(at);
                add(Kind.WORD, start);
            } else if (c == '/' && regexMayStart()) {
                int end = regexEnd(at);
                if (end < 0) {
                    punctuator();
                } else {
                    at = end;
                    add(Kind.REGEX, start);
                }
            } else {
                punctuator();
            }
        }
    }

    /** Skips what is not a token; false at the end. Notes a line break on the way. */
    private boolean skipSpaceAndComments() {
        while (at < src.length()) {
            char c = src.charAt(at);
            if (isLineBreak(c)) {
                lineBefore = true;
                at++;
            } else if (Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff') {
                at++;
            } else if (c == '/' && charAt(at + 1) == '/') {
                at = lineEnd(at);
            } else if (c == '/' && charAt(at + 1) == '*') {
                int close = src.indexOf("*/", at + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed comment at " + at);
                }
                for (int i = at + 2; i < close; i++) {
                    lineBefore |= isLineBreak(src.charAt(i));
                }
                at = close + 2;
            } else {
                return true;
            }
        }
        return false;
    }

    private void punctuator() {
        int start = at;
        String text = PUNCTUATORS.stream()
                .filter(p -> src.startsWith(p, start))
                .findFirst()
                .orElse(src.substring(start, start + 1));
        if (text.equals("?.") && isDigit(charAt(start + 2))) {
            text = "?"; // a ? .5 : b
        }
        at = start + text.length();
        if (text.equals("{")) {
            braces++;
        } else if (text.equals("}")) {
            braces--;
        } else if (text.equals("(")) {
            parens.push(opensStatementHead());
        } else if (text.equals(")")) {
            closedStatementHead = !parens.isEmpty() && parens.pop();
        }
        add(Kind.PUNCT, start);
    }

    /** A template literal's text from {@code from}, to its closing backtick or to a {@code ${} that opens code. */
    private void template(int from, int start) {
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '`') {
                at = i + 1;
                add(Kind.TEMPLATE_END, start);
                return;
            } else if (c == '$' && charAt(i + 1) == '{') {
                at = i + 2;
                templates.push(braces);
                add(Kind.TEMPLATE_HEAD, start);
                return;
            }
        }
        throw new IllegalArgumentException("unclosed template literal at " + start);
    }

    private int quoted(int start) {
        char quote = src.charAt(start);
        for (int i = start + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                break;
            }
        }
        throw new IllegalArgumentException("unclosed string at " + start);
    }

    /**
     * Whether a slash here opens a regular expression: at the start, after an operator or an opening bracket,
     * after {@code }} (a block's end: a statement may follow), or after a keyword that an expression follows. After
     * {@code )} it is division, as in {@code (a + b) / 2}; a regular expression there ({@code if (x) /a  b/.test(s)})
     * would lose a space of its pattern. The client has none: its served tokens equal the source's as acorn reads
     * them (bench/RESULTS.md, w15-client).
     */
    private boolean regexMayStart() {
        if (tokens.isEmpty()) {
            return true;
        }
        Token last = tokens.get(tokens.size() - 1);
        return switch (last.kind()) {
            case PUNCT ->
                last.text().equals(")") ? closedStatementHead : !last.text().equals("]");
            case WORD -> BEFORE_EXPRESSION.contains(last.text());
            case TEMPLATE_HEAD -> true;
            default -> false;
        };
    }

    /** Whether a {@code (} here opens the head of {@code if}, {@code while}, {@code for}, {@code for await} or {@code with}. */
    private boolean opensStatementHead() {
        int last = tokens.size() - 1;
        if (last < 0 || tokens.get(last).kind() != Kind.WORD) {
            return false;
        }
        String word = tokens.get(last).text();
        if (word.equals("await") && last > 0) {
            word = tokens.get(last - 1).text();
            return word.equals("for") && tokens.get(last - 1).kind() == Kind.WORD;
        }
        return BEFORE_STATEMENT_HEAD.contains(word);
    }

    /** The end of a regular expression (flags included) that starts at {@code start}, or -1 if none ends on its line. */
    private int regexEnd(int start) {
        boolean inClass = false;
        for (int i = start + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (isLineBreak(c)) {
                return -1;
            } else if (c == '\\') {
                i++;
                if (i < src.length() && isLineBreak(src.charAt(i))) {
                    return -1;
                }
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                return wordEnd(i + 1);
            }
        }
        return -1;
    }

    /** The end of a name or number: word characters, and for a number its dots and exponent sign. */
    private int wordEnd(int start) {
        boolean number = isDigit(charAt(start)) || charAt(start) == '.';
        boolean radix = number && src.startsWith("0", start) && "xXbBoO".indexOf(charAt(start + 1)) >= 0;
        int i = start;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (isWordPart(c) || number && c == '.') {
                i++;
            } else if (number && !radix && (c == '+' || c == '-') && "eE".indexOf(src.charAt(i - 1)) >= 0) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private void add(Kind kind, int start) {
        tokens.add(new Token(kind, src.substring(start, at), lineBefore));
        lineBefore = false;
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < src.length() && !isLineBreak(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private char charAt(int i) {
        return i < src.length() ? src.charAt(i) : '\0';
    }

    static boolean isWordPart(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || isDigit(c)
                || c == '_'
                || c == '$'
                || c == '\\'
                || c == '#'
                || c >= 0x80 && !isLineBreak(c) && !Character.isWhitespace(c) && c != '\u00a0';
    }

    private static boolean isWordStart(char c) {
        return isWordPart(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }
}
