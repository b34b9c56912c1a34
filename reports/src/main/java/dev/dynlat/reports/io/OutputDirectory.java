package dev.dynlat.reports.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks a directory that a command will fill with several files (a calibration report), before
 * any work starts: an existing path must be a writable directory, a missing one must be creatable
 * (its nearest existing ancestor a writable directory), and neither may lie under {@code /proc} or
 * {@code /sys}. The files inside are then written through an {@link OutputSet}.
 */
public final class OutputDirectory {
    private OutputDirectory() {
    }

    /**
     * @return the directory as an absolute path, symlinks of its existing part resolved
     * @throws OutputPathException with a one-line message naming the option and the path
     */
    public static Path check(String option, Path dir) {
        return check(option, dir, dir);
    }

    /**
     * As {@link #check(String, Path)}, naming {@code named} in messages (the file to be written in
     * {@code dir} or below it).
     */
    public static Path check(String option, Path dir, Path named) {
        Objects.requireNonNull(option, "option");
        Path abs = dir.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new OutputPathException(option, named, "no part of the path exists");
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw new OutputPathException(option, named, OutputTarget.reason(e));
        }
        Path resolved = real.resolve(existing.relativize(abs));
        for (String tree : new String[] {"/proc", "/sys", "/dev"}) {
            if (resolved.startsWith(tree)) {
                throw new OutputPathException(option, named, "it is under " + tree + ", not a place for files");
            }
        }
        if (!Files.isDirectory(real)) {
            throw new OutputPathException(option, named, existing.equals(abs) && named == dir ? "it is a file, not a directory"
                    : "'" + existing + "' is a file, not a directory");
        }
        if (!Files.isWritable(real)) {
            throw new OutputPathException(option, named, existing.equals(abs) && named == dir ? "the directory is not writable"
                    : "directory '" + existing + "' is not writable");
        }
        return resolved;
    }
}
