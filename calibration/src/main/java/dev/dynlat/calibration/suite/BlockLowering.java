package dev.dynlat.calibration.suite;

import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.model.ModelVariant;

/**
 * The operator graph of a calibration block as the predictor lowers it. Handed to the suite once
 * (by the CLI), so the blocks the suite measures are the operators a prediction composes rather than
 * a second, hand-written lowering, and its predictions cost those graphs ({@link GraphBlockLatency}).
 */
@FunctionalInterface
public interface BlockLowering {
    /**
     * The graph of a stride-1 3×3 bottleneck ({@code inChannels → width → outChannels}, batch 1) on a
     * {@code size × size} map under {@code paradigm} at activation {@code rate} and {@code granularity},
     * as the composition of {@code variant} builds it.
     */
    OperatorGraph lower(BlockParadigm paradigm, int inChannels, int width, int outChannels, int size, double rate,
                        int granularity, ModelVariant variant);
}
