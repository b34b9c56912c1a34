package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code laudnet} variant, frozen: LAUDNet's DyNetSimulator as published, defects included, so
 * that its numbers are reproduced (595 parity rows). Every quirk of the reference lives here, as
 * knobs of the shared tiled kernels or as parts of its table: the CPython set order of its tile
 * candidates ({@link PySetOrder}), channel density counted twice in the straggler, lanes filled by
 * one sample's outputs, the halo ignored and row coalescing overridden in patch convs, FC tiles
 * counted as {@code outTile × inTile} with weights reloaded per sample, the channel masker's
 * global pooling priced as an average pool, the layer gate priced as the fused masker conv, and
 * its own scatter-add ({@link LaudnetScatterAdd}) and dynamic SE pooling ({@link LaudnetSePool})
 * schedules. Operator kinds the reference does not have (max-pool, concat, crop, resize, GRU) are
 * costed with the shared tiled kernels, in the reference's style.
 */
final class LaudnetVariant implements CostVariant, TiledKnobs {
    private static final ConcurrentHashMap<Integer, int[]> ORDER = new ConcurrentHashMap<>();

    /** {@code outTile × inTile} tiles, every tile's weights reloaded per sample. */
    private static final LinearTiles.Counting REFERENCE_FC = new LinearTiles.Counting() {
        @Override
        public double dramElements(int cin, int cout, int batch) {
            return ((double) cin * cout + cin + cout) * batch;
        }

        @Override
        public long tiles(int co, int ci, int cout, int cin) {
            return (long) co * ci;
        }

        @Override
        public double onChipElements(int co, int ci, long tiles, int batch) {
            return ((double) co * ci + ci + co) * tiles * batch;
        }

        @Override
        public double coalescing(int ci, int cin, int transaction) {
            return Efficiency.coalescing(ci, cin, transaction);
        }
    };

    /** Declared after the constants its table's functions read. */
    static final LaudnetVariant INSTANCE = new LaudnetVariant();

    private final CostTable table;

    private LaudnetVariant() {
        this.table = TiledKernels.builder(this)
                // The reference prices the masker's global pooling as a plain average pool.
                .globalPool((c, h, w, d) -> Parts.of(WindowPool::avgPool, AvgPoolSpec.global(c, h, w), d))
                .put(LayerGateSpec.class, (s, d) -> ConvTileSearch.cost(LayerGateCostModel.fusedMaskerConv(s), d,
                        this))
                .dynamicSePool((s, d) -> LaudnetSePool.cost(s, d, this))
                .scatterAdd(new LaudnetScatterAdd(this))
                .build();
    }

    @Override
    public String id() {
        return "laudnet";
    }

    @Override
    public CostTable table() {
        return table;
    }

    /** The reference enumerates a Python set of ints: candidates in CPython's set iteration order. */
    @Override
    public int[] tileSizes(int extent) {
        int[] cached = ORDER.get(extent);
        if (cached != null) {
            return cached;
        }
        return ORDER.computeIfAbsent(extent, n -> PySetOrder.iterationOrder(TileSpace.insertionOrder(n)));
    }

    /** The reference scales compute by ic × maxTileDensity(ic·oc), counting ic twice. */
    @Override
    public double stragglerDensity(Conv2dSpec c) {
        return c.inDensity() * c.outDensity();
    }

    @Override
    public int stragglerGroup(Conv2dSpec c) {
        return 1;
    }

    /** The reference fills lanes with one sample's tile outputs in its static conv. */
    @Override
    public double laneOutputs(double tileOutputs, int batch) {
        return tileOutputs;
    }

    /** The reference passes the halo but never uses it in the latency terms. */
    @Override
    public int patchSide(SpatialConvSpec s) {
        return s.granularity();
    }

    /** The reference computes the coalescing of the patch rows and then overrides it with 1. */
    @Override
    public double patchRowCoalescing(double run, double gap, DeviceModel d) {
        return 1;
    }

    @Override
    public LinearTiles.Counting linearCounting() {
        return REFERENCE_FC;
    }
}
