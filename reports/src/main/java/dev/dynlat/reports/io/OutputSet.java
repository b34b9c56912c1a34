package dev.dynlat.reports.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every output of one command, written all-or-nothing as far as a file system allows.
 *
 * <ol>
 *   <li>{@link #add} each output path before any work starts: it is checked at once
 *       ({@link OutputTarget}), and two options naming the same file are refused.</li>
 *   <li>{@link #prepare} each content: files go to a temporary file beside the target
 *       ({@code .dl-<random>.tmp}, short enough for any legal target name); streams and standard
 *       output are held in memory. Nothing visible has changed yet.</li>
 *   <li>{@link #commit}: streams are written first (a FIFO reader or a full device may fail), then
 *       the temporary files are renamed over their targets. A failure in any step before the renames
 *       leaves every existing file untouched.</li>
 * </ol>
 *
 * {@link #close()} deletes temporary files that were never committed, so a command that fails
 * (or throws) between prepare and commit leaves nothing behind; a shutdown hook, held from the
 * first temporary file to {@link #close()}, does the same when the JVM is stopped by a signal
 * (SIGTERM, SIGINT) in the middle of a prepare.
 */
public final class OutputSet implements AutoCloseable {
    /** Receives the bytes meant for standard output. */
    @FunctionalInterface
    public interface StandardOutput {
        void write(byte[] content) throws IOException;
    }

    private final List<OutputTarget> targets = new ArrayList<>();
    private final Map<OutputTarget, Path> temporaryFiles = new LinkedHashMap<>();
    private final Map<OutputTarget, byte[]> buffered = new LinkedHashMap<>();
    /** Temporary files on disk, from creation (before they are written) until moved or deleted. */
    private final Set<Path> onDisk = ConcurrentHashMap.newKeySet();
    private Thread onSignal;
    private boolean committed;

    /** A set with one output: {@link #add} then the usual steps. */
    public static OutputSet of(String option, Path path) {
        OutputSet set = new OutputSet();
        set.add(option, path);
        return set;
    }

    /**
     * Checks and registers an output.
     *
     * @throws OutputPathException if the path cannot be written or another option already names it
     */
    public OutputTarget add(String option, Path path) {
        OutputTarget t = OutputTarget.of(option, path);
        for (OutputTarget other : targets) {
            if (other.sameDestination(t)) {
                throw new OutputPathException(option, path, "the same file as " + other.option() + " '"
                        + other.path() + "'");
            }
        }
        targets.add(t);
        return t;
    }

    /**
     * Checks, writes and commits one output in one go, for library callers writing a single file:
     * missing parent directories are created (after checking that the nearest existing one is a
     * writable directory outside {@code /proc} and {@code /sys}).
     *
     * @throws IOException with a one-line message naming the path if it cannot be written (the
     *                     checks of {@link OutputTarget}) or writing fails; the target is then unchanged
     */
    public static void write(String option, Path path, OutputBody body) throws IOException {
        try {
            Path parent = path.toAbsolutePath().normalize().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(OutputDirectory.check(option, parent, path));
            }
            try (OutputSet set = of(option, path)) {
                set.prepare(set.only(), body);
                set.commit(bytes -> System.out.write(bytes));
            }
        } catch (OutputPathException e) {
            throw new OutputWriteException(e.getMessage(), new IOException(e.getMessage(), e));
        } catch (OutputWriteException e) {
            throw e;
        } catch (java.nio.file.FileSystemException e) {
            throw new OutputWriteException(option + ": cannot write '" + path + "': " + OutputTarget.reason(e), e);
        }
    }

    /** The registered outputs, in order. */
    public List<OutputTarget> targets() {
        return List.copyOf(targets);
    }

    /** The only registered output (for single-output callers). */
    public OutputTarget only() {
        if (targets.size() != 1) {
            throw new IllegalStateException("expected one output, have " + targets.size());
        }
        return targets.get(0);
    }

    /** Prepares UTF-8 text for {@code target}. */
    public void prepareText(OutputTarget target, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        prepare(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Produces the content of {@code target} without making it visible.
     *
     * @throws IOException with a one-line message naming the option and path when the temporary
     *     file cannot be written; exceptions of {@code body} propagate after its temporary file is
     *     removed
     */
    public void prepare(OutputTarget target, OutputBody body) throws IOException {
        Objects.requireNonNull(body, "body");
        if (!targets.contains(target)) {
            throw new IllegalArgumentException("not an output of this set: " + target);
        }
        if (committed || temporaryFiles.containsKey(target) || buffered.containsKey(target)) {
            throw new IllegalStateException("already prepared: " + target);
        }
        if (target.kind() != OutputTarget.Kind.FILE) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            body.writeTo(bytes);
            buffered.put(target, bytes.toByteArray());
            return;
        }
        Path temp = createTemporary(target);
        onDisk.add(temp);
        removeOnSignal();
        boolean written = false;
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
                body.writeTo(out);
            }
            if (target.existingPermissions() != null) {
                // The replacement keeps the old file's permissions (a private file stays private).
                Files.setPosixFilePermissions(temp, target.existingPermissions());
            }
            written = true;
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            if (written) {
                temporaryFiles.put(target, temp);
            } else {
                Files.deleteIfExists(temp);
                onDisk.remove(temp);
            }
        }
    }

    /**
     * Makes every prepared output visible: streams and standard output first, then the renames.
     *
     * @param stdout where {@link OutputTarget.Kind#STDOUT} content goes
     * @throws IOException with a one-line message naming the option and path
     */
    public void commit(StandardOutput stdout) throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        committed = true;
        for (Map.Entry<OutputTarget, byte[]> e : buffered.entrySet()) {
            OutputTarget t = e.getKey();
            try {
                if (t.kind() == OutputTarget.Kind.STDOUT) {
                    Objects.requireNonNull(stdout, "stdout").write(e.getValue());
                } else {
                    // No CREATE and no TRUNCATE: the FIFO or device exists and is written in place.
                    try (OutputStream out = Files.newOutputStream(t.resolved(), StandardOpenOption.WRITE)) {
                        out.write(e.getValue());
                    }
                }
            } catch (IOException ex) {
                throw failure(t, ex);
            }
        }
        for (Map.Entry<OutputTarget, Path> e : temporaryFiles.entrySet()) {
            try {
                moveIntoPlace(e.getValue(), e.getKey().resolved());
                onDisk.remove(e.getValue());
            } catch (IOException ex) {
                throw failure(e.getKey(), ex);
            }
        }
        temporaryFiles.clear();
    }

    /** Deletes the temporary files of outputs that were not committed. */
    @Override
    public void close() {
        deleteTemporaries();
        temporaryFiles.clear();
        if (onSignal != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: the JVM is exiting.
            }
            onSignal = null;
        }
    }

    private void deleteTemporaries() {
        for (Path temp : onDisk) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: a hidden temporary file is the only trace left.
            }
            onDisk.remove(temp);
        }
    }

    /** Registers, once per set, the hook that removes its temporary files when the JVM is stopped. */
    private void removeOnSignal() {
        if (onSignal == null) {
            onSignal = new Thread(this::deleteTemporaries, "dynlat-output-cleanup");
            try {
                Runtime.getRuntime().addShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                onSignal = null;
            }
        }
    }

    private static Path createTemporary(OutputTarget target) throws IOException {
        Path dir = target.resolved().getParent();
        for (int attempt = 0; ; attempt++) {
            // A short, hidden, random name: works beside a 255-byte target name and cannot clash
            // with a concurrent writer.
            Path temp = dir.resolve(".dl-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                // CREATE_NEW (not Files.createTempFile) keeps the umask-derived permissions.
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            } catch (IOException e) {
                throw failure(target, e);
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static IOException failure(OutputTarget t, IOException cause) {
        if (cause instanceof OutputWriteException) {
            return cause;
        }
        return new OutputWriteException(t.option() + ": cannot write '" + t.path() + "': "
                + OutputTarget.reason(cause), cause);
    }

    /** A write that failed after the checks (disk full, device error); the message is one line. */
    public static final class OutputWriteException extends IOException {
        private static final long serialVersionUID = 1L;

        public OutputWriteException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
