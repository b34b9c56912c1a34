package dev.dynlat.operators.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuLibraryScalarTest {
    /** A distinct in-range value per term, so that a term mapped onto another's parameter shows. */
    private static Map<GpuLibraryScalar, Double> distinct() {
        Map<GpuLibraryScalar, Double> m = new EnumMap<>(GpuLibraryScalar.class);
        for (GpuLibraryScalar s : GpuLibraryScalar.values()) {
            m.put(s, s.min() + (s.max() - s.min()) * (s.ordinal() + 1) / 64.0);
        }
        return m;
    }

    private static GpuLibraryCoefficients coefficients(Map<GpuLibraryScalar, Double> scalars) {
        Map<String, Double> gemm = new LinkedHashMap<>();
        KernelFamily.AMPERE.allGemmTiles().forEach(t -> gemm.put(t.id(), 0.5));
        Map<String, Double> conv = new LinkedHashMap<>();
        KernelFamily.IMPLICIT_CONV_TILES.forEach(t -> conv.put(t.id(), 0.5));
        conv.put(GpuLibraryCoefficients.WINOGRAD, 0.5);
        conv.put(GpuLibraryCoefficients.WINOGRAD_GEMM, 0.5);
        return GpuLibraryCoefficients.of(KernelFamily.AMPERE, scalars, gemm, conv, Map.of(), Map.of(),
                Map.of(GpuLibraryCoefficients.OTHER, 10.0), "test");
    }

    @Test
    void everyTermReadsBackTheValueItWasGiven() {
        Map<GpuLibraryScalar, Double> given = distinct();
        assertEquals(given, GpuLibraryScalar.all(coefficients(given)));
    }

    @Test
    void aTermOutsideItsRangeIsRefusedByItsKey() {
        for (GpuLibraryScalar s : GpuLibraryScalar.values()) {
            Map<GpuLibraryScalar, Double> bad = distinct();
            bad.put(s, s.max() * 2 + 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> coefficients(bad));
            assertTrue(e.getMessage().startsWith(s.key() + ": must be in"), e.getMessage());
        }
        Map<GpuLibraryScalar, Double> missing = distinct();
        missing.remove(GpuLibraryScalar.CONV_SETUP_US);
        assertEquals("conv_setup_us: missing",
                assertThrows(IllegalArgumentException.class, () -> coefficients(missing)).getMessage());
    }
}
