package dev.dynlat.predictor.workload;

import dev.dynlat.operators.lowering.ConvLabels;
/**
 * A residual block with a convolutional body (bottleneck, basic, MBConv with a shortcut): the
 * blocks spatial, channel and layer skipping apply to, unless {@code dynamic} is false.
 */
public record ResidualBlockNode(String kind, ResidualBlock block, Shape output, boolean dynamic) implements NetworkNode {
    @Override
    public String id() {
        return block.name();
    }

    @Override
    public double macs() {
        return block.denseMacs();
    }

    @Override
    public double weights() {
        double w = block.pointwiseWeights();
        for (var c : block.body()) {
            w += ConvLabels.weights(c);
        }
        if (block.hasProjection()) {
            w += (double) block.inChannels() * block.outChannels();
        }
        if (block.hasSe()) {
            w += 2.0 * block.seInput().outChannels() * block.seSqueeze();
        }
        return w;
    }

    @Override
    public boolean backboneBlock() {
        return true;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.residualBlock(this);
    }
}
