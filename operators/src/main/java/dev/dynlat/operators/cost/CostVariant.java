package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.CropSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ResizeSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;

/**
 * A version of the analytic model, as a strategy: the kernels in which the versions differ.
 * Three exist: {@code laudnet} ({@link LaudnetVariant}: the reference predictor, its defects and
 * tie-breaking kept), {@code calibrated-gpu} ({@link CalibratedGpuVariant}: tiles in waves over
 * the engines, the defects fixed) and {@code calibrated-cpu} ({@link CalibratedCpuVariant}: the
 * CPU kernel library's GEMM and loop kernels). The cost models are written once against this
 * interface and never test a variant flag; {@link #of} is the one place that picks the variant,
 * from the user's {@link ModelVariant} and the profile's device kind.
 *
 * <p>Every method returns seconds per batch (in {@link OperatorCost}) for the device model's
 * batch, launch overhead included, before the operator class's calibrated efficiency (which
 * {@link CostModels} and {@link Parts} apply).
 */
public sealed interface CostVariant permits TiledVariant, CalibratedCpuVariant {

    /** The variant for a device model: laudnet, or calibrated for the profile's kind. */
    static CostVariant of(DeviceModel d) {
        if (d.variant() == ModelVariant.LAUDNET) {
            return LaudnetVariant.INSTANCE;
        }
        return d.kind() == DeviceKind.CPU ? CalibratedCpuVariant.INSTANCE : CalibratedGpuVariant.INSTANCE;
    }

    /** {@code laudnet}, {@code calibrated-gpu} or {@code calibrated-cpu}. */
    String id();

    /** Tile-size candidates for an extent, in the order tile searches enumerate them (ties keep the first). */
    int[] tileSizes(int extent);

    /** A dense, grouped, depthwise or channel-skipping convolution. */
    OperatorCost conv(Conv2dSpec c, DeviceModel d);

    /** A fully connected layer. */
    OperatorCost linear(LinearSpec s, DeviceModel d);

    /** An elementwise pass reading {@code operandReads} full-size operands (fractions allowed) and writing one. */
    OperatorCost elementwise(ElementwiseSpec s, double operandReads, DeviceModel d);

    /** Channel-wise scaling of a map. */
    OperatorCost broadcastMul(BroadcastMulSpec s, DeviceModel d);

    /** A reduction of independent vectors. */
    OperatorCost reduce(ReduceSpec s, DeviceModel d);

    OperatorCost avgPool(AvgPoolSpec s, DeviceModel d);

    OperatorCost maxPool(MaxPoolSpec s, DeviceModel d);

    /** Gather or plain scatter: {@code patches} windows of {@code (S + 2·halo)²} pixels per channel moved. */
    OperatorCost patchCopy(int channels, int height, int width, int granularity, int halo, long patches,
                           DeviceModel d);

    OperatorCost concat(ConcatSpec s, DeviceModel d);

    OperatorCost crop(CropSpec s, DeviceModel d);

    OperatorCost resize(ResizeSpec s, DeviceModel d);

    // The composites below are built from the kernels above. The defaults are the calibrated
    // variants' corrections; the laudnet variant overrides each with the reference's pricing.

    /** The global pooling of a channel masker, {@code channels × h × w} to one value per channel: a reduction. */
    default OperatorCost globalPool(int channels, int h, int w, DeviceModel d) {
        return ReduceCostModel.globalPool(channels, h, w, d);
    }

    /** The gate of a skippable block: what a gate runs, a global-pooling reduction and an FC to 2 logits. */
    default OperatorCost layerGate(LayerGateSpec s, DeviceModel d) {
        return LayerGateCostModel.poolAndFc(s, d);
    }

    /** The pooling of a spatially dynamic squeeze-excitation: the dense reduction over the active rows. */
    default OperatorCost dynamicSePool(SqueezeExcitationSpec s, DeviceModel d) {
        return SqueezeExcitationCostModel.activeRowsPool(s, d);
    }

    /** The rate-independent schedule of a fused scatter-add; none by default (the pass covers the map). */
    default Tiling scatterAddSchedule(ScatterSpec s, DeviceModel d) {
        return Tiling.NONE;
    }

    /** A fused scatter-add at its rate under a schedule from {@link #scatterAddSchedule}. */
    OperatorCost scatterAdd(ScatterSpec s, Tiling schedule, DeviceModel d);

    /** The rate-independent schedule of a patch convolution ({@link Tiling#NONE} where none is searched). */
    Tiling patchConvSchedule(SpatialConvSpec s, DeviceModel d);

    /** A patch convolution at its rate under a schedule from {@link #patchConvSchedule}. */
    OperatorCost patchConv(SpatialConvSpec s, Tiling schedule, DeviceModel d);
}
