package dev.dynlat.operators.spec;

/** Scaling a {@code channels × height × width} map by one value per channel (SE excitation). */
public record BroadcastMulSpec(int channels, int height, int width) implements OperatorSpec {
    public BroadcastMulSpec {
        Check.positive("channels", channels);
        Check.positive("height", height);
        Check.positive("width", width);
    }

    @Override
    public String kind() {
        return "elementwise";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
