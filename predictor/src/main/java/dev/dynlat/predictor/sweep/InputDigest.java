package dev.dynlat.predictor.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of the contents of the files a sweep reads behind its names (network files, ONNX
 * files, device profiles), for the plan's fingerprint: a resumed sweep whose network file was
 * edited is a different plan, not a continuation. Zoo models and built-in devices are named by
 * what they are and hash nothing.
 */
final class InputDigest {
    private InputDigest() {
    }

    /** The digest over every name that is an existing regular file, in order; "" when none is. */
    static String of(List<String> models, List<String> devices) {
        MessageDigest sha = sha256();
        boolean any = false;
        for (List<String> names : List.of(models, devices)) {
            for (String name : names) {
                Path p = Path.of(name);
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                any = true;
                sha.update((name + "\0").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                        sha.update(buf, 0, n);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(name + ": cannot read for the sweep's fingerprint", e);
                }
                sha.update((byte) 0);
            }
        }
        return any ? HexFormat.of().formatHex(sha.digest()) : "";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
