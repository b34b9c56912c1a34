package dev.dynlat.operators.model;

/**
 * A chosen tiling: tile extents along output channels, rows and columns, the number of active
 * patches one engine processes together (1 for static operators), and the tile count. Zero in a
 * field means the dimension is not tiled by this operator. A GPU library model names the vendor
 * kernel (or kernels) it chose in {@code kernel} (empty for the analytic tile searches).
 */
public record Tiling(int channelTile, int rowTile, int colTile, int patchesPerTile, long tiles, String kernel) {
    public static final Tiling NONE = new Tiling(0, 0, 0, 0, 0);

    public Tiling {
        kernel = kernel == null ? "" : kernel;
    }

    /** A tiling of the analytic tile searches (no named kernel). */
    public Tiling(int channelTile, int rowTile, int colTile, int patchesPerTile, long tiles) {
        this(channelTile, rowTile, colTile, patchesPerTile, tiles, "");
    }

    /** A vendor library's kernel choice: its name and the thread blocks it launches. */
    public static Tiling libraryKernel(String kernel, long threadBlocks) {
        return new Tiling(0, 0, 0, 0, threadBlocks, kernel);
    }

    @Override
    public String toString() {
        if (!kernel.isEmpty()) {
            return tiles > 0 ? kernel + " (" + tiles + " blocks)" : kernel;
        }
        if (tiles == 0) {
            return "-";
        }
        String s = channelTile + "x" + rowTile + "x" + colTile;
        if (patchesPerTile > 1) {
            s += " p" + patchesPerTile;
        }
        return s + " (" + tiles + " tiles)";
    }
}
