package dev.dynlat.operators.model;

/**
 * A chosen tiling: tile extents along output channels, rows and columns, the number of active
 * patches one engine processes together (1 for static operators), and the tile count. Zero in a
 * field means the dimension is not tiled by this operator.
 */
public record Tiling(int channelTile, int rowTile, int colTile, int patchesPerTile, long tiles) {
    public static final Tiling NONE = new Tiling(0, 0, 0, 0, 0);

    @Override
    public String toString() {
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
