package dev.dynlat.predictor.distribution;

/**
 * Probability mass per latency bin: bin i covers [lowMs + i·widthMs, lowMs + (i+1)·widthMs),
 * the last bin includes its upper edge. A zero width means every input has the same latency.
 *
 * @param lowMs lower edge of the first bin, milliseconds
 * @param widthMs bin width, milliseconds
 * @param probability mass of each bin, summing to 1
 */
public record Histogram(double lowMs, double widthMs, double[] probability) {
    public Histogram {
        probability = probability.clone();
    }

    @Override
    public double[] probability() {
        return probability.clone();
    }

    public int bins() {
        return probability.length;
    }

    public double lowerEdgeMs(int bin) {
        return lowMs + bin * widthMs;
    }

    public double upperEdgeMs(int bin) {
        return lowMs + (bin + 1) * widthMs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.lowMs == lowMs && h.widthMs == widthMs
                && java.util.Arrays.equals(h.probability, probability);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(probability) + Double.hashCode(lowMs);
    }

    @Override
    public String toString() {
        return "Histogram[lowMs=" + lowMs + ", widthMs=" + widthMs + ", probability="
                + java.util.Arrays.toString(probability) + "]";
    }
}
