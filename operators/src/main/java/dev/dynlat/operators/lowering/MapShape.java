package dev.dynlat.operators.lowering;

/**
 * A feature map of one sample: {@code channels × height × width} elements (counts, not bytes).
 *
 * @param channels channels of the map
 * @param height   rows in pixels
 * @param width    columns in pixels
 */
public record MapShape(int channels, int height, int width) {
    public MapShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("map: channels, height and width must be positive, got " + channels
                    + "x" + height + "x" + width);
        }
    }
}
