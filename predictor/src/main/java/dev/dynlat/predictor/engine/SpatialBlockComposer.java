package dev.dynlat.predictor.engine;

import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.ResidualBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Spatial skipping (LAUDNet^s): masker with conv1 (fused or separate), conv2 on the active
 * patches (reading them by indexing, or after a gather kernel), conv3 on the patch batch, scatter
 * fused with the residual add (or scatter then add), the dense projection, and SE pooled over
 * the active patches.
 */
public final class SpatialBlockComposer implements BlockComposer {
    @Override
    public List<OperatorUse> compose(ResidualBlock b, StageDynamics stage, double rate, Schedule schedule,
                                     boolean reference) {
        int s = stage.granularity();
        List<OperatorUse> ops = new ArrayList<>();
        ops.add(OperatorUse.once("masker + conv1 1x1", Role.MASKER,
                new SpatialMaskerSpec(BlockParts.conv1(b), s, rate, 3)));
        Conv2dSpec conv2 = BlockParts.conv2(b);
        boolean gatherKernel = schedule.gather() == Schedule.GatherMode.KERNEL;
        if (gatherKernel) {
            ops.add(OperatorUse.once("gather (halo 1)", Role.GATHER,
                    new GatherSpec(b.width(), b.inSize(), b.inSize(), Math.min(s * b.stride(), b.inSize()), 1, rate)));
        }
        ops.add(OperatorUse.once("conv2 3x3/" + b.stride() + (b.groups() > 1 ? " g" + b.groups() : "")
                + (gatherKernel ? " on gathered patches" : " with indexing"), Role.CONV,
                new SpatialConvSpec(conv2, s, rate, gatherKernel, 0)));
        ops.add(OperatorUse.once("conv3 1x1 on patches", Role.CONV,
                new SpatialConvSpec(BlockParts.conv3(b), s, rate, true, 0)));
        if (schedule.scatterAddFused()) {
            ops.add(OperatorUse.once("scatter-add", Role.SCATTER,
                    new ScatterSpec(b.outChannels(), b.outSize(), b.outSize(), s, rate, true)));
        } else {
            ops.add(OperatorUse.once("scatter", Role.SCATTER,
                    new ScatterSpec(b.outChannels(), b.outSize(), b.outSize(), s, rate, false)));
            ops.add(OperatorUse.once("residual add", Role.DENSE,
                    new ElementwiseSpec(b.outChannels(), b.outSize(), b.outSize())));
        }
        ops.addAll(BlockParts.projection(b, reference));
        if (b.hasSe()) {
            ops.add(OperatorUse.once("squeeze-excitation (active patches)", Role.DENSE,
                    new SqueezeExcitationSpec(b.width(), b.outSize(), b.outSize(), b.seSqueeze(), s, rate)));
        }
        return ops;
    }
}
