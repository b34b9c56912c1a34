package dev.dynlat.calibration.suite;

/**
 * Which patches or channel groups a measured block keeps: chosen by the suite, deterministic per case,
 * so that every run measures the same mask. Their counts must match the densities of the block's graph.
 *
 * @param activePatches kept patch indices (spatial blocks), empty otherwise
 * @param keptGroups    kept channel-group indices (channel blocks), empty otherwise
 */
public record BlockMasks(int[] activePatches, int[] keptGroups) {
    public static final BlockMasks NONE = new BlockMasks(new int[0], new int[0]);

    public BlockMasks {
        activePatches = activePatches.clone();
        keptGroups = keptGroups.clone();
    }

    @Override
    public int[] activePatches() {
        return activePatches.clone();
    }

    @Override
    public int[] keptGroups() {
        return keptGroups.clone();
    }
}
