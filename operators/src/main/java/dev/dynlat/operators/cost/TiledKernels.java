package dev.dynlat.operators.cost;

import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.CropSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ResizeSpec;

/**
 * The GPU-style kernels shared by the laudnet and calibrated-gpu tables: every kernel is split
 * into tiles that run in waves over the engines and the best tiling wins, or streams its data
 * once (pools, copies). The two variants differ only in the knobs they pass here and in the
 * composite parts they set on the returned builder.
 */
final class TiledKernels {
    private TiledKernels() {
    }

    /** A builder holding the tiled kernels with the given knobs (see {@link CostTable} for the layers). */
    static CostTable.Builder builder(TiledKnobs k) {
        LinearTiles.Counting counting = k.linearCounting();
        return CostTable.builder()
                .tileOrder(k)
                .put(Conv2dSpec.class, (c, d) -> ConvTileSearch.cost(c, d, k))
                .put(LinearSpec.class, (s, d) -> LinearTiles.cost(s, d, counting, k))
                .elementwisePass((s, reads, d) -> ElementwiseTiles.cost(s, reads, d, k))
                .put(BroadcastMulSpec.class, (s, d) -> BroadcastMulTiles.cost(s, d, k))
                .put(ReduceSpec.class, ReduceTiles::cost)
                .put(AvgPoolSpec.class, WindowPool::avgPool)
                .put(MaxPoolSpec.class, WindowPool::maxPool)
                .patchCopy(PatchCopy::streaming)
                .put(ConcatSpec.class, PlainCopy::concat)
                .put(CropSpec.class, PlainCopy::crop)
                .put(ResizeSpec.class, (s, d) -> ResizeTiles.cost(s, d, k))
                .patchConv(new PatchConvTiles(k));
    }
}
