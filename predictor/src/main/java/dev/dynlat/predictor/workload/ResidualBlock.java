package dev.dynlat.predictor.workload;

import dev.dynlat.operators.spec.Conv2dSpec;
import java.util.List;
import java.util.Objects;

/**
 * A residual block whose body is a chain of convolutions (bottleneck, basic, MBConv, or a file's
 * own {@code residual} block, whose convs may have per-position layers between them), resolved to
 * shapes. Spatial, channel and layer skipping apply to blocks of this one form, whatever their
 * kind, so the paradigms' composers see only this record.
 *
 * @param name block id, e.g. {@code layer3.4}
 * @param body the convolutions in order (dense shapes, one sample)
 * @param seAfter index of the body conv whose output SE rescales, or -1 for no SE
 * @param seSqueeze squeeze channels of SE (0 for none)
 * @param shortcut how the input reaches the residual add
 * @param plan the layers between the convs and where the dynamic paradigms act ({@link BodyPlan#laudnet} by default)
 */
public final class ResidualBlock {
    private final String name;
    private final List<Conv2dSpec> body;
    private final int seAfter;
    private final int seSqueeze;
    private final Shortcut shortcut;
    private final BodyPlan plan;

    /** How a block's input is carried to its residual add. */
    public enum Shortcut {
        /** The input itself (same shape). */
        IDENTITY,
        /** A 1×1 convolution with the block's stride (shape changes). */
        PROJECTION,
        /** Average pooling by the stride and zero-padded channels (CIFAR ResNets). */
        PAD
    }

    public ResidualBlock(String name, List<Conv2dSpec> body, int seAfter, int seSqueeze, Shortcut shortcut) {
        this(name, body, seAfter, seSqueeze, shortcut, body.size() < 2 ? null : BodyPlan.laudnet(body));
    }

    public ResidualBlock(String name, List<Conv2dSpec> body, int seAfter, int seSqueeze, Shortcut shortcut,
                         BodyPlan plan) {
        this.name = Objects.requireNonNull(name, "name");
        this.body = List.copyOf(body);
        this.seAfter = seAfter;
        this.seSqueeze = seSqueeze;
        this.shortcut = Objects.requireNonNull(shortcut, "shortcut");
        if (body.size() < 2) {
            throw new IllegalArgumentException("body: a residual block needs at least two convolutions, got "
                    + body.size() + " in " + name);
        }
        if ((seAfter < 0) != (seSqueeze <= 0)) {
            throw new IllegalArgumentException("se: position and squeeze must both be set in " + name);
        }
        this.plan = Objects.requireNonNull(plan, "plan");
        if (plan.convNames().size() != this.body.size()) {
            throw new IllegalArgumentException("plan: " + plan.convNames().size() + " conv names for "
                    + this.body.size() + " convs in " + name);
        }
    }

    public String name() {
        return name;
    }

    public List<Conv2dSpec> body() {
        return body;
    }

    public int seAfter() {
        return seAfter;
    }

    public int seSqueeze() {
        return seSqueeze;
    }

    public Shortcut shortcut() {
        return shortcut;
    }

    /** Display name of body conv {@code index}, e.g. {@code conv2 3x3/2 g8}. */
    public String convName(int index) {
        return plan.convNames().get(index);
    }

    /** The layers between the convs and where the paradigms act. */
    public BodyPlan plan() {
        return plan;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidualBlock b && b.name.equals(name) && b.body.equals(body) && b.seAfter == seAfter
                && b.seSqueeze == seSqueeze && b.shortcut == shortcut && b.plan.equals(plan);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, body, seAfter, seSqueeze, shortcut, plan);
    }

    @Override
    public String toString() {
        return "ResidualBlock[" + name + ", " + body.size() + " convs, shortcut " + shortcut + "]";
    }

    /**
     * A bottleneck block (1×1 in → width, k×k width → width with stride and groups, 1×1 width → out),
     * with SE on the k×k conv's output when {@code seSqueeze > 0}; the projection shortcut is used
     * when the shape changes.
     */
    public static ResidualBlock bottleneck(String name, int inChannels, int width, int outChannels, int inSize,
                                           int stride, int groups, int kernel, int seSqueeze) {
        int out = inSize / stride;
        List<Conv2dSpec> body = List.of(
                Conv2dSpec.dense(inChannels, width, inSize, inSize, 1, 1, 1),
                Conv2dSpec.dense(width, width, inSize, inSize, kernel, stride, Math.max(groups, 1)),
                Conv2dSpec.dense(width, outChannels, out, out, 1, 1, 1));
        boolean project = stride != 1 || inChannels != outChannels;
        return new ResidualBlock(name, body, seSqueeze > 0 ? 1 : -1, seSqueeze,
                project ? Shortcut.PROJECTION : Shortcut.IDENTITY);
    }

    /** The dense map at a pointwise slot: the block input (slot 0) or body conv {@code slot - 1}'s output. */
    public Shape.FeatureMap slotMap(int slot) {
        if (slot == 0) {
            return new Shape.FeatureMap(inChannels(), first().inHeight(), first().inWidth());
        }
        Conv2dSpec c = body.get(slot - 1);
        return new Shape.FeatureMap(c.outChannels(), c.outHeight(), c.outWidth());
    }

    public Conv2dSpec first() {
        return body.get(0);
    }

    public Conv2dSpec last() {
        return body.get(body.size() - 1);
    }

    public int inChannels() {
        return first().inChannels();
    }

    /** Channels the channel mask selects from: the output of the conv it starts at (the first by default). */
    public int width() {
        return body.get(plan.channelMaskFrom()).outChannels();
    }

    public int outChannels() {
        return last().outChannels();
    }

    public int inSize() {
        return first().inHeight();
    }

    public int outSize() {
        return last().outHeight();
    }

    /** The block's stride (of the conv that downsamples; 1 if none does). */
    public int stride() {
        int s = 1;
        for (Conv2dSpec c : body) {
            s *= c.stride();
        }
        return s;
    }

    /**
     * Groups of the first conv that reads and writes kept channels (the second for the zoo's blocks;
     * 1 for a basic block, where none does).
     */
    public int groups() {
        int middle = plan.channelMaskFrom() + 1;
        return middle < body.size() - 1 ? body.get(middle).groups() : 1;
    }

    public boolean hasSe() {
        return seSqueeze > 0;
    }

    /** Channels and side of the map SE works on. */
    public Conv2dSpec seInput() {
        return body.get(seAfter);
    }

    public boolean hasProjection() {
        return shortcut == Shortcut.PROJECTION;
    }

    /** Dense multiply-accumulates of one sample (projection and SE included). */
    public double denseMacs() {
        double macs = 0;
        for (Conv2dSpec c : body) {
            macs += c.macsPerSample();
        }
        if (hasProjection()) {
            macs += (double) inChannels() * outChannels() * outSize() * outSize();
        }
        if (hasSe()) {
            macs += 2.0 * seInput().outChannels() * seSqueeze;
        }
        return macs;
    }

    /** Learned parameters of the per-position layers (norms and scales). */
    public double pointwiseWeights() {
        double w = 0;
        for (PointwiseLayer p : plan.pointwise()) {
            w += p.weights(slotMap(p.slot()).channels());
        }
        return w;
    }
}
