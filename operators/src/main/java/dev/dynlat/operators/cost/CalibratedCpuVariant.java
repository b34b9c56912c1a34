package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.CropSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ResizeSpec;
import dev.dynlat.operators.spec.ScatterSpec;

/**
 * The {@code calibrated-cpu} variant: kernels costed as dynlat's CPU kernel library runs them,
 * with a fixed (not searched) blocking. Convolutions and patch convolutions are im2col + blocked
 * GEMM ({@link CpuGemm}), depthwise convolutions and every data-movement kernel are loop kernels
 * whose contiguous runs each start a cache line ({@link CpuPasses}). The composites share the
 * calibrated-gpu variant's corrections (reduction pooling, pool-and-FC gate, active-rows SE
 * pooling), built from these kernels; tile searches that remain (the SE's pooling and scaling)
 * enumerate candidates in ascending order.
 */
final class CalibratedCpuVariant implements CostVariant, TileOrder {
    /** Operator class of the gather kernel (the patch copy), whose spec the caller does not pass. */
    private static final String PATCH_COPY_CLASS = "gather";

    /** Declared after the constants its table's functions read. */
    static final CalibratedCpuVariant INSTANCE = new CalibratedCpuVariant();

    private final CostTable table;

    private CalibratedCpuVariant() {
        this.table = CostTable.builder()
                .tileOrder(this)
                .put(Conv2dSpec.class, CalibratedCpuVariant::conv)
                .put(LinearSpec.class, CalibratedCpuVariant::linear)
                .elementwisePass(CalibratedCpuVariant::elementwise)
                .put(BroadcastMulSpec.class, CalibratedCpuVariant::broadcastMul)
                .put(ReduceSpec.class, CalibratedCpuVariant::reduce)
                .put(AvgPoolSpec.class, CalibratedCpuVariant::avgPool)
                .put(MaxPoolSpec.class, CalibratedCpuVariant::maxPool)
                .patchCopy(CalibratedCpuVariant::patchCopy)
                .put(ConcatSpec.class, CalibratedCpuVariant::concat)
                .put(CropSpec.class, CalibratedCpuVariant::crop)
                .put(ResizeSpec.class, CalibratedCpuVariant::resize)
                .patchConv(CostTable.Scheduled.unscheduled(CpuGemm::patchConv))
                .scatterAdd(CostTable.Scheduled.unscheduled(CalibratedCpuVariant::scatterAdd))
                .build();
    }

    @Override
    public String id() {
        return "calibrated-cpu";
    }

    @Override
    public CostTable table() {
        return table;
    }

    @Override
    public int[] tileSizes(int extent) {
        return TileSpace.of(extent);
    }

    private static OperatorCost conv(Conv2dSpec c, DeviceModel d) {
        return c.kind().equals("depthwise") ? CpuPasses.depthwise(c, d) : CpuGemm.conv(c, d);
    }

    /** One dot product per (sample, output): the weights are read again for every sample. */
    private static OperatorCost linear(LinearSpec s, DeviceModel d) {
        double dots = (double) d.batch() * s.outFeatures();
        // the weights are read once per sample but touched once
        double touched = (double) s.inFeatures() * s.outFeatures() + (double) d.batch() * (s.inFeatures() + s.outFeatures());
        return CpuPasses.pass(dots, dots * 2 * s.inFeatures() + dots, 4 * touched, s.macsPerSample() * d.batch(),
                s.kind(), d);
    }

    private static OperatorCost elementwise(ElementwiseSpec s, double operandReads, DeviceModel d) {
        double elements = (double) s.channels() * s.height() * s.width() * d.batch();
        return CpuPasses.pass(0, (operandReads + 1) * elements, 0, s.kind(), d);
    }

    private static OperatorCost broadcastMul(BroadcastMulSpec s, DeviceModel d) {
        double planes = (double) s.channels() * d.batch();
        return CpuPasses.pass(planes, planes * 2.0 * s.height() * s.width(), 0, s.kind(), d);
    }

    private static OperatorCost reduce(ReduceSpec s, DeviceModel d) {
        double planes = (double) s.channels() * d.batch();
        return CpuPasses.pass(planes, planes * ((double) s.height() * s.width() + 1), 0, s.kind(), d);
    }

    /** The window is taken as the map over the output (stride = window). */
    private static OperatorCost avgPool(AvgPoolSpec s, DeviceModel d) {
        double window = Math.max(1.0, (double) s.height() / s.outHeight())
                * Math.max(1.0, (double) s.width() / s.outWidth());
        return WindowPool.cpu(s.channels(), s.outHeight(), s.outWidth(), window, s.kind(), d);
    }

    private static OperatorCost maxPool(MaxPoolSpec s, DeviceModel d) {
        return WindowPool.cpu(s.channels(), s.outHeight(), s.outWidth(), (double) s.kernel() * s.kernel(), s.kind(), d);
    }

    private static OperatorCost patchCopy(int channels, int height, int width, int granularity, int halo,
                                          long patches, DeviceModel d) {
        return CpuPasses.patchRows(channels, granularity + 2 * halo, patches, 0, PATCH_COPY_CLASS, d);
    }

    /** In NCHW each input is one contiguous block per sample: one run per input and sample. */
    private static OperatorCost concat(ConcatSpec s, DeviceModel d) {
        double out = (double) s.outChannels() * s.height() * s.width();
        return CpuPasses.pass((double) s.inputChannels().size() * d.batch(), 2 * out * d.batch(), 0, s.kind(), d);
    }

    /** Every window row is a run. */
    private static OperatorCost crop(CropSpec s, DeviceModel d) {
        double planes = (double) s.channels() * d.batch();
        return CpuPasses.pass(planes * s.outHeight(), 2 * planes * s.outHeight() * s.outWidth(), 0, s.kind(), d);
    }

    /** Each output row interpolates between two input rows: two runs. */
    private static OperatorCost resize(ResizeSpec s, DeviceModel d) {
        double planes = (double) s.channels() * d.batch();
        double out = (double) s.channels() * s.outHeight() * s.outWidth();
        return CpuPasses.pass(planes * s.outHeight() * 2, (ResizeTiles.TAPS + 1) * out * d.batch(), 0, s.kind(), d);
    }

    /** Every (patch, channel) pair opens its rows; the residual streams once. */
    private static OperatorCost scatterAdd(ScatterSpec s, DeviceModel d) {
        return CpuPasses.patchRows(s.channels(), s.granularity(), s.grid().activePatches(s.density()),
                (double) s.channels() * s.height() * s.width(), s.kind(), d);
    }
}
