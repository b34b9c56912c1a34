package dev.dynlat.predictor.format;

import dev.dynlat.predictor.engine.OperatorPrediction;
import dev.dynlat.predictor.engine.Prediction;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why a prediction executes more MACs than the dense network, as one line: the operators that do
 * work a dense network does not, with their executed MACs per image (ResNeXt-50 spatial at rate
 * 0.5 with S = 4,4,2,1 executes 5.57 G of 4.23 G: conv1 recomputed on overlapping halos of 2×2 and
 * 1×1 patches). Below dense needs no note: that is skipped work (and, in the laudnet variant, the
 * stride-1 projection shortcuts the reference leaves out).
 */
public final class ExecutedMacsNote {
    /** Kinds that add MACs over the dense network, and why. */
    private static final Map<String, String> ADDING = new LinkedHashMap<>();

    static {
        ADDING.put("spatial-masker", "the mask conv, and (separate masker) conv1 on every active patch plus the halo"
                + " the next conv reads, overlapping halos recomputed");
        ADDING.put("spatial-conv", "whole SxS patches, ceil(rate x patches) of them, each with its halo");
        ADDING.put("channel-masker", "the channel masker's layers");
        ADDING.put("layer-gate", "the layer gates");
    }

    private ExecutedMacsNote() {
    }

    /** The line (without a newline), or empty when executed MACs are not above dense. */
    public static Optional<String> of(Prediction p) {
        double executed = p.executedMacs() / p.batch();
        double dense = p.denseMacs();
        if (executed <= dense * (1 + 1e-6)) {
            return Optional.empty();
        }
        Map<String, Double> byKind = new LinkedHashMap<>();
        for (OperatorPrediction o : p.allOperators()) {
            if (ADDING.containsKey(o.kind())) {
                byKind.merge(o.kind(), o.macs() / p.batch(), Double::sum);
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "executed MACs above dense by %.3f G per image: operators that add work:", (executed - dense) / 1e9));
        String sep = " ";
        for (Map.Entry<String, String> k : ADDING.entrySet()) {
            Double macs = byKind.get(k.getKey());
            if (macs != null && macs > 0) {
                sb.append(sep).append(String.format(Locale.ROOT, "%s %.3f G (%s)", k.getKey(), macs / 1e9, k.getValue()));
                sep = "; ";
            }
        }
        return Optional.of(sb.toString());
    }
}
