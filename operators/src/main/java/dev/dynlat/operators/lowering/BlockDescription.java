package dev.dynlat.operators.lowering;

import dev.dynlat.operators.spec.Conv2dSpec;
import java.util.List;
import java.util.Objects;

/**
 * A residual block as the lowering sees it: a body that is a chain of convolutions (bottleneck,
 * basic, MBConv, or a user's own body with per-position layers between its convs), resolved to
 * shapes of one sample, with its squeeze-excitation, its shortcut and its {@link BodyPlan}. Every
 * dynamic paradigm lowers blocks of this one form; whoever builds blocks (the predictor's
 * workloads, the calibration suite) describes them with this record.
 *
 * @param body      the convolutions in order (dense shapes, one sample)
 * @param seAfter   index of the body conv whose output SE rescales, or -1 for no SE
 * @param seSqueeze squeeze channels of SE (0 for none)
 * @param shortcut  how the input reaches the residual add
 * @param plan      the layers between the convs and where the dynamic paradigms act
 */
public record BlockDescription(List<Conv2dSpec> body, int seAfter, int seSqueeze, Shortcut shortcut, BodyPlan plan) {
    public BlockDescription {
        body = List.copyOf(body);
        Objects.requireNonNull(shortcut, "shortcut");
        Objects.requireNonNull(plan, "plan");
        requireTwoConvs(body);
        if ((seAfter < 0) != (seSqueeze <= 0)) {
            throw new IllegalArgumentException("se: position and squeeze must both be set, got conv " + seAfter
                    + " and squeeze " + seSqueeze);
        }
        if (seAfter >= body.size()) {
            throw new IllegalArgumentException("se: conv index " + seAfter + " is outside the " + body.size()
                    + " body convs");
        }
        if (plan.convNames().size() != body.size()) {
            throw new IllegalArgumentException("plan: " + plan.convNames().size() + " conv names for " + body.size()
                    + " convs");
        }
    }

    /** A body of convolutions only, in LAUDNet's layout ({@link BodyPlan#laudnet}). */
    public static BlockDescription of(List<Conv2dSpec> body, int seAfter, int seSqueeze, Shortcut shortcut) {
        requireTwoConvs(body); // before the plan, whose own complaint would be about the gather point
        return new BlockDescription(body, seAfter, seSqueeze, shortcut, BodyPlan.laudnet(body));
    }

    private static void requireTwoConvs(List<Conv2dSpec> body) {
        if (body.size() < 2) {
            throw new IllegalArgumentException("body: a residual block needs at least two convolutions, got "
                    + body.size());
        }
    }

    /**
     * A bottleneck block (1×1 in → width, k×k width → width with stride and groups, 1×1 width → out)
     * on an {@code inSize × inSize} map, with SE on the k×k conv's output when {@code seSqueeze > 0};
     * the projection shortcut is used when the shape changes.
     */
    public static BlockDescription bottleneck(int inChannels, int width, int outChannels, int inSize, int stride,
                                              int groups, int kernel, int seSqueeze) {
        int out = inSize / stride;
        List<Conv2dSpec> body = List.of(
                Conv2dSpec.dense(inChannels, width, inSize, inSize, 1, 1, 1),
                Conv2dSpec.dense(width, width, inSize, inSize, kernel, stride, Math.max(groups, 1)),
                Conv2dSpec.dense(width, outChannels, out, out, 1, 1, 1));
        boolean project = stride != 1 || inChannels != outChannels;
        return of(body, seSqueeze > 0 ? 1 : -1, seSqueeze, project ? Shortcut.PROJECTION : Shortcut.IDENTITY);
    }

    /** Display name of body conv {@code index}, e.g. {@code conv2 3x3/2 g8}. */
    public String convName(int index) {
        return plan.convNames().get(index);
    }

    /** The dense map at a pointwise slot: the block input (slot 0) or body conv {@code slot - 1}'s output. */
    public MapShape slotMap(int slot) {
        if (slot == 0) {
            return new MapShape(inChannels(), first().inHeight(), first().inWidth());
        }
        Conv2dSpec c = body.get(slot - 1);
        return new MapShape(c.outChannels(), c.outHeight(), c.outWidth());
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

    public int inHeight() {
        return first().inHeight();
    }

    public int inWidth() {
        return first().inWidth();
    }

    public int outHeight() {
        return last().outHeight();
    }

    public int outWidth() {
        return last().outWidth();
    }

    /**
     * The longer side of the output map in pixels: a granularity S up to it fits (a patch grid
     * covers each side with {@code ceil(side / S)} patches).
     */
    public int outSize() {
        return Math.max(outHeight(), outWidth());
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
            macs += (double) inChannels() * outChannels() * outHeight() * outWidth();
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
