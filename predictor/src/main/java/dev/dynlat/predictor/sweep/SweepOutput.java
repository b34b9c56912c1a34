package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.provenance.Sidecar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The output file of a spec sweep, opened for appending whole rows. A new file gets the
 * preamble, and its sidecar (for CSV) is written first, whole, so a file with rows always has
 * one; an existing output is resumed: its preamble and sidecar must match this plan and build
 * (same fingerprint, row count, columns, dynlat version and commit), a torn last line (no newline:
 * the process was killed mid-write) is cut off, and the rows already there are counted so the
 * sweep continues after them. Each {@link #append}
 * writes complete lines and forces them out, so what is written survives an interruption.
 */
final class SweepOutput implements AutoCloseable {
    /** How the fingerprint line of outputs written before the sidecar began. */
    static final String OLD_PREAMBLE = "# dynlat-sweep";
    private final FileChannel channel;
    private final long rowsPresent;

    private SweepOutput(FileChannel channel, long rowsPresent) {
        this.channel = channel;
        this.rowsPresent = rowsPresent;
    }

    /** Checks the target before any work: a regular file or a new file in an existing directory. */
    static void checkTarget(Path out) {
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("out: '" + out + "' is a directory");
        }
        // A symlink (even one whose file does not exist yet) is written through; FIFOs and devices
        // cannot be resumed.
        if (Files.exists(out) && !Files.isRegularFile(out)) {
            throw new IllegalArgumentException("out: '" + out + "' is not a regular file; a resumable sweep needs one");
        }
        if (Files.exists(out) && !Files.isWritable(out)) {
            throw new IllegalArgumentException("out: '" + out + "' is not writable");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("out: directory '" + parent + "' does not exist");
        }
    }

    /**
     * Opens {@code out}, creating it with {@code preamble} (and {@code sidecar} beside it, when
     * present) or resuming it.
     *
     * @throws IllegalArgumentException if an existing file is not this sweep's output
     */
    static SweepOutput open(Path out, String preamble, Optional<String> sidecar, long totalRows) {
        checkTarget(out);
        try {
            if (!Files.exists(out) || Files.size(out) == 0) {
                if (sidecar.isPresent()) {
                    writeSidecar(Sidecar.of(out), sidecar.get());
                }
                FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                writeFully(ch, preamble.getBytes(StandardCharsets.UTF_8));
                ch.force(false);
                return new SweepOutput(ch, 0);
            }
            refuseOldFormat(out);
            if (sidecar.isPresent()) {
                checkSidecar(out, sidecar.get());
            }
            return resume(out, preamble, totalRows);
        } catch (IOException e) {
            throw new UncheckedIOException("out: cannot write '" + out + "': " + e.getMessage(), e);
        }
    }

    /** Written to a temporary file and moved into place, so a sidecar is never torn. */
    private static void writeSidecar(Path sidecar, String content) throws IOException {
        Path tmp = Files.createTempFile(sidecar.toAbsolutePath().getParent(), ".dynlat-sidecar", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void checkSidecar(Path out, String expected) throws IOException {
        Path sidecar = Sidecar.of(out);
        if (!Files.isRegularFile(sidecar)) {
            throw new IllegalArgumentException("out: '" + out + "' exists but its sidecar '" + sidecar.getFileName()
                    + "' does not, so it cannot be resumed; delete it or choose another --out");
        }
        if (!Files.readString(sidecar, StandardCharsets.UTF_8).equals(expected)) {
            throw new IllegalArgumentException("out: '" + out + "' exists but was not written by this sweep spec"
                    + " and dynlat build (its sidecar '" + sidecar.getFileName() + "' differs); delete it or choose"
                    + " another --out");
        }
    }

    /**
     * Before the sidecar, dynlat wrote the fingerprint as a first {@code # dynlat-sweep} line of the
     * CSV. Such a file is refused, not rewritten: its rows may come from another build.
     */
    private static void refuseOldFormat(Path out) throws IOException {
        byte[] marker = OLD_PREAMBLE.getBytes(StandardCharsets.UTF_8);
        byte[] head = new byte[marker.length];
        int n;
        try (var in = Files.newInputStream(out)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == marker.length && java.util.Arrays.equals(head, marker)) {
            throw new IllegalArgumentException("out: '" + out + "' was written by an older dynlat (first line '"
                    + OLD_PREAMBLE + " …') and cannot be resumed; delete it or choose another --out");
        }
    }

    private static SweepOutput resume(Path out, String preamble, long totalRows)
            throws IOException {
        FileChannel ch = FileChannel.open(out, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            byte[] expected = preamble.getBytes(StandardCharsets.UTF_8);
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, expected.length));
            ch.read(head, 0);
            if (size < expected.length || !java.util.Arrays.equals(head.array(), expected)) {
                throw new IllegalArgumentException("out: '" + out + "' exists but was not written by this sweep spec"
                        + " and dynlat build (its first line differs); delete it or choose another --out");
            }
            // Count complete lines after the preamble and find the end of the last one.
            long lines = 0;
            long lastNewline = expected.length - 1;
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long pos = expected.length;
            while (pos < size) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n <= 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        lines++;
                        lastNewline = pos + i;
                    }
                }
                pos += n;
            }
            if (lines > totalRows) {
                throw new IllegalArgumentException("out: '" + out + "' holds " + lines + " rows, more than the "
                        + totalRows + " of this sweep");
            }
            ch.truncate(lastNewline + 1);
            ch.position(lastNewline + 1);
            return new SweepOutput(ch, lines);
        } catch (RuntimeException | IOException e) {
            ch.close();
            throw e;
        }
    }

    long rowsPresent() {
        return rowsPresent;
    }

    /**
     * Appends complete rows with one unbuffered write, so a killed process leaves at most one torn
     * line (which a resume cuts off) and every earlier row on disk.
     */
    void append(byte[] rows) {
        try {
            writeFully(channel, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("out: write failed: " + e.getMessage(), e);
        }
    }

    private static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    @Override
    public void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("out: close failed: " + e.getMessage(), e);
        }
    }
}
