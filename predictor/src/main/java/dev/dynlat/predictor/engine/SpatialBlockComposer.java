package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.Role;
import dev.dynlat.predictor.workload.OperatorUse;

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
 * Spatial skipping (LAUDNet^s): the masker with the first conv (fused or separate), the second
 * conv on the active patches (reading them by indexing, or after a gather kernel), later convs on
 * the patch batch, scatter fused with the residual add (or scatter then add), the shortcut, and SE
 * pooled over the active patches. A bottleneck gives exactly LAUDNet's block; basic and MBConv
 * bodies follow the same pattern.
 */
public final class SpatialBlockComposer implements BlockComposer {
    @Override
    public List<OperatorUse> compose(ResidualBlock b, StageDynamics stage, double rate, Schedule schedule,
                                     boolean reference) {
        int s = stage.granularity();
        List<Conv2dSpec> body = b.body();
        List<OperatorUse> ops = new ArrayList<>();
        ops.add(OperatorUse.once("masker + " + b.convName(0), Role.MASKER,
                new SpatialMaskerSpec(body.get(0), s, rate, body.get(1).kernel())));
        boolean gatherKernel = schedule.gather() == Schedule.GatherMode.KERNEL;
        Conv2dSpec second = body.get(1);
        if (gatherKernel) {
            int halo = second.kernel() / 2;
            ops.add(OperatorUse.once("gather (halo " + halo + ")", Role.GATHER,
                    new GatherSpec(second.inChannels(), second.inHeight(), second.inWidth(),
                            Math.min(s * second.stride(), Math.max(second.inHeight(), second.inWidth())), halo, rate)));
        }
        ops.add(OperatorUse.once(b.convName(1)
                + (gatherKernel ? " on gathered patches" : " with indexing"), Role.CONV,
                new SpatialConvSpec(second, s, rate, gatherKernel, 0)));
        for (int i = 2; i < body.size(); i++) {
            ops.add(OperatorUse.once(b.convName(i) + " on patches", Role.CONV,
                    new SpatialConvSpec(body.get(i), s, rate, true, 0)));
        }
        if (schedule.scatterAddFused()) {
            ops.add(OperatorUse.once("scatter-add", Role.SCATTER,
                    new ScatterSpec(b.outChannels(), b.outHeight(), b.outWidth(), s, rate, true)));
        } else {
            ops.add(OperatorUse.once("scatter", Role.SCATTER,
                    new ScatterSpec(b.outChannels(), b.outHeight(), b.outWidth(), s, rate, false)));
            ops.add(OperatorUse.once("residual add", Role.DENSE,
                    new ElementwiseSpec(b.outChannels(), b.outHeight(), b.outWidth())));
        }
        ops.addAll(BlockParts.shortcut(b, reference));
        if (b.hasSe()) {
            ops.add(OperatorUse.once("squeeze-excitation (active patches)", Role.DENSE,
                    new SqueezeExcitationSpec(b.seInput().outChannels(), b.outHeight(), b.outWidth(), b.seSqueeze(), s,
                            rate)));
        }
        return ops;
    }
}
