package org.arshif.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * Drops the JSDoc blocks of the search client that stand on lines of their own: its types and documentation,
 * about a third of its bytes, which the browser never needs. Only whole-line blocks go: a block with code after
 * its end on the same line ({@code /** @type {X} *}{@code / (expr)}) stays, and so does anything inside a
 * template literal that spans lines. Line comments stay, {@code // @ts-check} among them.
 */
final class DocComments {
    private DocComments() {}

    static byte[] strip(byte[] script) {
        String[] lines = new String(script, StandardCharsets.UTF_8).split("\n", -1);
        StringBuilder out = new StringBuilder(script.length);
        StringBuilder block = new StringBuilder();
        boolean inBlock = false;
        boolean inTemplate = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String end = i < lines.length - 1 ? "\n" : "";
            boolean opening = !inBlock && !inTemplate && line.strip().startsWith("/**");
            inBlock |= opening;
            if (inBlock) {
                block.append(line).append(end);
                int close = line.indexOf("*/", opening ? line.indexOf("/**") + 3 : 0);
                if (close >= 0) {
                    inBlock = false;
                    if (!line.substring(close + 2).isBlank()) {
                        out.append(block); // code follows the comment: keep it all
                    }
                    block.setLength(0);
                }
                continue;
            }
            if (backticks(line) % 2 == 1) {
                inTemplate = !inTemplate;
            }
            out.append(line).append(end);
        }
        out.append(block); // an unclosed block is not ours to judge
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int backticks(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '`' && (i == 0 || line.charAt(i - 1) != '\\')) {
                n++;
            }
        }
        return n;
    }
}
