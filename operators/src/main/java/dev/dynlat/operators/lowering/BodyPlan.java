package dev.dynlat.operators.lowering;

import dev.dynlat.operators.spec.Conv2dSpec;
import java.util.List;
import java.util.Objects;

/**
 * How a residual body runs under the dynamic paradigms, beyond its convolutions: the layers
 * between them, where spatial patches gather, what the masker reads, and where the channel mask
 * starts. The zoo's block kinds use {@link #laudnet}: LAUDNet's layout, in which the masker shares
 * the first conv's input and fuses into it, and patches gather before the second conv.
 *
 * @param convNames display name of each body conv
 * @param pointwise per-position layers in body order (slot 0 before the first conv, slot i + 1 after conv i)
 * @param gatherAt index of the body conv before which spatial patches gather: convs before it run on
 *                 the whole map, it and the later convs on the active patches
 * @param maskerWithFirstConv whether the spatial masker fuses into the first conv (it reads the block input,
 *                            the first conv reads it too and is the only conv before the gather)
 * @param maskerReads what the maskers read, for display: {@code input} or a body layer's id
 * @param maskerInput the tensor the spatial and channel maskers read (the block input by default)
 * @param channelMaskFrom index of the body conv whose output channels the channel mask selects first;
 *                        the convs after it up to the last read and write the kept channels
 */
public record BodyPlan(List<String> convNames, List<PointwiseLayer> pointwise, int gatherAt,
                       boolean maskerWithFirstConv, String maskerReads, MapShape maskerInput,
                       int channelMaskFrom) {
    public BodyPlan {
        convNames = List.copyOf(convNames);
        pointwise = List.copyOf(pointwise);
        Objects.requireNonNull(maskerReads, "maskerReads");
        Objects.requireNonNull(maskerInput, "maskerInput");
        if (gatherAt < 0 || gatherAt >= convNames.size()) {
            throw new IllegalArgumentException("gather: conv index " + gatherAt + " is outside the "
                    + convNames.size() + " body convs");
        }
        if (channelMaskFrom < 0 || channelMaskFrom > convNames.size() - 2) {
            throw new IllegalArgumentException("channel_mask: conv index " + channelMaskFrom
                    + " leaves no conv after it among " + convNames.size());
        }
        if (maskerWithFirstConv && gatherAt != 1) {
            throw new IllegalArgumentException("masker: fusing into the first conv needs patches to gather before the"
                    + " second, not conv " + gatherAt);
        }
        for (PointwiseLayer p : pointwise) {
            if (p.slot() > convNames.size()) {
                throw new IllegalArgumentException("slot: " + p.slot() + " is after the last of " + convNames.size()
                        + " convs");
            }
        }
    }

    /** LAUDNet's layout for a body of convolutions only. */
    public static BodyPlan laudnet(List<Conv2dSpec> body) {
        String[] names = new String[body.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = ConvLabels.name(i, body.get(i));
        }
        var first = body.get(0);
        return new BodyPlan(List.of(names), List.of(), 1, true, "input",
                new MapShape(first.inChannels(), first.inHeight(), first.inWidth()), 0);
    }

    /** Whether the body runs as LAUDNet's blocks do (whatever its convs are called). */
    public boolean laudnetLayout() {
        return pointwise.isEmpty() && gatherAt == 1 && maskerWithFirstConv && channelMaskFrom == 0
                && maskerReads.equals("input");
    }

    /** The pointwise layers in {@code slot}, in body order. */
    public List<PointwiseLayer> inSlot(int slot) {
        if (pointwise.isEmpty()) {
            return List.of(); // the zoo's blocks, on the sweep's hot path
        }
        return pointwise.stream().filter(p -> p.slot() == slot).toList();
    }
}
