package dev.dynlat.operators.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text files users hand to dynlat (profiles, schedules, dynamic configs, network
 * specs): one place, so that every loader reports a missing file (with the operating system's
 * reason), a directory, an unreadable file, an oversized file or bytes that are not UTF-8 in the
 * same one-line form, naming the option and the path.
 */
public final class InputFiles {
    /** Largest input accepted, in bytes; larger files are refused rather than read into memory. */
    public static final long MAX_BYTES = InputBounds.FILE_BYTES;

    private InputFiles() {
    }

    /**
     * The whole file as text, without a leading byte-order mark.
     *
     * @param option the option or field that named the file, e.g. {@code --config}
     * @throws InputFileException with a one-line message when the file cannot be used
     */
    public static String readUtf8(String option, Path path) {
        if (Files.isDirectory(path)) {
            throw new InputFileException(option, path, "it is a directory, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InputFileException(option, path, reason(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InputFileException(option, path, "larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        String text = Utf8Text.decode(option, path, bytes, 0, bytes.length, 0, 1);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The operating system's reason, without Java's exception class names. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(Locale.ROOT);
        }
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ').replace('\r', ' ');
    }
}
