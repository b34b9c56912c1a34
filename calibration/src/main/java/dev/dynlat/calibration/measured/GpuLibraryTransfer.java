package dev.dynlat.calibration.measured;

import dev.dynlat.operators.profile.GemmTile;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.profile.GpuLibraryScalar;
import dev.dynlat.operators.profile.KernelFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries the GPU library terms of a measured GPU to a GPU never measured. The terms are fractions
 * of datasheet peaks and times, so the target's own datasheet (SMs, lanes, clock, bandwidth, L2)
 * turns them into its rates: nothing of the target but its datasheet and kernel family is used. A
 * tile the source's family lacks takes the mean efficiency of the source's tiles.
 */
public final class GpuLibraryTransfer {
    private GpuLibraryTransfer() {
    }

    /**
     * @param source the measured GPU's terms
     * @param sourceName the measured GPU, for the provenance
     * @param target the target's kernel family
     */
    public static GpuLibraryCoefficients transfer(GpuLibraryCoefficients source, String sourceName,
                                                  KernelFamily target) {
        double mean = source.gemmEfficiency().values().stream().mapToDouble(Double::doubleValue).average().orElse(0.7);
        Map<String, Double> gemm = new LinkedHashMap<>();
        for (GemmTile t : target.allGemmTiles()) {
            gemm.put(t.id(), source.gemmEfficiency().getOrDefault(t.id(), mean));
        }
        String how = "transferred from " + sourceName + " (" + source.family().id() + " kernels) through the datasheet:"
                + " the same fractions of this GPU's peaks, " + target.id() + " kernels";
        return GpuLibraryCoefficients.of(target, GpuLibraryScalar.all(source), gemm, source.convEfficiency(),
                source.streamEfficiency(), source.rowKernelGapUs(), source.hostFloorUs(), how);
    }
}
