package dev.dynlat.calibration.suite;

import dev.dynlat.operators.graph.OperatorGraph;
import java.util.List;
import java.util.Objects;

/**
 * A dynamic bottleneck residual block as the scheduler would run it, at one rate and granularity.
 * The shape fields let the predictor compose the same block (stride 1, no groups, no SE, and
 * {@code inChannels == outChannels}, so there is no projection shortcut).
 *
 * @param key          unique identifier
 * @param label        progress label
 * @param paradigm     how the block skips work
 * @param inChannels   block input channels
 * @param width        bottleneck width
 * @param outChannels  block output channels (= inChannels)
 * @param size         feature-map side
 * @param rate         activation rate: kept patch / channel fraction, or branch probability
 * @param granularity  patch side S (spatial), channel group size (channel), 1 (layer)
 * @param graph        the block's operators as the predictor lowers it (calibrated composition)
 * @param masks        which patches or channel groups the measured kernels keep
 */
public record BlockCase(String key, String label, BlockParadigm paradigm, int inChannels, int width,
                        int outChannels, int size, double rate, int granularity, OperatorGraph graph,
                        BlockMasks masks) {
    public BlockCase {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(paradigm, "paradigm");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(masks, "masks");
        if (graph.nodes().isEmpty()) {
            throw new IllegalArgumentException("block " + key + " has no steps");
        }
        if (inChannels != outChannels) {
            throw new IllegalArgumentException("block " + key + ": inChannels must equal outChannels (no projection)");
        }
    }

    /**
     * The kernels run in order, derived from the graph's nodes; the measured latency is
     * {@code Σ weight × time}.
     */
    public List<BlockStep> steps() {
        return BlockKernels.steps(graph, masks);
    }

    /** Class label for error statistics, e.g. {@code block-spatial}. */
    public String group() {
        return "block-" + paradigm.id();
    }
}
