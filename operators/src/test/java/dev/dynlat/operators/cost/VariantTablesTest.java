package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.CropSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MaskerScheduleSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ResizeSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.testing.Devices;
import dev.dynlat.operators.testing.SpecGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each variant is one complete table of cost functions, built from shared formulas that never ask
 * for the variant: every table covers the sealed hierarchy, a table missing a kind does not
 * build, replacing a kernel in the calibrated-gpu table reprices the composites built from it,
 * and only {@link CostModels} picks the variant.
 */
class VariantTablesTest {
    private static final List<CostVariant> VARIANTS = List.of(LaudnetVariant.INSTANCE, CalibratedGpuVariant.INSTANCE,
            CalibratedCpuVariant.INSTANCE);

    @Test
    void everyVariantsTableCostsEveryKindOfTheSealedHierarchy() {
        for (Devices.Named named : Devices.models()) {
            CostVariant v = new CostModels(named.model()).variant();
            assertEquals(new HashSet<>(RegistryCoverageTest.specTypes()), new HashSet<>(v.table().kinds()), v.id());
            for (SpecGenerator g : SpecGenerator.values()) {
                OperatorCost c = v.table().cost(g.random(new Random(g.ordinal())), named.model());
                assertTrue(Double.isFinite(c.latencyS()) && c.latencyS() >= 0, v.id() + " " + g + ": " + c);
            }
        }
        for (CostVariant v : VARIANTS) {
            assertEquals(new HashSet<>(RegistryCoverageTest.specTypes()), new HashSet<>(v.table().kinds()), v.id());
        }
    }

    @Test
    void aTableMissingAKindDoesNotBuildAndNamesIt() {
        List<Class<? extends OperatorSpec>> kernels = List.of(Conv2dSpec.class, LinearSpec.class, ReduceSpec.class,
                BroadcastMulSpec.class, AvgPoolSpec.class, MaxPoolSpec.class, ConcatSpec.class, CropSpec.class,
                ResizeSpec.class);
        for (Class<? extends OperatorSpec> kind : kernels) {
            CostTable.Builder b = CalibratedGpuVariant.INSTANCE.tableBuilder().remove(kind);
            IllegalStateException e = assertThrows(IllegalStateException.class, b::build, kind.getSimpleName());
            assertTrue(e.getMessage().contains(kind.getSimpleName()), e.getMessage());
        }
        IllegalStateException empty = assertThrows(IllegalStateException.class, () -> CostTable.builder().build());
        assertTrue(empty.getMessage().startsWith("cost table without a cost model for"), empty.getMessage());
    }

    @Test
    void kindsDerivedFromTheScheduledPartsCannotBePut() {
        CostTable.Builder b = CalibratedGpuVariant.INSTANCE.tableBuilder();
        assertThrows(IllegalArgumentException.class, () -> b.put(SpatialConvSpec.class, (s, d) -> OperatorCost.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.put(ScatterSpec.class, (s, d) -> OperatorCost.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.put(SpatialMaskerSpec.class, (s, d) -> OperatorCost.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> b.put(MaskerScheduleSpec.class, (s, d) -> OperatorCost.ZERO));
    }

    /** The seam for another GPU kernel model: replace kernels, and the composites follow them. */
    @Test
    void replacingKernelsInTheCalibratedGpuTableRepricesTheCompositesBuiltFromThem() {
        DeviceModel d = DeviceModel.of(Devices.v100Calibrated(), ModelVariant.CALIBRATED, 4);
        OperatorCost conv = flat(1e-3);
        OperatorCost linear = flat(2e-3);
        CostTable original = CalibratedGpuVariant.INSTANCE.table();
        CostTable library = CalibratedGpuVariant.INSTANCE.tableBuilder()
                .put(Conv2dSpec.class, (s, dm) -> conv)
                .put(LinearSpec.class, (s, dm) -> linear)
                .build();

        assertEquals(conv, library.cost(new MatmulSpec(64, 128, 256), d), "matmul is built from the conv");
        SpatialMaskerSpec masker = (SpatialMaskerSpec) SpecGenerator.SPATIAL_MASKER.random(new Random(5));
        assertEquals(conv, library.cost(new MaskerScheduleSpec(masker, MaskerScheduleSpec.Schedule.FUSED), d),
                "the fused masker is the conv");

        ChannelMaskerSpec cm = new ChannelMaskerSpec(64, 14, 14, 4, 0);
        LinearSpec fc = new LinearSpec(64, 4);
        double fcDelta = CostModels.withClassEfficiency(fc, linear, d).latencyS()
                - CostModels.withClassEfficiency(fc, original.cost(fc, d), d).latencyS();
        assertEquals(original.cost(cm, d).latencyS() + fcDelta, library.cost(cm, d).latencyS(), 1e-15,
                "the channel masker's FC is the table's linear");

        Conv2dSpec c = Conv2dSpec.dense(64, 64, 28, 28, 3, 1, 1);
        assertNotEquals(conv, original.cost(c, d), "building another table leaves the variant's own unchanged");
        assertEquals(original.cost(c, d), new CostModels(d).variant().table().cost(c, d));
    }

    /**
     * The architecture rule: the variant is chosen in one place. No class of the package other
     * than {@link CostModels} calls {@code CostVariant.of} (and it calls it once), none reads a
     * variant's table back, and no formula names a variant's instance. Reads the module's sources.
     */
    @Test
    void onlyCostModelsChoosesTheVariant() throws IOException {
        Path dir = Path.of("src", "main", "java", "dev", "dynlat", "operators", "cost");
        Pattern choose = Pattern.compile("CostVariant\\s*\\.\\s*of\\s*\\(");
        Pattern readTable = Pattern.compile("\\.\\s*table\\s*\\(\\s*\\)");
        Pattern instance = Pattern.compile("(Laudnet|CalibratedGpu|CalibratedCpu)Variant\\s*\\.\\s*INSTANCE");
        List<String> offenders = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path f : paths.sorted().toList()) {
                files++;
                String name = f.getFileName().toString();
                String code = Files.readString(f);
                int choices = count(choose.matcher(code));
                if (choices != (name.equals("CostModels.java") ? 1 : 0)) {
                    offenders.add(name + " calls CostVariant.of " + choices + " times");
                }
                if (!name.equals("CostModels.java") && readTable.matcher(code).find()) {
                    offenders.add(name + " reads a variant's table");
                }
                if (!name.equals("CostVariant.java") && instance.matcher(code).find()) {
                    offenders.add(name + " names a variant's instance");
                }
            }
        }
        assertTrue(files > 20, "read the package's sources: " + files);
        assertEquals(List.of(), offenders);
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static OperatorCost flat(double seconds) {
        return new OperatorCost(seconds, 0, seconds, 0, Tiling.NONE, 0, 0);
    }
}
