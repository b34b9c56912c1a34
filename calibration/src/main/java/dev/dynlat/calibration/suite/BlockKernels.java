package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.kernel.ChannelSkipConvKernel;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.ElementwiseAddKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.GlobalAvgPoolKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.kernel.PatchConvKernel;
import dev.dynlat.calibration.kernel.ScatterAddKernel;
import dev.dynlat.operators.graph.GraphNode;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The measurable kernels of a block's operator graph (batch 1): each node becomes the calibration
 * kernel(s) that run it, with the node's probability as weight and the suite's masks filling in which
 * patches or channel groups are kept. A node the kernels cannot run is an error, not a silent skip.
 */
final class BlockKernels {
    /** Logits a layer gate produces: run or skip. */
    private static final int GATE_LOGITS = 2;

    private BlockKernels() {
    }

    static List<BlockStep> steps(OperatorGraph graph, BlockMasks masks) {
        List<BlockStep> out = new ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            if (n.probability() == 0) {
                continue; // never runs: nothing to measure
            }
            for (KernelSpec k : kernels(n, masks)) {
                out.add(new BlockStep(n.name(), k, n.probability()));
            }
        }
        return out;
    }

    private static List<KernelSpec> kernels(GraphNode n, BlockMasks masks) {
        return switch (n.role()) {
            case SPATIAL_MASKER -> {
                // fused into conv1: one dense conv with one extra output channel for the mask logit
                Conv2dSpec c = spec(n, SpatialMaskerSpec.class).conv1();
                yield List.of(new Conv2dKernel(1, c.inChannels(), c.outChannels() + 1, c.inHeight(), c.inWidth(),
                        c.kernel(), c.stride(), c.groups()));
            }
            case GATHER -> {
                GatherSpec g = spec(n, GatherSpec.class);
                yield List.of(new GatherKernel(1, g.channels(), g.height(), g.width(), g.granularity(), g.halo(),
                        patches(n, masks)));
            }
            case SCATTER -> {
                ScatterSpec s = spec(n, ScatterSpec.class);
                if (!s.addResidual()) {
                    throw unsupported(n, "a scatter without the residual add");
                }
                yield List.of(new ScatterAddKernel(1, s.channels(), s.height(), s.width(), s.granularity(),
                        patches(n, masks)));
            }
            case CHANNEL_MASKER -> {
                ChannelMaskerSpec m = spec(n, ChannelMaskerSpec.class);
                yield List.of(new GlobalAvgPoolKernel(1, m.inChannels(), m.height(), m.width()),
                        new FullyConnectedKernel(1, m.inChannels(), m.hidden()),
                        new FullyConnectedKernel(1, m.hidden(), m.groups()));
            }
            case LAYER_GATE -> {
                Conv2dSpec c = spec(n, LayerGateSpec.class).conv1();
                yield List.of(new GlobalAvgPoolKernel(1, c.inChannels(), c.inHeight(), c.inWidth()),
                        new FullyConnectedKernel(1, c.inChannels(), GATE_LOGITS));
            }
            case CONV -> List.of(conv(n, masks));
            case RESIDUAL_ADD -> {
                ElementwiseSpec e = spec(n, ElementwiseSpec.class);
                yield List.of(new ElementwiseAddKernel(1, e.channels(), Math.toIntExact(e.height()), e.width()));
            }
            default -> throw unsupported(n, "role " + n.role());
        };
    }

    private static KernelSpec conv(GraphNode n, BlockMasks masks) {
        if (n.spec() instanceof SpatialConvSpec s) {
            if (!s.inputGathered()) {
                throw unsupported(n, "a patch conv on an ungathered input");
            }
            Conv2dSpec c = s.conv();
            int patches = masks.activePatches().length;
            // the gathered patches carry the halo a k×k conv reads
            return new PatchConvKernel(patches, c.inChannels(), c.outChannels(), s.granularity(), c.kernel() / 2,
                    c.groups());
        }
        Conv2dSpec c = spec(n, Conv2dSpec.class);
        if (c.inDensity() == 1 && c.outDensity() == 1) {
            return new Conv2dKernel(1, c.inChannels(), c.outChannels(), c.inHeight(), c.inWidth(), c.kernel(),
                    c.stride(), c.groups());
        }
        int g = c.channelGroup();
        int[] kept = masks.keptGroups();
        int[] keptChannels = IntStream.of(kept).flatMap(k -> IntStream.range(k * g, k * g + g)).sorted().toArray();
        int[] outGroups = c.outDensity() == 1 ? IntStream.range(0, c.outChannels() / g).toArray()
                : checked(n, kept, c.outDensity(), c.outChannels() / g);
        int[] inChannels = c.inDensity() == 1 ? IntStream.range(0, c.inChannels()).toArray()
                : checked(n, keptChannels, c.inDensity(), c.inChannels());
        return new ChannelSkipConvKernel(1, c.inChannels(), c.outChannels(), c.inHeight(), c.inWidth(), c.kernel(),
                c.stride(), g, outGroups, inChannels);
    }

    /** The mask's kept indices, checked against the fraction the graph prices. */
    private static int[] checked(GraphNode n, int[] kept, double density, int of) {
        if (Math.abs(kept.length - density * of) > 1e-9 * of) {
            throw new IllegalArgumentException(n.name() + ": the mask keeps " + kept.length + " of " + of
                    + " but the graph prices density " + density);
        }
        return kept;
    }

    private static int[] patches(GraphNode n, BlockMasks masks) {
        int[] active = masks.activePatches();
        if (active.length == 0) {
            throw new IllegalArgumentException(n.name() + ": the block has no patch mask");
        }
        return active;
    }

    private static <T> T spec(GraphNode n, Class<T> type) {
        if (!type.isInstance(n.spec())) {
            throw unsupported(n, n.spec().getClass().getSimpleName());
        }
        return type.cast(n.spec());
    }

    private static IllegalArgumentException unsupported(GraphNode n, String what) {
        return new IllegalArgumentException("calibration block operator " + n.name() + ": no kernel runs " + what);
    }
}
