package dev.dynlat.operators.spec;

/**
 * A copy of an {@code outHeight × outWidth} window of every channel of a
 * {@code channels × height × width} map (GFNet's patch crop); the window fits in the map.
 */
public record CropSpec(int channels, int height, int width, int outHeight, int outWidth) implements OperatorSpec {
    public CropSpec {
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
        Check.positive("out_height", outHeight);
        Check.positive("out_width", outWidth);
        if (outHeight > height) {
            throw new IllegalArgumentException("out_height: " + outHeight + " is larger than the map height " + height);
        }
        if (outWidth > width) {
            throw new IllegalArgumentException("out_width: " + outWidth + " is larger than the map width " + width);
        }
    }

    @Override
    public String kind() {
        return "crop";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
