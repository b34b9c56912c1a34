package dev.dynlat.predictor.engine;

import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.predictor.workload.ResidualBlock;
import java.util.ArrayList;
import java.util.List;

/** Operators every paradigm shares: the dense body, the projection shortcut, dense SE. */
final class BlockParts {
    private BlockParts() {
    }

    static Conv2dSpec conv1(ResidualBlock b) {
        return Conv2dSpec.dense(b.inChannels(), b.width(), b.inSize(), b.inSize(), 1, 1, 1);
    }

    static Conv2dSpec conv2(ResidualBlock b) {
        return Conv2dSpec.dense(b.width(), b.width(), b.inSize(), b.inSize(), 3, b.stride(), b.groups());
    }

    static Conv2dSpec conv3(ResidualBlock b) {
        return Conv2dSpec.dense(b.width(), b.outChannels(), b.outSize(), b.outSize(), 1, 1, 1);
    }

    static ElementwiseSpec residualAdd(ResidualBlock b) {
        return new ElementwiseSpec(b.outChannels(), b.outSize(), b.outSize());
    }

    /**
     * The projection shortcut, which always runs. The reference composes it only for stride-2
     * blocks, omitting ResNet's stride-1 projection in layer1.0; the fix includes it.
     */
    static List<OperatorUse> projection(ResidualBlock b, boolean reference) {
        boolean present = reference ? b.stride() == 2 : b.hasProjection();
        if (!present) {
            return List.of();
        }
        return List.of(OperatorUse.once("projection 1x1/" + b.stride(), Role.DENSE,
                Conv2dSpec.dense(b.inChannels(), b.outChannels(), b.inSize(), b.inSize(), 1, b.stride(), 1)));
    }

    static SqueezeExcitationSpec denseSe(ResidualBlock b) {
        return SqueezeExcitationSpec.dense(b.width(), b.outSize(), b.outSize(), b.seSqueeze());
    }

    /** The dense residual branch: conv1, conv2, conv3, add, SE — each run {@code weight} times. */
    static List<OperatorUse> denseBranch(ResidualBlock b, double weight) {
        List<OperatorUse> ops = new ArrayList<>();
        ops.add(new OperatorUse("conv1 1x1", Role.CONV, conv1(b), weight));
        ops.add(new OperatorUse("conv2 3x3/" + b.stride() + (b.groups() > 1 ? " g" + b.groups() : ""), Role.CONV,
                conv2(b), weight));
        ops.add(new OperatorUse("conv3 1x1", Role.CONV, conv3(b), weight));
        ops.add(new OperatorUse("residual add", Role.DENSE, residualAdd(b), weight));
        if (b.hasSe()) {
            ops.add(new OperatorUse("squeeze-excitation", Role.DENSE, denseSe(b), weight));
        }
        return ops;
    }
}
