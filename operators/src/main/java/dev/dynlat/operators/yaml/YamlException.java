package dev.dynlat.operators.yaml;

import java.util.List;

/**
 * One or more problems in a YAML input, each already formatted as {@code file:line path: message}.
 * The message of the exception is the problems joined by newlines, so a CLI can print it as is.
 */
public final class YamlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public YamlException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
