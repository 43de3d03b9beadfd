package org.arshif.content;

/** Minimal HTML text escaping for text that is never markup. */
public final class Html {
    private Html() {}

    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        escape(text, sb);
        return sb.toString();
    }

    /** Escapes {@code & < > "}; a line break inside a paragraph becomes {@code <br>}. */
    public static void escape(String text, StringBuilder sb) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("<br>\n");
                default -> sb.append(c);
            }
        }
    }
}
