package dev.dynlat.operators.yaml;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one input so that users see them all at once. */
public final class YamlProblems {
    private final String source;
    private final List<String> problems = new ArrayList<>();

    public YamlProblems(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** Records a problem at a node: {@code source:line path: message}. */
    public void add(YamlNode at, String message) {
        add(at.line(), at.path(), message);
    }

    public void add(int line, String path, String message) {
        problems.add(source + ":" + line + " " + (path.isEmpty() ? "(document)" : path) + ": " + message);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws a {@link YamlException} listing every problem, if there are any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new YamlException(problems);
        }
    }
}
