package dev.dynlat.operators.spec;

/**
 * The channel masker of a block: global pooling of the block input, then FC layers that output
 * one keep-logit per dynamic channel group. With {@code hidden > 0} it is pool → FC(in→hidden) →
 * FC(hidden→groups); with {@code hidden == 0}, pool → FC(in→groups). One group means the block is
 * not channel-dynamic and the masker costs nothing.
 */
public record ChannelMaskerSpec(int inChannels, int height, int width, int groups, int hidden)
        implements OperatorSpec {
    public ChannelMaskerSpec {
        Check.positive("in_channels", inChannels);
        Check.positive("height", height);
        Check.positive("width", width);
        Check.positive("groups", groups);
        if (hidden < 0) {
            throw new IllegalArgumentException("hidden: must be ≥ 0, got " + hidden);
        }
    }

    @Override
    public String kind() {
        return "channel-masker";
    }

    @Override
    public double macsPerSample() {
        if (groups == 1) {
            return 0;
        }
        return hidden == 0 ? (double) inChannels * groups
                : (double) inChannels * hidden + (double) hidden * groups;
    }
}
