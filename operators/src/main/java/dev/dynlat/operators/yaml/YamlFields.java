package dev.dynlat.operators.yaml;

import dev.dynlat.operators.input.DecimalText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, validating access to the keys of one YAML mapping. Every read records a problem instead
 * of throwing, so a loader can report all problems of a file at once; {@link #finish()} rejects
 * keys that nobody asked for (typos must not be silently ignored).
 */
public final class YamlFields {
    private final YamlNode.Mapping mapping;
    private final YamlProblems problems;
    private final Set<String> known = new HashSet<>();

    private YamlFields(YamlNode.Mapping mapping, YamlProblems problems) {
        this.mapping = mapping;
        this.problems = problems;
    }

    /** Starts reading {@code node}, which must be a mapping; otherwise records a problem. */
    public static Optional<YamlFields> of(YamlNode node, YamlProblems problems) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(new YamlFields(m, problems));
        }
        problems.add(node, "expected a mapping of keys to values, found " + node.kindName());
        return Optional.empty();
    }

    public YamlNode.Mapping node() {
        return mapping;
    }

    public boolean has(String key) {
        known.add(key);
        YamlNode n = mapping.entries().get(key);
        return n != null && !(n instanceof YamlNode.Scalar s && s.text() == null);
    }

    /** The raw child node, recording "missing" when required and absent. */
    public Optional<YamlNode> node(String key, boolean required) {
        known.add(key);
        YamlNode n = mapping.entries().get(key);
        if (n == null || (n instanceof YamlNode.Scalar s && s.text() == null)) {
            if (required) {
                problems.add(mapping.line(), childPath(key), "missing required key '" + key + "'");
            }
            return Optional.empty();
        }
        return Optional.of(n);
    }

    public Optional<String> string(String key, boolean required) {
        return node(key, required).flatMap(n -> {
            if (n instanceof YamlNode.Scalar s) {
                return Optional.of(s.text());
            }
            problems.add(n, "expected a text value, found " + n.kindName());
            return Optional.empty();
        });
    }

    public Optional<Double> number(String key, boolean required, double min, double max) {
        return node(key, required).flatMap(n -> toNumber(n, min, max, problems));
    }

    public Optional<Integer> integer(String key, boolean required, int min, int max) {
        return node(key, required).flatMap(n -> toInteger(n, min, max, problems));
    }

    public Optional<Boolean> bool(String key, boolean required) {
        return node(key, required).flatMap(n -> {
            if (n instanceof YamlNode.Scalar s && !s.quoted()) {
                String t = s.text().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return Optional.of(Boolean.parseBoolean(t));
                }
            }
            problems.add(n, "expected true or false, found " + describe(n));
            return Optional.empty();
        });
    }

    /** A value from a closed set of names; the message lists the allowed names. */
    public <E extends Enum<E>> Optional<E> choice(String key, boolean required, Class<E> type) {
        return string(key, required).flatMap(text -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(text.replace('-', '_'))) {
                    return Optional.of(e);
                }
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            problems.add(mapping.entries().get(key), "unknown value '" + text + "'; expected one of "
                    + String.join(", ", names));
            return Optional.empty();
        });
    }

    public Optional<YamlFields> mapping(String key, boolean required) {
        return node(key, required).flatMap(n -> of(n, problems));
    }

    public Optional<YamlNode.Sequence> sequence(String key, boolean required) {
        return node(key, required).flatMap(n -> {
            if (n instanceof YamlNode.Sequence s) {
                return Optional.of(s);
            }
            problems.add(n, "expected a list, found " + n.kindName());
            return Optional.empty();
        });
    }

    /** Rejects every key that was not read; call after all reads. */
    public void finish() {
        Set<String> unknown = new TreeSet<>(mapping.entries().keySet());
        unknown.removeAll(known);
        for (String key : mapping.entries().keySet()) {
            if (unknown.contains(key)) {
                problems.add(mapping.keyLines().get(key), childPath(key), "unknown key '" + key
                        + "'; expected one of " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    public YamlProblems problems() {
        return problems;
    }

    private String childPath(String key) {
        return mapping.path().isEmpty() ? key : mapping.path() + "." + key;
    }

    /** Converts a scalar to a finite number within [min, max], recording a problem otherwise. */
    public static Optional<Double> toNumber(YamlNode n, double min, double max, YamlProblems problems) {
        if (!(n instanceof YamlNode.Scalar s) || s.quoted() || s.text() == null) {
            problems.add(n, "expected a number, found " + describe(n));
            return Optional.empty();
        }
        double v;
        try {
            v = DecimalText.parse(s.text());
        } catch (IllegalArgumentException e) {
            problems.add(n, "expected a number, found '" + s.text() + "'");
            return Optional.empty();
        }
        if (!Double.isFinite(v)) {
            problems.add(n, "expected a finite number, found " + s.text());
            return Optional.empty();
        }
        if (v < min || v > max) {
            problems.add(n, "value " + s.text() + " is out of range " + range(min, max));
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** Converts a scalar to an integer within [min, max], recording a problem otherwise. */
    public static Optional<Integer> toInteger(YamlNode n, int min, int max, YamlProblems problems) {
        if (!(n instanceof YamlNode.Scalar s) || s.quoted() || s.text() == null) {
            problems.add(n, "expected an integer, found " + describe(n));
            return Optional.empty();
        }
        int v;
        try {
            v = DecimalText.parseInt(s.text());
        } catch (IllegalArgumentException e) {
            problems.add(n, "expected an integer, found '" + s.text() + "'");
            return Optional.empty();
        }
        if (v < min || v > max) {
            problems.add(n, "value " + v + " is out of range " + range(min, max));
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static String range(double min, double max) {
        return "[" + fmt(min) + ", " + (max >= Integer.MAX_VALUE ? "∞" : fmt(max)) + "]";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String describe(YamlNode n) {
        if (n instanceof YamlNode.Scalar s) {
            return s.text() == null ? "null" : (s.quoted() ? "text '" + s.text() + "'" : "'" + s.text() + "'");
        }
        return n.kindName();
    }
}
