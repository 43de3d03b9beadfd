package org.arshif.content;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/** Hugo's {@code aliases}: old URLs of a dispatch, each a redirect page, checked as paths of this site. */
final class Aliases {
    static final int MAX_ALIASES = 100;

    private Aliases() {}

    /**
     * The aliases, each a path on this site; each bad one is reported at its list item. One without a leading
     * {@code /} ({@code old-url}, {@code ../x}) is resolved as Hugo resolves it: from the folder of the page's URL,
     * the URL Hugo gave it ({@link #hugoUrl}, or its {@code url}), not Arshif's dated one, since the alias keeps an
     * address of the site the archive comes from ({@code content/en/news/story.md} → {@code /en/news/old-url/}).
     *
     * @param permalink the page's URL as Hugo gave it, asked for only when an alias is relative
     */
    static List<String> read(String path, YFields fm, Supplier<String> permalink, Diagnostics d) {
        List<String> aliases = new ArrayList<>();
        List<String> written = fm.stringList("aliases").orElse(List.of());
        int[] key = fm.position("aliases");
        if (written.size() > MAX_ALIASES) {
            d.error(
                    path,
                    key[0],
                    key[1],
                    "the dispatch has " + written.size() + " aliases, more than the "
                            + MAX_ALIASES
                            + " allowed; each alias is a redirect page, so keep the old URLs that are still"
                            + " linked");
            return List.of();
        }
        YNode node = fm.get("aliases").orElse(null);
        for (int i = 0; i < written.size(); i++) {
            String alias = written.get(i);
            String problem = relativeProblem(alias);
            if (problem == null && isRelative(alias)) {
                String resolved = resolve(permalink.get(), alias.strip());
                problem = resolved == null
                        ? "climbs above the site's root from this dispatch's folder; write it from the site root,"
                                + " like /old/path/"
                        : aliasProblem(resolved);
                alias = resolved == null ? alias : resolved;
            } else if (problem == null) {
                problem = aliasProblem(alias);
            }
            // Point at the list item when the aliases are a list, else at the key.
            int[] p = key;
            if (node instanceof YNode.Seq seq && seq.items().size() == written.size()) {
                p = new int[] {seq.items().get(i).line(), seq.items().get(i).column()};
            }
            if (problem != null) {
                d.error(path, p[0], p[1], "alias '" + alias + "' " + problem);
            } else if (aliases.contains(normalizeAlias(alias))) {
                // Else the URL check named this dispatch as another one with the same URL.
                d.warning(
                        path,
                        p[0],
                        p[1],
                        "alias '" + alias + "' is listed twice in this dispatch's aliases;" + " delete this one");
            } else {
                aliases.add(normalizeAlias(alias));
            }
        }
        return aliases;
    }

    /**
     * The URL Hugo's default permalinks give the file {@code path} ({@code content/en/news/story.md} → {@code
     * /en/news/story/}; a bundle's {@code index.md} its folder's), under the language's folder as a multilingual
     * Hugo site's are; a one-language site's without it ({@code /news/story/}): such a site's content had no language
     * folder until it was moved into Arshif's {@code content/en/}, and Hugo wrote no {@code /en/}.
     *
     * @param multilingual whether the site has more than one language
     */
    static String hugoUrl(String path, String lang, boolean multilingual) {
        String p = path.startsWith("content/") ? path.substring("content/".length()) : path;
        int dot = p.lastIndexOf('.');
        p = dot > p.lastIndexOf('/') ? p.substring(0, dot) : p;
        p = p.replaceFirst("\\.[a-z]{2,3}$", "").replaceFirst("(^|/)_?index$", "");
        boolean inFolder = p.equals(lang) || p.startsWith(lang + "/");
        if (!multilingual) {
            p = inFolder ? p.substring(lang.length()).replaceFirst("^/", "") : p;
        } else if (!inFolder) {
            p = lang + "/" + p;
        }
        return p.isEmpty() ? "/" : "/" + p + "/";
    }

    private static boolean isRelative(String alias) {
        String a = alias.strip();
        return !a.isEmpty() && !a.startsWith("/") && !a.contains("://") && !a.contains("\\");
    }

    /** What is wrong with a relative alias before it is resolved; null when nothing (or when it is not relative). */
    private static String relativeProblem(String alias) {
        String a = alias.strip();
        return isRelative(a) && (a.contains("?") || a.contains("#") || a.contains(":"))
                ? "contains '?', '#' or ':'; an alias is a path on this site, like /old/path/, or old-path from this"
                        + " dispatch's folder"
                : null;
    }

    /**
     * {@code alias} from the folder of {@code permalink} ({@code /en/news/story/} → {@code /en/news/}), its {@code .}
     * and {@code ..} segments taken; null when it climbs above the root.
     */
    static String resolve(String permalink, String alias) {
        Deque<String> segments = new ArrayDeque<>();
        for (String s : permalink.split("/")) {
            if (!s.isEmpty()) {
                segments.addLast(s);
            }
        }
        segments.pollLast(); // the page's own segment: Hugo resolves from the level of its folder
        for (String s : alias.split("/")) {
            if (s.equals("..")) {
                if (segments.pollLast() == null) {
                    return null;
                }
            } else if (!s.isEmpty() && !s.equals(".")) {
                segments.addLast(s);
            }
        }
        String joined = "/" + String.join("/", segments);
        return alias.endsWith("/") && !joined.endsWith("/") ? joined + "/" : joined;
    }

    static String aliasProblem(String alias) {
        String a = alias.strip();
        String example = "; an alias is a path on this site, like /old/path/";
        if (a.isEmpty()) {
            return "is empty";
        }
        if (a.contains("://") || a.startsWith("//")) {
            return "is a full URL" + example;
        }
        if (!a.startsWith("/")) {
            return "does not start with '/'" + example + " (written from the site root)";
        }
        if (a.contains("\\") || a.contains("?") || a.contains("#") || a.contains(":")) {
            return "contains '\\', '?', '#' or ':'" + example;
        }
        for (String segment : a.substring(1).split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return "would leave the site folder ('..' or '.' segments); write it from the site root, like /old/path/";
            }
            if (segment.codePoints().anyMatch(cp -> cp < 0x20 || cp == 0x7F || Slugs.isInvisible(cp))) {
                return "contains a control or invisible character" + example;
            }
            String problem = Slugs.segmentProblem(segment);
            if (problem != null) {
                return "has the segment '" + segment + "', which " + problem;
            }
        }
        return null;
    }

    static String normalizeAlias(String alias) {
        String a = alias.strip();
        if (!a.endsWith("/") && !a.endsWith(".html")) {
            a = a + "/";
        }
        return a.replaceAll("/{2,}", "/");
    }
}
