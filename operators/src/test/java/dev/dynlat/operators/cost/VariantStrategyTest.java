package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.testing.Devices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model variant is a strategy picked once from the device model, and the reference's
 * quirks live only in the laudnet strategy.
 */
class VariantStrategyTest {

    @Test
    void theVariantIsPickedFromTheUsersChoiceAndTheProfilesKind() {
        assertSame(LaudnetVariant.INSTANCE, CostVariant.of(DeviceModel.of(Devices.v100(), ModelVariant.LAUDNET, 0)));
        assertSame(LaudnetVariant.INSTANCE, CostVariant.of(DeviceModel.of(Devices.cpu(), ModelVariant.LAUDNET, 0)));
        assertSame(CalibratedGpuVariant.INSTANCE,
                CostVariant.of(DeviceModel.of(Devices.v100Calibrated(), ModelVariant.CALIBRATED, 0)));
        assertSame(CalibratedCpuVariant.INSTANCE, CostVariant.of(DeviceModel.of(Devices.cpu(), ModelVariant.CALIBRATED,
                0)));
        assertEquals(List.of("laudnet", "calibrated-gpu", "calibrated-cpu"), List.of(LaudnetVariant.INSTANCE.id(),
                CalibratedGpuVariant.INSTANCE.id(), CalibratedCpuVariant.INSTANCE.id()));
        // The user-facing ids are unchanged, so outputs (and golden files) keep "laudnet" / "calibrated".
        assertEquals("calibrated", ModelVariant.CALIBRATED.id());
    }

    @Test
    void laudnetEnumeratesTileCandidatesInCPythonSetOrder() {
        // Printed by CPython from the reference code (list(pow2_div_tile_search_space(n))).
        assertArrayEquals(new int[] {32, 1, 2, 64, 4, 128, 256, 37, 8, 3, 5, 43, 6, 7, 16, 52, 86},
                LaudnetVariant.INSTANCE.tileSizes(256));
        assertArrayEquals(new int[] {32, 1, 2, 64, 4, 3, 5, 6, 8, 7, 10, 12, 14, 16, 19, 56, 28},
                LaudnetVariant.INSTANCE.tileSizes(56));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 19, 28, 32, 56, 64},
                CalibratedGpuVariant.INSTANCE.tileSizes(56));
    }

    /**
     * No cost model reads the variant or the device kind: only {@link CostVariant#of} does, and the
     * reference's set order is used only by the laudnet strategy. Reads the module's own sources.
     */
    @Test
    void noCostModelTestsAVariantFlag() throws IOException {
        Path dir = Path.of("src", "main", "java", "dev", "dynlat", "operators", "cost");
        Pattern flag = Pattern.compile("\\.variant\\(\\)|\\.kind\\(\\) *==|DeviceKind|ModelVariant|reference\\(\\)"
                + "|cpuLibraryKernels|reproducesReferenceDefects");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String code = Files.readString(f);
                if (!name.equals("CostVariant.java") && flag.matcher(code).find()) {
                    offenders.add(name);
                }
                if (!name.equals("LaudnetVariant.java") && !name.equals("PySetOrder.java")
                        && code.contains("PySetOrder.")) {
                    offenders.add(name + " (PySetOrder)");
                }
            }
        }
        assertEquals(List.of(), offenders);
        assertFalse(Files.exists(dir.resolve("..").resolve("model").resolve("PySetOrder.java")));
    }
}
