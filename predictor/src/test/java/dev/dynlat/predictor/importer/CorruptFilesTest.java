package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.cli.CliTest;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or damaged files: seeded byte flips and truncations of a valid model are either still a
 * valid import or a one-line error with exit code 2, never an internal error or a stack trace.
 */
class CorruptFilesTest {
    @TempDir
    Path dir;

    @Test
    void damagedModelsFailCleanly() throws IOException {
        byte[] good = TestNets.mobilenetV2(13, 64).g.model().toByteArray();
        Random rnd = new Random(17);
        Path file = dir.resolve("damaged.onnx");
        for (int i = 0; i < 120; i++) {
            byte[] bad = i % 3 == 0 ? Arrays.copyOf(good, rnd.nextInt(good.length)) : good.clone();
            if (i % 3 != 0) {
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                    bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
                }
            }
            Files.write(file, bad);
            CliTest.Result r = ImportCliTest.run("models", "import", file.toString());
            assertTrue(r.code() == 0 || r.code() == 2, "case " + i + ": exit " + r.code() + "\n" + r.err());
            assertTrue(r.code() == 0 || r.err().strip().lines().count() == 1, "case " + i + ":\n" + r.err());
        }
    }
}
