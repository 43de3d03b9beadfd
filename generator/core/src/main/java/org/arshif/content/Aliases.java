package org.arshif.content;

import java.util.ArrayList;
import java.util.List;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/** Hugo's {@code aliases}: old URLs of a dispatch, each a redirect page, checked as paths of this site. */
final class Aliases {
    static final int MAX_ALIASES = 100;

    private Aliases() {}

    /** The aliases, each a path on this site; each bad one is reported at its list item. */
    static List<String> read(String path, YFields fm, Diagnostics d) {
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
            String problem = aliasProblem(alias);
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
