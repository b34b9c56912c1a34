package dev.dynlat.predictor.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The output file of a spec sweep, opened for appending whole rows. A new file gets the
 * preamble; an existing one is resumed: its preamble must match this plan (same fingerprint and
 * row count), a torn last line (no newline: the process was killed mid-write) is cut off, and
 * the rows already there are counted so the sweep continues after them. Each {@link #append}
 * writes complete lines and forces them out, so what is written survives an interruption.
 */
final class SweepOutput implements AutoCloseable {
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
     * Opens {@code out}, creating it with {@code preamble} or resuming it.
     *
     * @throws IllegalArgumentException if an existing file is not this sweep's output
     */
    static SweepOutput open(Path out, String preamble, long totalRows) {
        checkTarget(out);
        try {
            if (!Files.exists(out) || Files.size(out) == 0) {
                FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                writeFully(ch, preamble.getBytes(StandardCharsets.UTF_8));
                ch.force(false);
                return new SweepOutput(ch, 0);
            }
            return resume(out, preamble, totalRows);
        } catch (IOException e) {
            throw new UncheckedIOException("out: cannot write '" + out + "': " + e.getMessage(), e);
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
                        + " (its first lines differ); delete it or choose another --out");
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
