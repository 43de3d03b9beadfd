package org.arshif.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreeMarker's render errors reworded where its own words name no fix a template author can make: a setting no
 * template can change, or a missing template without where names are looked up.
 */
final class TemplateMessages {
    private static final String API_REFUSED = "Can't use ?api";
    private static final Pattern NOT_FOUND = Pattern.compile(
            "Template (inclusion|importing) failed \\(for parameter value \"([^\"]*)\"\\): Template not found for name"
                    + " \"([^\"]*)\".*");

    private TemplateMessages() {}

    /** The message a finding shows for FreeMarker's {@code message} (its first line). */
    static String plain(String message) {
        if (message.startsWith(API_REFUSED)) {
            return "?api is not available in templates (the sandbox refuses it); read the value's fields as the page"
                    + " gives them, e.g. ${article.title}";
        }
        Matcher m = NOT_FOUND.matcher(message);
        if (m.matches()) {
            String directive =
                    "<" + (m.group(1).equals("inclusion") ? "#include" : "#import") + " \"" + m.group(2) + "\">: ";
            if (m.group(2).contains("..")) {
                return directive + "a template name cannot leave templates/; name a file under templates/ or one of"
                        + " the built-in theme's";
            }
            return directive + "no template " + m.group(3) + " in templates/ or in the built-in theme; a name is read"
                    + " from templates/ (with or without a leading /): correct it, or add the file";
        }
        return message;
    }
}
