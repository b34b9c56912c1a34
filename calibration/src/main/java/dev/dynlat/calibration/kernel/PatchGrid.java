package dev.dynlat.calibration.kernel;

/**
 * Geometry shared by the gather/scatter kernels: the map is cut into granularity x granularity patches
 * (edge patches may stick out of maps whose size is not a multiple). Patch index {@code p} addresses image
 * {@code p / (gridHeight * gridWidth)}, patch row {@code (p % perImage) / gridWidth}, patch column
 * {@code p % gridWidth}.
 */
public record PatchGrid(int batch, int height, int width, int granularity) {

    public int gridHeight() {
        return (height + granularity - 1) / granularity;
    }

    public int gridWidth() {
        return (width + granularity - 1) / granularity;
    }

    /** Number of patch positions over the whole batch. */
    public long patchCount() {
        return (long) batch * gridHeight() * gridWidth();
    }

    /** Validates the grid sizes and a list of distinct active patch indices. */
    void validate(String listField, int[] activePatches) {
        Checks.positive("batch", batch);
        Checks.positive("height", height);
        Checks.positive("width", width);
        Checks.positive("granularity", granularity);
        if (granularity > height || granularity > width) {
            throw new IllegalArgumentException("granularity = " + granularity + " is larger than the map "
                    + height + "x" + width);
        }
        if (patchCount() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("patch grid has " + patchCount() + " positions, too many");
        }
        Checks.indexList(listField, activePatches, (int) patchCount());
    }
}
