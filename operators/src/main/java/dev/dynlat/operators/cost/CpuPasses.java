package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.Conv2dSpec;

/**
 * The CPU kernel library's loop kernels, costed as they run: the work is split over the cores;
 * every contiguous run of memory (a row of a patch, a channel plane, a dot product) starts a new
 * cache line, and the elements then stream at on-chip bandwidth. Pointwise arithmetic hides under
 * the memory traffic except in direct convolutions, whose FMAs run at the lanes' rate.
 */
final class CpuPasses {
    /** Run-equivalents of the per-(patch, channel) setup of the patch copy kernels. */
    static final int PAIR_RUNS = 4;

    private CpuPasses() {
    }

    /**
     * A pass over {@code elements} elements moved (reads plus writes) in {@code runs} contiguous
     * runs, for the whole batch.
     */
    static OperatorCost pass(double runs, double elements, double macs, String operatorClass, DeviceModel d) {
        return pass(runs, elements, 4 * elements, macs, operatorClass, d);
    }

    /**
     * The same with the bytes the pass touches given apart ({@code footprintBytes}: a pooling pass
     * reads each input several times but touches it once); they decide whether it streams from the
     * caches or from DRAM ({@link CpuMemory}).
     */
    static OperatorCost pass(double runs, double elements, double footprintBytes, double macs, String operatorClass,
                             DeviceModel d) {
        double memory = runs * CpuGemm.lineSeconds(d) / d.engines()
                + CpuMemory.seconds(elements, footprintBytes, operatorClass, d);
        return new OperatorCost(memory + d.launchS(), 0, memory, d.launchS(), Tiling.NONE, macs, 4 * elements);
    }

    /**
     * Patch copies (gather, scatter, scatter-add): each (patch, channel) pair locates its patch and
     * opens a source and a destination region, which costs about as much as {@value #PAIR_RUNS}
     * runs (measured on the library's three patch kernels alike), and each of its {@code side}
     * rows is one more run; a patch row is shorter than a cache line or two, so the run is its
     * whole cost.
     * {@code denseElements} more are streamed (a scatter-add's residual).
     */
    static OperatorCost patchRows(int channels, int side, long patches, double denseElements, String operatorClass,
                                  DeviceModel d) {
        double pairs = (double) patches * d.batch() * channels;
        double rows = pairs * side;
        return pass(PAIR_RUNS * pairs + rows, 2 * denseElements * d.batch(), 0, operatorClass, d);
    }

    /**
     * A depthwise convolution run directly: each kept channel plane is one task; every output
     * row, for each of the k² taps, is a run over the row vectorised across output columns.
     */
    static OperatorCost depthwise(Conv2dSpec c, DeviceModel d) {
        double planes = (double) c.outChannels() * d.batch() * c.outDensity();
        double taps = (double) c.kernel() * c.kernel();
        double runs = planes * c.outHeight() * taps;
        double fmas = planes * c.outHeight() * c.outWidth() * taps;
        double compute = fmas / (d.lanesPerEngine() * d.clockHz() * d.engines());
        double touched = planes * ((double) c.inHeight() * c.inWidth() + (double) c.outHeight() * c.outWidth());
        double memory = runs * CpuGemm.lineSeconds(d) / d.engines()
                + CpuMemory.seconds(2 * touched, 4 * touched, c.kind(), d);
        return new OperatorCost(compute + memory + d.launchS(), compute, memory, d.launchS(), Tiling.NONE,
                c.macsPerSample() * d.batch() * c.inDensity() * c.outDensity(), 4 * planes
                * ((double) c.inHeight() * c.inWidth() + (double) c.outHeight() * c.outWidth()));
    }
}
