package dev.dynlat.operators.spec;

/**
 * One step of a GRU cell on one {@code inputSize} vector per sample with a {@code hiddenSize}
 * state: the input and hidden gate projections (each to {@code 3 × hiddenSize}: reset, update,
 * new) and the pointwise gate arithmetic. MACs {@code 3·(input·hidden + hidden·hidden)}.
 */
public record GruCellSpec(int inputSize, int hiddenSize) implements OperatorSpec {
    public GruCellSpec {
        Check.positive("input_size", inputSize);
        Check.positive("hidden_size", hiddenSize);
        if (3L * hiddenSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("hidden_size: " + hiddenSize + " is too large for 3 gates");
        }
    }

    @Override
    public String kind() {
        return "gru";
    }

    @Override
    public double macsPerSample() {
        return 3.0 * ((double) inputSize * hiddenSize + (double) hiddenSize * hiddenSize);
    }
}
