package dev.dynlat.calibration.suite;

import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.model.ModelVariant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dynamic bottleneck residual block as the scheduler would run it, at one rate and granularity.
 * The shape fields describe the block the graphs were lowered from (stride 1, no groups, no SE, and
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
 * @param graphs       the block's operators as the core lowering ({@code ResidualLowering}) builds them, for every model variant
 * @param masks        which patches or channel groups the measured kernels keep
 */
public record BlockCase(String key, String label, BlockParadigm paradigm, int inChannels, int width,
                        int outChannels, int size, double rate, int granularity, Map<ModelVariant, OperatorGraph> graphs,
                        BlockMasks masks) {
    public BlockCase {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(paradigm, "paradigm");
        Objects.requireNonNull(masks, "masks");
        graphs = new EnumMap<>(graphs);
        for (ModelVariant v : ModelVariant.values()) {
            if (!graphs.containsKey(v)) {
                throw new IllegalArgumentException("block " + key + " has no " + v + " graph");
            }
        }
        graphs = Map.copyOf(graphs);
        if (graphs.get(ModelVariant.CALIBRATED).nodes().isEmpty()) {
            throw new IllegalArgumentException("block " + key + " has no steps");
        }
        if (inChannels != outChannels) {
            throw new IllegalArgumentException("block " + key + ": inChannels must equal outChannels (no projection)");
        }
    }

    /** The block's operators as the composition of {@code variant} lowers it. */
    public OperatorGraph graph(ModelVariant variant) {
        return graphs.get(variant);
    }

    /**
     * The kernels run in order, derived from the calibrated graph's nodes (the variants differ in how
     * they price operators, e.g. the masker's width, not in what the measured block runs); the measured
     * latency is {@code Σ weight × time}.
     */
    public List<BlockStep> steps() {
        return BlockKernels.steps(graph(ModelVariant.CALIBRATED), masks);
    }

    /** Class label for error statistics, e.g. {@code block-spatial}. */
    public String group() {
        return "block-" + paradigm.id();
    }
}
