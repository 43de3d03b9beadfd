package org.arshif.check;

import org.arshif.diag.Diagnostic;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…::message}), so that a pull request shows
 * each finding on its line. Printed by the adapters only when {@code GITHUB_ACTIONS=true}.
 */
public final class Annotations {
    private Annotations() {}

    /**
     * @param filePrefix prepended to the finding's path so that it is relative to the repository root (the site
     *                   may sit in a sub-folder); empty or ending with {@code /}
     */
    public static String github(Diagnostic d, String filePrefix) {
        StringBuilder sb = new StringBuilder("::").append(d.severity().label());
        String sep = " ";
        if (!d.path().isEmpty()) {
            sb.append(sep).append("file=").append(property(filePrefix + d.path()));
            sep = ",";
            if (d.line() > 0) {
                sb.append(",line=").append(d.line());
                if (d.column() > 0) {
                    sb.append(",col=").append(d.column());
                }
            }
        }
        sb.append(sep).append("title=arshif");
        return sb.append("::").append(data(d.message())).toString();
    }

    // The escaping of the runner's own toolkit (@actions/core): data escapes %, CR, LF; properties also : and ,.
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
