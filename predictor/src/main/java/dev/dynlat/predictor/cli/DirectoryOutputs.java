package dev.dynlat.predictor.cli;

import dev.dynlat.reports.io.OutputBody;
import dev.dynlat.reports.io.OutputDirectory;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several files written into one directory as one {@link OutputSet}: every file is prepared
 * beside its target first and all are renamed into place only when every one was written, so a
 * full disk or an I/O error leaves the earlier files of the directory exactly as they were (and
 * the set's temporary files are removed, on a signal too). A directory that did not exist is
 * created for the set and removed again when the set fails.
 */
final class DirectoryOutputs {
    private DirectoryOutputs() {
    }

    /**
     * Checks {@code dir} (the value of {@code option}) before any work: a writable directory, or a
     * missing one whose nearest existing ancestor is.
     *
     * @throws dev.dynlat.reports.io.OutputPathException with a one-line message
     */
    static Path check(String option, Path dir) {
        return OutputDirectory.check(option, dir);
    }

    /**
     * Writes {@code files} (file name → content, in order) into {@code dir}, all or nothing.
     *
     * @return the paths written, in order
     * @throws IOException a one-line {@link OutputSet.OutputWriteException} naming the option and file
     */
    static List<Path> write(String option, Path dir, Map<String, OutputBody> files) throws IOException {
        Path checked = check(option, dir);
        List<Path> created = new ArrayList<>();
        for (Path p = checked; p != null && !Files.exists(p); p = p.getParent()) {
            created.add(0, p);
        }
        boolean done = false;
        try {
            Files.createDirectories(checked);
            List<Path> written = new ArrayList<>();
            try (OutputSet set = new OutputSet()) {
                List<OutputTarget> targets = new ArrayList<>();
                for (String name : files.keySet()) {
                    Path p = dir.resolve(name);
                    targets.add(set.add(option, p));
                    written.add(p);
                }
                int i = 0;
                for (OutputBody body : files.values()) {
                    set.prepare(targets.get(i++), body);
                }
                set.commit(bytes -> {
                    throw new IOException("no file of a directory goes to standard output");
                });
            }
            done = true;
            return written;
        } catch (java.nio.file.FileSystemException e) {
            throw new OutputSet.OutputWriteException(option + ": cannot write '" + dir + "': "
                    + (e.getReason() == null ? e.getMessage() : e.getReason().toLowerCase(java.util.Locale.ROOT)), e);
        } finally {
            if (!done) {
                // Only directories this call created, deepest first, and only while empty.
                for (int k = created.size() - 1; k >= 0; k--) {
                    try {
                        Files.deleteIfExists(created.get(k));
                    } catch (IOException notEmpty) {
                        break;
                    }
                }
            }
        }
    }
}
