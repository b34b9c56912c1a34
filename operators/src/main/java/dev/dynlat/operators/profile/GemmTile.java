package dev.dynlat.operators.profile;

/**
 * The output tile one thread block of a vendor GEMM kernel computes: {@code cols} output columns
 * (cuBLAS's {@code m}, the output features of a linear layer) by {@code rows} output rows (cuBLAS's
 * {@code n}: the batch × tokens of a linear layer, the pixels of an implicit-GEMM convolution). The
 * kernel names carry it: {@code volta_sgemm_128x64_tn} is 128 columns by 64 rows.
 *
 * @param cols output columns per thread block
 * @param rows output rows per thread block
 */
public record GemmTile(int cols, int rows) {
    public GemmTile {
        if (cols <= 0 || rows <= 0) {
            throw new IllegalArgumentException("tile: extents must be positive, got " + cols + "x" + rows);
        }
    }

    /** {@code "128x64"}: the name profiles and reports use. */
    public String id() {
        return cols + "x" + rows;
    }

    /** Parses {@code "128x64"}. */
    public static GemmTile parse(String id) {
        String[] parts = id.split("x", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("tile: expected COLSxROWS such as 128x64, got '" + id + "'");
        }
        try {
            return new GemmTile(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tile: expected COLSxROWS such as 128x64, got '" + id + "'");
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
