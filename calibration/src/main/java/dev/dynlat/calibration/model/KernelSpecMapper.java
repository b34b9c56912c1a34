package dev.dynlat.calibration.model;

import dev.dynlat.calibration.kernel.AvgPoolKernel;
import dev.dynlat.calibration.kernel.ChannelSkipConvKernel;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.ElementwiseAddKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.GlobalAvgPoolKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.kernel.PatchConvKernel;
import dev.dynlat.calibration.kernel.ScatterAddKernel;
import dev.dynlat.calibration.kernel.ScatterKernel;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.PatchGrid;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;

/**
 * Maps a calibration kernel to the operator spec the analytic cost model prices, so that a measured
 * kernel and its prediction describe the same work. Kernels whose geometry the spec cannot express
 * (e.g. a convolution padding other than "same") are rejected rather than approximated, because a
 * silent mismatch would show up as model error.
 */
public final class KernelSpecMapper {
    private KernelSpecMapper() {
    }

    /**
     * The spec and batch of {@code kernel}. A {@link PatchConvKernel} carries no map size; it is placed
     * on the smallest square map whose patch grid holds its patches ({@link #mapPatchConv(PatchConvKernel,
     * int)} takes the real map side).
     */
    public static MappedOperator map(KernelSpec kernel) {
        kernel.validate();
        if (kernel instanceof Conv2dKernel k) {
            return conv(k);
        } else if (kernel instanceof FullyConnectedKernel k) {
            return new MappedOperator(new LinearSpec(k.inFeatures(), k.outFeatures()), k.batch());
        } else if (kernel instanceof GatherKernel k) {
            double density = density(k.activePatches().length, k.batch(), k.height(), k.width(), k.granularity());
            return new MappedOperator(new GatherSpec(k.channels(), k.height(), k.width(), k.granularity(), k.halo(),
                    density), k.batch());
        } else if (kernel instanceof ScatterKernel k) {
            double density = density(k.activePatches().length, k.batch(), k.height(), k.width(), k.granularity());
            return new MappedOperator(new ScatterSpec(k.channels(), k.height(), k.width(), k.granularity(), density,
                    false), k.batch());
        } else if (kernel instanceof ScatterAddKernel k) {
            double density = density(k.activePatches().length, k.batch(), k.height(), k.width(), k.granularity());
            return new MappedOperator(new ScatterSpec(k.channels(), k.height(), k.width(), k.granularity(), density,
                    true), k.batch());
        } else if (kernel instanceof PatchConvKernel k) {
            int gridSide = (int) Math.ceil(Math.sqrt(k.patches()));
            return mapPatchConv(k, gridSide * k.granularity());
        } else if (kernel instanceof ChannelSkipConvKernel k) {
            return channelSkip(k);
        } else if (kernel instanceof AvgPoolKernel k) {
            return new MappedOperator(new AvgPoolSpec(k.channels(), k.height(), k.width(), k.outHeight(),
                    k.outWidth()), k.batch());
        } else if (kernel instanceof GlobalAvgPoolKernel k) {
            return new MappedOperator(new ReduceSpec(k.channels(), k.height(), k.width()), k.batch());
        } else if (kernel instanceof ElementwiseAddKernel k) {
            return new MappedOperator(new ElementwiseSpec(k.channels(), k.height(), k.width()), k.batch());
        }
        throw new IllegalArgumentException("no operator spec for kernel kind " + kernel.kind());
    }

    /**
     * A patch convolution on a square output map of side {@code mapSide}: the spec's active-patch count
     * at the derived density equals the kernel's patch count (batch 1; the patch batch is the batch).
     */
    public static MappedOperator mapPatchConv(PatchConvKernel k, int mapSide) {
        return mapPatchConv(k, mapSide, 1);
    }

    /**
     * A patch convolution over {@code images} square output maps of side {@code mapSide}, each giving
     * {@code patches / images} of the kernel's patches: the spec's active-patch count per image at the
     * derived density equals that share, and the batch is {@code images}.
     */
    public static MappedOperator mapPatchConv(PatchConvKernel k, int mapSide, int images) {
        k.validate();
        if (images < 1 || k.patches() % images != 0) {
            throw new IllegalArgumentException("images = " + images + " must be >= 1 and divide patches = "
                    + k.patches());
        }
        int perImage = k.patches() / images;
        PatchGrid grid = new PatchGrid(mapSide, mapSide, k.granularity());
        if (perImage > grid.patches()) {
            throw new IllegalArgumentException("patches = " + perImage + " per image do not fit the " + grid.patches()
                    + " patch positions of a " + mapSide + "x" + mapSide + " map");
        }
        Conv2dSpec conv = Conv2dSpec.dense(k.inChannels(), k.outChannels(), mapSide, mapSide, k.kernelSize(), 1,
                k.groups());
        double density = exactDensity(perImage, grid);
        // the kernel reads a gathered (S + 2 halo)^2 batch: inputGathered, and no extra output halo
        return new MappedOperator(new SpatialConvSpec(conv, k.granularity(), density, true, 0), images);
    }

    private static MappedOperator conv(Conv2dKernel k) {
        if (k.padding() != k.kernelSize() / 2 || k.outHeight() != k.height() / k.stride()
                || k.outWidth() != k.width() / k.stride()) {
            throw new IllegalArgumentException("conv kernel output " + k.outHeight() + "x" + k.outWidth()
                    + " differs from the spec's 'same' output " + k.height() / k.stride() + "x"
                    + k.width() / k.stride() + "; use padding kernelSize / 2 and sizes divisible by the stride");
        }
        return new MappedOperator(Conv2dSpec.dense(k.inChannels(), k.outChannels(), k.height(), k.width(),
                k.kernelSize(), k.stride(), k.groups()), k.batch());
    }

    private static MappedOperator channelSkip(ChannelSkipConvKernel k) {
        if (k.outHeight() != k.height() / k.stride() || k.outWidth() != k.width() / k.stride()) {
            throw new IllegalArgumentException("channel-skip conv output " + k.outHeight() + "x" + k.outWidth()
                    + " differs from the spec's 'same' output; use sizes divisible by the stride");
        }
        double inDensity = (double) k.keptInputChannels().length / k.inChannels();
        double outDensity = (double) k.keptOutputChannels() / k.outChannels();
        return new MappedOperator(new Conv2dSpec(k.inChannels(), k.outChannels(), k.height(), k.width(),
                k.kernelSize(), k.stride(), 1, inDensity, outDensity, k.groupSize()), k.batch());
    }

    /** Fraction of patch positions that are active, over the whole batch. */
    private static double density(int active, int batch, int height, int width, int granularity) {
        PatchGrid grid = new PatchGrid(height, width, granularity);
        if (batch == 1) {
            return exactDensity(active, grid);
        }
        return (double) active / (batch * grid.patches());
    }

    /**
     * {@code active / patches}, nudged down by ulps where rounding would make the spec's
     * {@code ceil(rate × patches)} count one patch more than the kernel runs.
     */
    static double exactDensity(long active, PatchGrid grid) {
        double d = (double) active / grid.patches();
        while (grid.activePatches(d) > active) {
            d = Math.nextDown(d);
        }
        return d;
    }
}
