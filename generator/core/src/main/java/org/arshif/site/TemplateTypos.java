package org.arshif.site;

import freemarker.core.InvalidReferenceException;
import freemarker.template.TemplateException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.arshif.internal.Suggestions;

/**
 * "Did you mean …?" for a template that reads a name the view models do not have: {@code ${article.titel}} is
 * {@code ${article.title}} misspelt, where Freemarker only says the value is missing. The names are those of the
 * page's data model and every record component reachable from it; a name that exists but is null this time (an
 * article with no {@code next}) gets no suggestion, since the fix there is a default ({@code !}) or a test
 * ({@code ??}).
 */
final class TemplateTypos {
    /** A dotted name as Freemarker blames it: {@code article.next.hreff}; anything else gets no suggestion. */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private TemplateTypos() {}

    /**
     * What to do about a missing value, as a clause to end the finding: the name corrected when it is a near miss of
     * a known one; for a known name, how a template allows for its absence; for a page-level name like none of the
     * page's, the names it has; empty otherwise.
     */
    static Optional<String> hint(TemplateException e, Map<String, Object> model) {
        if (!(e instanceof InvalidReferenceException) || e.getBlamedExpressionString() == null) {
            return Optional.empty();
        }
        String blamed = e.getBlamedExpressionString().strip();
        if (!DOTTED.matcher(blamed).matches()) {
            return Optional.empty();
        }
        int dot = blamed.lastIndexOf('.');
        String name = blamed.substring(dot + 1);
        Collection<String> known = dot < 0 ? new TreeSet<>(model.keySet()) : componentNames(model.values());
        if (known.contains(name)) {
            return Optional.of("; it has no value on this page: test it first with <#if " + blamed + "??>, or put"
                    + " the whole expression in ( )! for an empty default");
        }
        Optional<String> nearMiss = Suggestions.closest(name, known)
                .map(fix -> "; did you mean '" + blamed.substring(0, dot + 1) + fix + "'?");
        if (nearMiss.isPresent() || dot >= 0 || known.isEmpty()) {
            return nearMiss;
        }
        // a name like no other: the page's own names are the whole choice, and few (a dozen or so)
        return Optional.of("; this page has no such name: its names are " + String.join(", ", known));
    }

    /** Every component name of the records the model's values hold, through lists, maps and optionals. */
    private static Set<String> componentNames(Collection<Object> roots) {
        Set<String> names = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Type> todo = new ArrayDeque<>();
        for (Object root : roots) {
            if (root != null) {
                todo.add(root.getClass());
            }
        }
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType p) {
                todo.addAll(List.of(p.getActualTypeArguments()));
            } else if (type instanceof Class<?> c && c.isRecord() && seen.add(c)) {
                for (RecordComponent part : c.getRecordComponents()) {
                    names.add(part.getName());
                    todo.add(part.getGenericType());
                }
            }
        }
        return names;
    }
}
