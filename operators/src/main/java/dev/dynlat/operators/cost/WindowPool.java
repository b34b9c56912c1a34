package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;

/**
 * Pooling kernels (average, max) are pure streaming: their few additions or comparisons hide
 * under the memory traffic. The map crosses DRAM once in and once out; the on-chip level serves
 * the window reads ({@link #gpu}, the tiled variants). On a CPU the kernel library walks, for
 * every output row and every tap of its window, one strided run over the output row ({@link #cpu}).
 */
final class WindowPool {
    private WindowPool() {
    }

    /**
     * Average (adaptive) pooling on a tiled device. On chip, as in the reference, the map and the
     * output cross once each.
     */
    static OperatorCost avgPool(AvgPoolSpec spec, DeviceModel d) {
        double in = (double) spec.channels() * spec.height() * spec.width();
        double out = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        return gpu(in, out, in + out, d);
    }

    /**
     * Max pooling on a tiled device: every output reads its {@code kernel²} window on chip. The
     * reference has no max-pool kernel (it prices the stem's pooling as an average pool); this is
     * its style: the average pool's DRAM traffic plus the window reads.
     */
    static OperatorCost maxPool(MaxPoolSpec spec, DeviceModel d) {
        double taps = (double) spec.kernel() * spec.kernel();
        double in = (double) spec.channels() * spec.height() * spec.width();
        double out = (double) spec.channels() * spec.outHeight() * spec.outWidth();
        return gpu(in, out, out * taps + out, d);
    }

    /** {@code onChipElements}: elements read and written on chip per sample (window reads included). */
    static OperatorCost gpu(double inElements, double outElements, double onChipElements, DeviceModel d) {
        double memory = (inElements + outElements) / d.dramElementsPerS() * d.batch()
                + onChipElements * d.batch() / d.l2ElementsPerS();
        return new OperatorCost(memory + d.launchS(), 0, memory, d.launchS(), Tiling.NONE, 0,
                (inElements + outElements) * d.batch() * 4);
    }

    /** The CPU library's pooling loop: {@code channels} planes of {@code outH × outW} outputs, {@code taps} each. */
    static OperatorCost cpu(int channels, int outH, int outW, double taps, String operatorClass, DeviceModel d) {
        double planes = (double) channels * d.batch();
        double out = (double) outH * outW;
        // the input is touched once (about taps outputs' worth), the output once
        return CpuPasses.pass(planes * outH * taps, planes * out * (taps + 2), 4 * planes * out * (taps + 1), 0,
                operatorClass, d);
    }
}
