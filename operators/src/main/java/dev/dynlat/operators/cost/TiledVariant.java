package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
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
import dev.dynlat.operators.spec.SpatialConvSpec;

/**
 * The GPU-style model shared by the laudnet and calibrated-gpu variants: every kernel is split
 * into tiles that run in waves over the engines, and the best tiling wins. The two differ only in
 * the knobs below (where the reference's defects are kept or fixed) and in a few kernels of their
 * own.
 */
abstract sealed class TiledVariant implements CostVariant permits LaudnetVariant, CalibratedGpuVariant {

    /** Kept-channel density whose expected maximum over output-channel tiles slows a skipping conv. */
    abstract double stragglerDensity(Conv2dSpec c);

    /** Channel group in which that density is drawn. */
    abstract int stragglerGroup(Conv2dSpec c);

    /** Outputs that fill an engine's lanes for a dense conv tile of {@code tileOutputs} outputs per sample. */
    abstract double laneOutputs(double tileOutputs, int batch);

    /** Output pixels per patch side of a patch conv. */
    abstract int patchSide(SpatialConvSpec s);

    /** Useful fraction of memory transactions for the rows of a patch conv's tiles. */
    abstract double patchRowCoalescing(double run, double gap, DeviceModel d);

    /** How an FC layer's tiles and traffic are counted. */
    abstract LinearCostModel.Counting linearCounting();

    @Override
    public OperatorCost conv(Conv2dSpec c, DeviceModel d) {
        return ConvTileSearch.tiled(c, d, this);
    }

    @Override
    public OperatorCost linear(LinearSpec s, DeviceModel d) {
        return LinearCostModel.tiled(s, d, linearCounting(), this);
    }

    @Override
    public OperatorCost elementwise(ElementwiseSpec s, double operandReads, DeviceModel d) {
        return ElementwiseCostModel.tiled(s, operandReads, d);
    }

    @Override
    public OperatorCost broadcastMul(BroadcastMulSpec s, DeviceModel d) {
        return BroadcastMulCostModel.tiled(s, d);
    }

    @Override
    public OperatorCost reduce(ReduceSpec s, DeviceModel d) {
        return ReduceCostModel.tiled(s, d);
    }

    @Override
    public OperatorCost avgPool(AvgPoolSpec s, DeviceModel d) {
        return AvgPoolCostModel.streaming(s, d);
    }

    @Override
    public OperatorCost maxPool(MaxPoolSpec s, DeviceModel d) {
        return MaxPoolCostModel.streaming(s, d);
    }

    @Override
    public OperatorCost patchCopy(int channels, int height, int width, int granularity, int halo, long patches,
                                  DeviceModel d) {
        return PatchCopy.streaming(channels, height, width, granularity, halo, patches, d);
    }

    @Override
    public OperatorCost concat(ConcatSpec s, DeviceModel d) {
        return ConcatCostModel.streaming(s, d);
    }

    @Override
    public OperatorCost crop(CropSpec s, DeviceModel d) {
        return CropCostModel.streaming(s, d);
    }

    @Override
    public OperatorCost resize(ResizeSpec s, DeviceModel d) {
        return ResizeCostModel.tiled(s, d);
    }

    @Override
    public Tiling patchConvSchedule(SpatialConvSpec s, DeviceModel d) {
        return SpatialConvCostModel.tiledSchedule(s, d, this);
    }

    @Override
    public OperatorCost patchConv(SpatialConvSpec s, Tiling schedule, DeviceModel d) {
        return SpatialConvCostModel.tiledEvaluate(s, schedule, d, this);
    }
}
