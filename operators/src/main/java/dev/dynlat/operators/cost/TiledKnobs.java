package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;

/**
 * The knobs of the GPU-style tiled kernels ({@link TiledKernels}): where the reference's defects
 * are kept ({@link LaudnetVariant}) or fixed ({@link CalibratedGpuVariant}). The shared formulas
 * take these as an argument and never ask which variant supplied them.
 */
interface TiledKnobs extends TileOrder {

    /** Kept-channel density whose expected maximum over output-channel tiles slows a skipping conv. */
    double stragglerDensity(Conv2dSpec c);

    /** Channel group in which that density is drawn. */
    int stragglerGroup(Conv2dSpec c);

    /** Outputs that fill an engine's lanes for a dense conv tile of {@code tileOutputs} outputs per sample. */
    double laneOutputs(double tileOutputs, int batch);

    /** Output pixels per patch side of a patch conv. */
    int patchSide(SpatialConvSpec s);

    /** Useful fraction of memory transactions for the rows of a patch conv's tiles. */
    double patchRowCoalescing(double run, double gap, DeviceModel d);

    /** How an FC layer's tiles and traffic are counted. */
    LinearTiles.Counting linearCounting();
}
