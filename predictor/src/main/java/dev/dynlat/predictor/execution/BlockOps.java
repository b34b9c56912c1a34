package dev.dynlat.predictor.execution;

import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.predictor.workload.OperatorUse;
import dev.dynlat.predictor.workload.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators a block composer listed for one residual block, sorted by what they do, so the
 * builder can wire them in dataflow order (the composers list the shortcut and SE last; they run
 * where their inputs are ready). Every operator must be claimed; an unknown one is refused.
 */
record BlockOps(OperatorUse spatialMasker, OperatorUse gather, List<OperatorUse> spatialConvs, OperatorUse scatter,
                OperatorUse channelMasker, OperatorUse layerGate, List<OperatorUse> convs, OperatorUse projection,
                OperatorUse residualAdd, OperatorUse se) {

    static BlockOps of(List<OperatorUse> uses) {
        OperatorUse masker = null;
        OperatorUse gather = null;
        OperatorUse scatter = null;
        OperatorUse channelMasker = null;
        OperatorUse gate = null;
        OperatorUse projection = null;
        OperatorUse add = null;
        OperatorUse se = null;
        List<OperatorUse> spatialConvs = new ArrayList<>();
        List<OperatorUse> convs = new ArrayList<>();
        for (OperatorUse u : uses) {
            var spec = u.spec();
            if (spec instanceof SpatialMaskerSpec) {
                masker = u;
            } else if (spec instanceof GatherSpec) {
                gather = u;
            } else if (spec instanceof SpatialConvSpec) {
                spatialConvs.add(u);
            } else if (spec instanceof ScatterSpec) {
                scatter = u;
            } else if (spec instanceof ChannelMaskerSpec) {
                channelMasker = u;
            } else if (spec instanceof LayerGateSpec) {
                gate = u;
            } else if (spec instanceof Conv2dSpec) {
                if (u.role() == Role.CONV) {
                    convs.add(u);
                } else {
                    projection = u;
                }
            } else if (spec instanceof ElementwiseSpec) {
                add = u;
            } else if (spec instanceof SqueezeExcitationSpec) {
                se = u;
            } else {
                throw new UnsupportedOperationException("operator " + u.name() + " (" + spec.kind()
                        + "): not executable by the native network runner");
            }
        }
        if (masker == null && add == null) {
            throw new UnsupportedOperationException("block without a residual add or scatter-add: " + uses);
        }
        return new BlockOps(masker, gather, spatialConvs, scatter, channelMasker, gate, convs, projection, add, se);
    }

    /** Expected executions of the residual branch (the layer gate's rate; 1 otherwise). */
    double branchWeight() {
        return convs.isEmpty() ? 1 : convs.get(0).weight();
    }
}
