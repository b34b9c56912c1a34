package dev.dynlat.predictor.workload;

import dev.dynlat.operators.lowering.BlockDescription;
import dev.dynlat.operators.lowering.BodyPlan;
import dev.dynlat.operators.lowering.Shortcut;
import dev.dynlat.operators.spec.Conv2dSpec;
import java.util.List;
import java.util.Objects;

/**
 * A residual block of a network: its id and its {@link BlockDescription} (a body that is a chain of
 * convolutions — bottleneck, basic, MBConv, or a file's own {@code residual} block, whose convs may
 * have per-position layers between them — resolved to shapes). Spatial, channel and layer skipping
 * apply to blocks of this one form, whatever their kind; the lowering sees only the description,
 * and the shape queries below are the description's.
 */
public final class ResidualBlock {
    private final String name;
    private final BlockDescription description;

    /** A body of convolutions only, in LAUDNet's layout ({@link BodyPlan#laudnet}). */
    public ResidualBlock(String name, List<Conv2dSpec> body, int seAfter, int seSqueeze, Shortcut shortcut) {
        this(name, describe(name, () -> BlockDescription.of(body, seAfter, seSqueeze, shortcut)));
    }

    /**
     * @param name block id, e.g. {@code layer3.4}
     * @param body the convolutions in order (dense shapes, one sample)
     * @param seAfter index of the body conv whose output SE rescales, or -1 for no SE
     * @param seSqueeze squeeze channels of SE (0 for none)
     * @param shortcut how the input reaches the residual add
     * @param plan the layers between the convs and where the dynamic paradigms act
     */
    public ResidualBlock(String name, List<Conv2dSpec> body, int seAfter, int seSqueeze, Shortcut shortcut,
                         BodyPlan plan) {
        this(name, describe(name, () -> new BlockDescription(body, seAfter, seSqueeze, shortcut, plan)));
    }

    public ResidualBlock(String name, BlockDescription description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The description, its problems naming the block they are in. */
    private static BlockDescription describe(String name, java.util.function.Supplier<BlockDescription> build) {
        Objects.requireNonNull(name, "name");
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in " + name, e);
        }
    }

    public String name() {
        return name;
    }

    /** The block as the lowering sees it. */
    public BlockDescription description() {
        return description;
    }

    public List<Conv2dSpec> body() {
        return description.body();
    }

    public int seAfter() {
        return description.seAfter();
    }

    public int seSqueeze() {
        return description.seSqueeze();
    }

    public Shortcut shortcut() {
        return description.shortcut();
    }

    /** Display name of body conv {@code index}, e.g. {@code conv2 3x3/2 g8}. */
    public String convName(int index) {
        return description.convName(index);
    }

    /** The layers between the convs and where the paradigms act. */
    public BodyPlan plan() {
        return description.plan();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidualBlock b && b.name.equals(name) && b.description.equals(description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description);
    }

    @Override
    public String toString() {
        return "ResidualBlock[" + name + ", " + body().size() + " convs, shortcut " + shortcut() + "]";
    }

    /** A bottleneck block ({@link BlockDescription#bottleneck}) called {@code name}. */
    public static ResidualBlock bottleneck(String name, int inChannels, int width, int outChannels, int inSize,
                                           int stride, int groups, int kernel, int seSqueeze) {
        return new ResidualBlock(name, describe(name, () -> BlockDescription.bottleneck(inChannels, width,
                outChannels, inSize, stride, groups, kernel, seSqueeze)));
    }

    public Conv2dSpec first() {
        return description.first();
    }

    public Conv2dSpec last() {
        return description.last();
    }

    public int inChannels() {
        return description.inChannels();
    }

    /** Channels the channel mask selects from. */
    public int width() {
        return description.width();
    }

    public int outChannels() {
        return description.outChannels();
    }

    public int inHeight() {
        return description.inHeight();
    }

    public int inWidth() {
        return description.inWidth();
    }

    public int outHeight() {
        return description.outHeight();
    }

    public int outWidth() {
        return description.outWidth();
    }

    /** The longer side of the output map in pixels (the largest granularity that fits). */
    public int outSize() {
        return description.outSize();
    }

    /** The block's stride (of the conv that downsamples; 1 if none does). */
    public int stride() {
        return description.stride();
    }

    /** Groups of the first conv that reads and writes kept channels. */
    public int groups() {
        return description.groups();
    }

    public boolean hasSe() {
        return description.hasSe();
    }

    /** Channels and side of the map SE works on. */
    public Conv2dSpec seInput() {
        return description.seInput();
    }

    public boolean hasProjection() {
        return description.hasProjection();
    }

    /** Dense multiply-accumulates of one sample (projection and SE included). */
    public double denseMacs() {
        return description.denseMacs();
    }

    /** Learned parameters of the per-position layers (norms and scales). */
    public double pointwiseWeights() {
        return description.pointwiseWeights();
    }
}
