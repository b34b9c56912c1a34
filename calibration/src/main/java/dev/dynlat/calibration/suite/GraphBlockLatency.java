package dev.dynlat.calibration.suite;

import dev.dynlat.operators.cost.CostModels;
import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.GraphNode;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.spec.SpatialMaskerSpec;

/**
 * The model's latency of a calibration block, costed from the block's own operator graph (the one the
 * core lowering built for the variant, as for a prediction): {@code Σ probability × cost} over its nodes, batch 1.
 * The spatial masker is priced fused into conv1, the schedule {@link BlockKernels} measures.
 */
public final class GraphBlockLatency implements BlockLatencyModel {
    @Override
    public double predictSeconds(BlockCase block, DeviceProfile profile, ModelVariant variant) {
        CostModels models = new CostModels(DeviceModel.of(profile, variant, 1));
        double seconds = 0;
        for (GraphNode n : block.graph(variant).nodes()) {
            double one = n.role() == BlockRole.SPATIAL_MASKER
                    ? models.fusedMasker((SpatialMaskerSpec) n.spec()).latencyS()
                    : models.cost(n.spec()).latencyS();
            seconds += one * n.probability();
        }
        return seconds;
    }
}
