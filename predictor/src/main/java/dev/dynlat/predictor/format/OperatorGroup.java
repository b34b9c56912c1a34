package dev.dynlat.predictor.format;

import dev.dynlat.predictor.engine.BlockPrediction;
import dev.dynlat.predictor.engine.OperatorPrediction;
import dev.dynlat.predictor.engine.StagePrediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operators of a stage grouped by name (e.g. the 23 {@code conv2} of ResNet-101's layer3), so a
 * per-operator breakdown stays readable; {@code first} is a representative for bound and tiling.
 */
record OperatorGroup(String stage, String name, int count, double latencyMs, double computeMs, double memoryMs,
                     double macs, double dramBytes, OperatorPrediction first) {

    static List<OperatorGroup> of(StagePrediction stage) {
        Map<String, List<OperatorPrediction>> byName = new LinkedHashMap<>();
        for (BlockPrediction b : stage.blocks()) {
            for (OperatorPrediction o : b.operators()) {
                byName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
            }
        }
        List<OperatorGroup> out = new ArrayList<>();
        for (var e : byName.entrySet()) {
            List<OperatorPrediction> ops = e.getValue();
            out.add(new OperatorGroup(stage.name(), e.getKey(), ops.size(),
                    ops.stream().mapToDouble(OperatorPrediction::latencyMs).sum(),
                    ops.stream().mapToDouble(OperatorPrediction::computeMs).sum(),
                    ops.stream().mapToDouble(OperatorPrediction::memoryMs).sum(),
                    ops.stream().mapToDouble(OperatorPrediction::macs).sum(),
                    ops.stream().mapToDouble(OperatorPrediction::dramBytes).sum(), ops.get(0)));
        }
        return out;
    }
}
