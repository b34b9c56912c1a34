package dev.dynlat.operators.spec;

import java.util.List;

/**
 * Channel concatenation of two or more {@code c_i × height × width} maps into one map of
 * {@code Σ c_i} channels (dense connections). Pure data movement: every input is read once and
 * the output written once. No MACs.
 */
public record ConcatSpec(List<Integer> inputChannels, int height, int width) implements OperatorSpec {
    public ConcatSpec {
        if (inputChannels == null || inputChannels.size() < 2) {
            throw new IllegalArgumentException("input_channels: a concat needs at least 2 inputs, got "
                    + (inputChannels == null ? 0 : inputChannels.size()));
        }
        for (int i = 0; i < inputChannels.size(); i++) {
            Integer c = inputChannels.get(i);
            if (c == null || c <= 0) {
                throw new IllegalArgumentException("input_channels[" + i + "]: must be a positive integer, got " + c);
            }
        }
        inputChannels = List.copyOf(inputChannels);
        Check.positive("height", height);
        Check.positive("width", width);
        long total = inputChannels.stream().mapToLong(Integer::longValue).sum();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("input_channels: " + total + " channels in all is too many");
        }
    }

    /** Channels of the concatenated output. */
    public int outChannels() {
        return inputChannels.stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String kind() {
        return "concat";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
