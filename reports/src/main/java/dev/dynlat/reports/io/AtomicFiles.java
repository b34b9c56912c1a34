package dev.dynlat.reports.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers never see a partial file: the content goes to a temporary file
 * in the target's directory, which is then moved over the target. If anything fails, the
 * temporary file is deleted and the target keeps its previous content (or stays absent).
 * Missing parent directories are created.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code body} to {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param body   produces the whole file content
     * @throws IOException with a one-line message naming {@code target} if the file cannot be
     *                     written; unchecked exceptions thrown by {@code body} propagate unchanged
     *                     after the temporary file has been removed
     */
    public static void write(Path target, OutputBody body) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath().normalize();
        Path fileName = absolute.getFileName();
        if (fileName == null) {
            throw new IOException("Cannot write " + target + ": not a file path");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("Cannot write " + target + ": it is a directory");
        }
        Path directory = absolute.getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw failure(target, "cannot create parent directory " + directory, e);
        }
        Path temp = temporarySibling(directory, fileName.toString());
        boolean moved = false;
        try {
            // CREATE_NEW (rather than Files.createTempFile) keeps the umask-derived permissions,
            // so the final file is as readable as any other file the user writes.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                body.writeTo(out);
            }
            moveIntoPlace(temp, absolute);
            moved = true;
        } catch (IOException e) {
            throw failure(target, describe(e), e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Writes UTF-8 text to {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param text   the complete content
     * @throws IOException with a one-line message naming {@code target}
     */
    public static void writeString(Path target, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Path temporarySibling(Path directory, String fileName) {
        // A hidden, random name avoids clashes between concurrent writers of the same target.
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return directory.resolve("." + fileName + "." + suffix + ".tmp");
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on exotic file systems; a plain replace is
            // still far better than writing the target in place.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String detail = message == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
        return detail.replace('\n', ' ').replace('\r', ' ');
    }

    private static IOException failure(Path target, String reason, IOException cause) {
        return new IOException("Cannot write " + target + ": " + reason, cause);
    }
}
