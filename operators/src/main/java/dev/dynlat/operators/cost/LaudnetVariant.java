package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.TileSpace;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code laudnet} variant, frozen: LAUDNet's DyNetSimulator as published, defects included, so
 * that its numbers are reproduced (595 parity rows). Every quirk of the reference lives here: the
 * CPython set order of its tile candidates ({@link PySetOrder}), channel density counted twice
 * in the straggler, lanes filled by one sample's outputs, the halo ignored and row coalescing
 * overridden in patch convs, FC tiles counted as {@code outTile × inTile} with weights reloaded
 * per sample, the channel masker's global pooling priced as an average pool, the layer gate
 * priced as the fused masker conv, and its own scatter-add and dynamic SE pooling schedules.
 * Operator kinds the reference does not have (max-pool, concat, crop, resize, GRU) are costed
 * with the shared tiled kernels, in the reference's style.
 */
final class LaudnetVariant extends TiledVariant {
    static final LaudnetVariant INSTANCE = new LaudnetVariant();

    private static final ConcurrentHashMap<Integer, int[]> ORDER = new ConcurrentHashMap<>();

    private LaudnetVariant() {
    }

    @Override
    public String id() {
        return "laudnet";
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
    double stragglerDensity(Conv2dSpec c) {
        return c.inDensity() * c.outDensity();
    }

    @Override
    int stragglerGroup(Conv2dSpec c) {
        return 1;
    }

    /** The reference fills lanes with one sample's tile outputs in its static conv. */
    @Override
    double laneOutputs(double tileOutputs, int batch) {
        return tileOutputs;
    }

    /** The reference passes the halo but never uses it in the latency terms. */
    @Override
    int patchSide(SpatialConvSpec s) {
        return s.granularity();
    }

    /** The reference computes the coalescing of the patch rows and then overrides it with 1. */
    @Override
    double patchRowCoalescing(double run, double gap, DeviceModel d) {
        return 1;
    }

    @Override
    LinearCostModel.Counting linearCounting() {
        return REFERENCE_FC;
    }

    /** {@code outTile × inTile} tiles, every tile's weights reloaded per sample. */
    private static final LinearCostModel.Counting REFERENCE_FC = new LinearCostModel.Counting() {
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

    /** The reference prices the masker's global pooling as a plain average pool. */
    @Override
    public OperatorCost globalPool(int channels, int h, int w, DeviceModel d) {
        return Parts.of(AvgPoolCostModel.INSTANCE, AvgPoolSpec.global(channels, h, w), d);
    }

    /**
     * The reference charges the gate as the fused masker+conv1 kernel with nothing computed (one
     * read of the block input and, above batch 1, of conv1's weights).
     */
    @Override
    public OperatorCost layerGate(LayerGateSpec s, DeviceModel d) {
        Conv2dSpec c = s.conv1();
        return ConvTileSearch.search(new Conv2dSpec(c.inChannels(), c.outChannels() + 1, c.inHeight(), c.inWidth(),
                1, 1, 1, 1, 0, 1), d);
    }

    @Override
    public OperatorCost dynamicSePool(SqueezeExcitationSpec s, DeviceModel d) {
        return LaudnetSePool.cost(s, d);
    }

    @Override
    public Tiling scatterAddSchedule(ScatterSpec s, DeviceModel d) {
        return LaudnetScatterAdd.schedule(s, d);
    }

    @Override
    public OperatorCost scatterAdd(ScatterSpec s, Tiling schedule, DeviceModel d) {
        return LaudnetScatterAdd.evaluate(s, schedule, d);
    }
}
