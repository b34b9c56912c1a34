package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;

/**
 * The {@code calibrated-gpu} variant: the tiled model with the reference's defects fixed (the
 * straggler over kept output channels in their channel groups, lanes filled by every sample's
 * outputs, the halo computed and patch rows coalesced as dense rows, FC tiles counted properly
 * with weights read once, the masker's and the gate's pooling as a reduction, the fused
 * scatter-add as an elementwise pass) and the calibrated coefficients in the device model.
 * Candidates are enumerated in ascending order. Its table is {@link TiledKernels} with these
 * knobs and the {@link CostTable} defaults for every composite part.
 */
final class CalibratedGpuVariant implements CostVariant, TiledKnobs {
    /** {@code ceil(out/outTile) × ceil(in/inTile)} tiles; the weights cross once for the whole batch. */
    private static final LinearTiles.Counting CORRECTED_FC = new LinearTiles.Counting() {
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

    /** Declared after the constants its table's functions read. */
    static final CalibratedGpuVariant INSTANCE = new CalibratedGpuVariant();

    private final CostTable table;

    private CalibratedGpuVariant() {
        this.table = tableBuilder().build();
    }

    /**
     * The seam for other kernel models: this variant's table before {@link CostTable.Builder#build}.
     * To cost some kinds with another model (the GPU library kernels: conv, linear, matmul,
     * elementwise, activation, softmax, layer norm, reduce), {@code put} their functions here,
     * or build a second table from this builder for profiles that carry that model's
     * coefficients, and pick it in {@link CostVariant#of}. Such functions take the spec and the
     * device model and return seconds; composites left to the defaults (SE, maskers, GRU, the
     * dense scatter-add, activation from elementwise, …) then use them too.
     */
    CostTable.Builder tableBuilder() {
        return TiledKernels.builder(this);
    }

    @Override
    public String id() {
        return "calibrated-gpu";
    }

    @Override
    public CostTable table() {
        return table;
    }

    @Override
    public int[] tileSizes(int extent) {
        return TileSpace.of(extent);
    }

    @Override
    public double stragglerDensity(Conv2dSpec c) {
        return c.outDensity();
    }

    @Override
    public int stragglerGroup(Conv2dSpec c) {
        return c.channelGroup();
    }

    /** Every sample's outputs fill the lanes, as in the patch convs, so both schedules are costed alike. */
    @Override
    public double laneOutputs(double tileOutputs, int batch) {
        return tileOutputs * batch;
    }

    @Override
    public int patchSide(SpatialConvSpec s) {
        return s.granularity() + 2 * s.halo();
    }

    @Override
    public double patchRowCoalescing(double run, double gap, DeviceModel d) {
        return Efficiency.coalescing(run, gap, d.transactionElements());
    }

    @Override
    public LinearTiles.Counting linearCounting() {
        return CORRECTED_FC;
    }
}
