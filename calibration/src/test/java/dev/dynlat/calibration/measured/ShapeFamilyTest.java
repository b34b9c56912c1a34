package dev.dynlat.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed held-out rule (src/docs/gpu/held-out-split.md) as the Java code applies it. */
class ShapeFamilyTest {
    static final Path KERNELS = Path.of("src", "test", "resources", "neusight", "kernels");
    static final Path COMMITTED = Path.of("..", "src", "docs", "gpu", "held-out-families.txt");

    @Test
    void familyKeysAreTheFloorOfLog2OfEachExtent() {
        assertEquals("c6-o7-s5", ShapeFamily.conv(64, 255, 32));
        assertEquals("c0-o9-s7", ShapeFamily.conv(1, 1023, 252));
        assertEquals("m10-n3-k0", ShapeFamily.linear(1024, 15, 1));
        assertEquals("b3-m4-n3-k4", ShapeFamily.bmm(13, 27, 15, 29));
        assertEquals("b6-h7", ShapeFamily.rows(127, 168));
        assertEquals(62, ShapeFamily.log2(Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> ShapeFamily.log2(0));
    }

    @Test
    void heldOutIsSha256Mod5OfOperatorAndFamily() {
        // Computed apart from this code (Python hashlib): the first four bytes of SHA-256("2:conv:c6-o7-s5") are
        // 0xbd719455 = 3178337365 = 5 × 635667473; those of "2:conv:c6-o7-s4" (0x2bef9c51) and "2:add:b10-h2"
        // (0xf665b568) are not multiples of 5.
        assertTrue(ShapeFamily.heldOut("conv", "c6-o7-s5"));
        assertFalse(ShapeFamily.heldOut("conv", "c6-o7-s4"));
        assertFalse(ShapeFamily.heldOut("add", "b10-h2"));
        // The operator name is part of the key: the same shapes are not held out for every operator.
        long heldForSome = Stream.of("add", "addu", "mul", "relu", "softmax", "ln")
                .filter(op -> ShapeFamily.heldOut(op, "b10-h6")).count();
        assertTrue(heldForSome >= 1 && heldForSome < 6, "held out for " + heldForSome + " of 6 operators");
    }

    /** The one test that reads every shared file: the Java rule reproduces the committed list exactly. */
    @Test
    void reproducesTheCommittedHeldOutListOverEveryFile() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(KERNELS)) {
            files = s.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList();
        }
        assertEquals(80, files.size(), "16 operators × 5 GPUs");
        TreeSet<String> held = new TreeSet<>();
        int rows = 0;
        for (Path f : files) {
            for (MeasuredOperator m : MeasurementSources.read(f)) {
                rows++;
                if (ShapeFamily.heldOut(m)) {
                    held.add(m.opName() + " " + m.family());
                }
            }
        }
        assertEquals(256_509, rows, "data rows of the 80 files");
        List<String> committed = Files.readAllLines(COMMITTED, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(committed, List.copyOf(held));
    }
}
