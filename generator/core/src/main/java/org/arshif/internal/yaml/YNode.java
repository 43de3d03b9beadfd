package org.arshif.internal.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** A YAML value with the position it came from, so that type errors can point at the exact line and column. */
public sealed interface YNode permits YNode.Scalar, YNode.Seq, YNode.Map {

    int line();

    int column();

    /** The plain Java value: String, Long, Double, Boolean, null, List or Map (insertion-ordered). */
    Object toJava();

    /** A short name for the kind of value, for error messages. */
    String kindName();

    enum ScalarKind {
        STRING,
        INT,
        FLOAT,
        BOOL,
        NULL
    }

    record Scalar(String text, ScalarKind kind, int line, int column) implements YNode {
        @Override
        public Object toJava() {
            return switch (kind) {
                case STRING -> text;
                case INT -> parseLong();
                case FLOAT -> parseDouble();
                case BOOL -> Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
                case NULL -> null;
            };
        }

        private Object parseLong() {
            try {
                return Long.decode(text.replace("_", ""));
            } catch (NumberFormatException e) {
                return text;
            }
        }

        /** YAML's {@code .inf} and {@code .nan}, and numbers past a double, are kept as written, like huge integers. */
        private Object parseDouble() {
            try {
                double d = Double.parseDouble(text.replace("_", ""));
                return Double.isFinite(d) ? d : text;
            } catch (NumberFormatException e) {
                return text;
            }
        }

        @Override
        public String kindName() {
            return switch (kind) {
                case STRING -> "a string";
                case INT -> "a number";
                case FLOAT -> "a number";
                case BOOL -> "true/false";
                case NULL -> "empty";
            };
        }
    }

    record Seq(List<YNode> items, int line, int column) implements YNode {
        @Override
        public Object toJava() {
            List<Object> out = new ArrayList<>(items.size());
            for (YNode item : items) {
                out.add(item.toJava());
            }
            return out;
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }

    /** A mapping with string keys; {@code keys} keeps the key nodes for positions. */
    record Map(java.util.Map<String, YNode> entries, java.util.Map<String, Scalar> keys, int line, int column)
            implements YNode {
        @Override
        public Object toJava() {
            java.util.Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, v) -> out.put(k, v.toJava()));
            return out;
        }

        @Override
        public String kindName() {
            return "a mapping";
        }
    }
}
