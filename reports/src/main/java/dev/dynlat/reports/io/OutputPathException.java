package dev.dynlat.reports.io;

/**
 * An output path that cannot be used, found before any work starts. The message is one line:
 * {@code <option>: cannot write '<path>': <reason>}. It is an {@link IllegalArgumentException}
 * because the path is user input: a CLI reports it as bad input (exit code 2).
 */
public final class OutputPathException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OutputPathException(String option, Object path, String reason) {
        super(option + ": cannot write '" + path + "': " + reason);
    }
}
