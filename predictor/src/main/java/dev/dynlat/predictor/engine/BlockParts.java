package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.Role;
import dev.dynlat.predictor.workload.OperatorUse;

import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.predictor.workload.PointwiseLayer;
import dev.dynlat.predictor.workload.ResidualBlock;
import dev.dynlat.predictor.workload.Shape;
import java.util.ArrayList;
import java.util.List;

/** Operators every paradigm shares: names, the dense body, the shortcut, dense SE. */
final class BlockParts {
    private BlockParts() {
    }

    static ElementwiseSpec residualAdd(ResidualBlock b) {
        return new ElementwiseSpec(b.outChannels(), b.outSize(), b.outSize());
    }

    /**
     * The shortcut's own operators, which always run. The reference composes the projection only
     * for stride-2 blocks, omitting ResNet's stride-1 projection in layer1.0; the fix includes it.
     */
    static List<OperatorUse> shortcut(ResidualBlock b, boolean reference) {
        return switch (b.shortcut()) {
            case IDENTITY -> List.of();
            case PROJECTION -> reference && b.stride() != 2 ? List.of()
                    : List.of(OperatorUse.once("projection 1x1/" + b.stride(), Role.DENSE,
                            Conv2dSpec.dense(b.inChannels(), b.outChannels(), b.inSize(), b.inSize(), 1, b.stride(), 1)));
            case PAD -> padShortcut(b);
        };
    }

    private static List<OperatorUse> padShortcut(ResidualBlock b) {
        List<OperatorUse> ops = new ArrayList<>();
        int out = b.outSize();
        if (b.stride() > 1) {
            ops.add(OperatorUse.once("shortcut avg-pool " + b.stride() + "x" + b.stride(), Role.DENSE,
                    new AvgPoolSpec(b.inChannels(), b.inSize(), b.inSize(), out, out)));
        }
        int extra = b.outChannels() - b.inChannels();
        if (extra > 0) {
            ops.add(OperatorUse.once("shortcut zero-pad", Role.DENSE,
                    new ConcatSpec(List.of(b.inChannels(), extra), out, out)));
        }
        return ops;
    }

    /** The per-position layers of {@code slot} on the whole map, each run {@code weight} times. */
    static List<OperatorUse> densePointwise(ResidualBlock b, int slot, double weight) {
        List<PointwiseLayer> layers = b.plan().inSlot(slot);
        if (layers.isEmpty()) {
            return List.of();
        }
        Shape.FeatureMap m = b.slotMap(slot);
        List<OperatorUse> ops = new ArrayList<>();
        for (PointwiseLayer p : layers) {
            ops.add(new OperatorUse(p.name(), Role.DENSE, p.over(m.channels(), m.height(), m.width()), weight));
        }
        return ops;
    }

    /**
     * The per-position layers of {@code slot} on part of the map, once each: {@code channels} kept
     * channels of a {@code height × width} map of one sample (a patch batch is one row of its
     * positions); at least one element each way, so a layer that runs keeps its launch.
     */
    static List<OperatorUse> partialPointwise(ResidualBlock b, int slot, int channels, int height, long width,
                                              String where) {
        List<OperatorUse> ops = new ArrayList<>();
        int w = Math.toIntExact(Math.max(width, 1));
        for (PointwiseLayer p : b.plan().inSlot(slot)) {
            ops.add(OperatorUse.once(p.name() + where, Role.DENSE, p.over(Math.max(channels, 1), Math.max(height, 1), w)));
        }
        return ops;
    }

    static SqueezeExcitationSpec denseSe(ResidualBlock b) {
        Conv2dSpec at = b.seInput();
        return SqueezeExcitationSpec.dense(at.outChannels(), at.outHeight(), at.outWidth(), b.seSqueeze());
    }

    /** The dense residual branch: the body convs with their per-position layers, add, SE — each run {@code weight} times. */
    static List<OperatorUse> denseBranch(ResidualBlock b, double weight) {
        List<OperatorUse> ops = new ArrayList<>(densePointwise(b, 0, weight));
        for (int i = 0; i < b.body().size(); i++) {
            ops.add(new OperatorUse(b.convName(i), Role.CONV, b.body().get(i), weight));
            ops.addAll(densePointwise(b, i + 1, weight));
        }
        ops.add(new OperatorUse("residual add", Role.DENSE, residualAdd(b), weight));
        if (b.hasSe()) {
            ops.add(new OperatorUse("squeeze-excitation", Role.DENSE, denseSe(b), weight));
        }
        return ops;
    }
}
