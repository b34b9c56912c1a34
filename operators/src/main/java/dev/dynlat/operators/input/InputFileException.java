package dev.dynlat.operators.input;

/**
 * An input file that cannot be read: missing, a directory, unreadable, too large or not UTF-8.
 * The message is one line, {@code <option>: cannot read '<path>': <reason>}; it is an
 * {@link IllegalArgumentException} because the path is user input (a CLI exits with code 2).
 */
public final class InputFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InputFileException(String option, Object path, String reason) {
        super(option + ": cannot read '" + path + "': " + reason);
    }
}
