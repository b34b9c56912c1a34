package dev.dynlat.operators.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Strict UTF-8 decoding of the files users hand to dynlat, and the one wording of the reason when
 * their bytes are not UTF-8, whether a file is read whole ({@link InputFiles}), line by line
 * ({@link TextLines}) or through a decoding reader ({@link #firstProblem}).
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /** The reason when the offending byte is known: {@code not UTF-8 text (byte 0xE9 at offset 9, line 1)}. */
    public static String notUtf8(int badByte, long offset, long line) {
        return String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X at offset %d, line %d)", badByte & 0xff,
                offset, line);
    }

    /**
     * The reason for the first bytes of {@code in} that are not UTF-8, or empty when every byte is.
     * For a reader that decodes ahead of its records: when its decoder fails, it reads the file
     * again with this to name the byte, offset and line, as {@link InputFiles} does.
     */
    public static Optional<String> firstProblem(InputStream in) throws IOException {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long base = 0;
        long line = 1;
        boolean end = false;
        while (true) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            end = n < 0;
            bytes.position(bytes.position() + Math.max(n, 0));
            bytes.flip();
            CoderResult r = decoder.decode(bytes, chars, end);
            for (int i = 0; i < bytes.position(); i++) {
                if (bytes.get(i) == '\n') {
                    line++;
                }
            }
            if (r.isError()) {
                return Optional.of(notUtf8(bytes.get(bytes.position()), base + bytes.position(), line));
            }
            if (end) {
                return Optional.empty();
            }
            chars.clear();
            // A sequence cut by the chunk's end stays for the next read.
            base += bytes.position();
            bytes.compact();
        }
    }

    /**
     * Decodes {@code bytes[from, to)} of the file {@code path}, the value of {@code option}.
     *
     * @param offset the file offset of {@code bytes[0]}
     * @param line   the line {@code bytes[from]} is on
     * @throws InputFileException naming the first byte that is not UTF-8, its offset and line
     */
    static String decode(String option, Path path, byte[] bytes, int from, int to, long offset, long line) {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            long atLine = line;
            for (int i = from; i < at; i++) {
                if (bytes[i] == '\n') {
                    atLine++;
                }
            }
            throw new InputFileException(option, path, notUtf8(bytes[at], offset + at, atLine));
        }
        out.flip();
        return out.toString();
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
