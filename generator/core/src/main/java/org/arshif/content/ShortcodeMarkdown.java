package org.arshif.content;

/** The Markdown that Hugo's {@code figure} and embed shortcodes stand for. Stateless. */
final class ShortcodeMarkdown {
    private ShortcodeMarkdown() {}

    /**
     * {@code figure} as an image: its alt text (or else its caption, or title) as the image's text, its caption (or
     * title) as the image's title, inside a link when it has one; null without a {@code src}.
     */
    static String figure(HugoShortcodes.Shortcode code) {
        String src = code.params().get("src");
        if (src == null || src.isBlank()) {
            return null;
        }
        String caption = firstOf(code.params().get("caption"), code.params().get("title"));
        String alt = firstOf(code.params().get("alt"), caption);
        String image = "![" + bracketText(alt) + "](" + destination(src)
                + (caption.isEmpty()
                        ? ""
                        : " \"" + caption.replace("\\", "\\\\").replace("\"", "\\\"") + "\"") + ")";
        String link = code.params().get("link");
        return link == null || link.isBlank() ? image : "[" + image + "](" + destination(link) + ")";
    }

    /** An embed as a link to what it showed; empty when its id is missing or not an id. */
    static String embedLink(HugoShortcodes.Shortcode code) {
        String id = code.param("id", code.name().equals("gist") ? 1 : 0);
        String user = code.name().equals("gist")
                ? code.param("user", 0)
                : code.params().get("user");
        if (!isId(id) || user != null && !isId(user)) {
            return "";
        }
        String url = switch (code.name()) {
            case "youtube" -> "https://www.youtube.com/watch?v=" + id;
            case "vimeo" -> "https://vimeo.com/" + id;
            case "instagram" -> "https://www.instagram.com/p/" + id + "/";
            case "gist" -> user == null ? "" : "https://gist.github.com/" + user + "/" + id;
            default -> "https://x.com/" + (user == null ? "i" : user) + "/status/" + id;
        };
        if (url.isEmpty()) {
            return "";
        }
        String title = code.params().get("title");
        return title == null || title.isBlank() ? "<" + url + ">" : "[" + bracketText(title) + "](" + url + ")";
    }

    private static boolean isId(String s) {
        return s != null && s.matches("[A-Za-z0-9_.-]{1,200}");
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b.strip() : "";
    }

    /** Text inside [ ]: brackets and backslashes escaped, line breaks as spaces. */
    private static String bracketText(String s) {
        return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replaceAll("\\s+", " ");
    }

    /** A link destination; in angle brackets when it holds spaces or parentheses. */
    private static String destination(String url) {
        String u = url.strip();
        if (u.chars().anyMatch(c -> c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\n')) {
            return "<" + u.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">";
        }
        return u;
    }
}
