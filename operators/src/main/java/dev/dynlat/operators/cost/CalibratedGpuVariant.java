package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;

/**
 * The {@code calibrated-gpu} variant: the tiled model with the reference's defects fixed (the
 * straggler over kept output channels in their channel groups, lanes filled by every sample's
 * outputs, the halo computed and patch rows coalesced as dense rows, FC tiles counted properly
 * with weights read once, the masker's and the gate's pooling as a reduction) and the
 * calibrated coefficients in the device model. Candidates are enumerated in ascending order.
 */
final class CalibratedGpuVariant extends TiledVariant {
    static final CalibratedGpuVariant INSTANCE = new CalibratedGpuVariant();

    private CalibratedGpuVariant() {
    }

    @Override
    public String id() {
        return "calibrated-gpu";
    }

    @Override
    public int[] tileSizes(int extent) {
        return TileSpace.of(extent);
    }

    @Override
    double stragglerDensity(Conv2dSpec c) {
        return c.outDensity();
    }

    @Override
    int stragglerGroup(Conv2dSpec c) {
        return c.channelGroup();
    }

    /** Every sample's outputs fill the lanes, as in the patch convs, so both schedules are costed alike. */
    @Override
    double laneOutputs(double tileOutputs, int batch) {
        return tileOutputs * batch;
    }

    @Override
    int patchSide(SpatialConvSpec s) {
        return s.granularity() + 2 * s.halo();
    }

    @Override
    double patchRowCoalescing(double run, double gap, DeviceModel d) {
        return Efficiency.coalescing(run, gap, d.transactionElements());
    }

    @Override
    LinearCostModel.Counting linearCounting() {
        return CORRECTED_FC;
    }

    /** {@code ceil(out/outTile) × ceil(in/inTile)} tiles; the weights cross once for the whole batch. */
    private static final LinearCostModel.Counting CORRECTED_FC = new LinearCostModel.Counting() {
        @Override
        public double dramElements(int cin, int cout, int batch) {
            return (double) cin * cout + ((double) cin + cout) * batch;
        }

        @Override
        public long tiles(int co, int ci, int cout, int cin) {
            return Efficiency.ceilDiv(cout, co) * Efficiency.ceilDiv(cin, ci);
        }

        @Override
        public double onChipElements(int co, int ci, long tiles, int batch) {
            return ((double) co * ci + ((double) ci + co) * batch) * tiles;
        }

        @Override
        public double coalescing(int ci, int cin, int transaction) {
            return Efficiency.coalescing(ci, cin - ci, transaction);
        }
    };

    @Override
    public OperatorCost scatterAdd(ScatterSpec s, Tiling schedule, DeviceModel d) {
        return ScatterCostModel.denseScatterAdd(s, d);
    }
}
