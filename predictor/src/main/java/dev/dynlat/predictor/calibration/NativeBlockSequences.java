package dev.dynlat.predictor.calibration;

import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.suite.BlockCase;
import dev.dynlat.calibration.suite.BlockSequence;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.execution.ProgramBuilder;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkDescription;
import dev.dynlat.predictor.workload.NetworkResolver;
import dev.dynlat.predictor.workload.NodeDescription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native programs of the calibration blocks, handed to the calibration as data: each block as a
 * one-block network, lowered as its graphs were ({@code ResidualLowering}, through the network's lowering) and built by
 * {@link ProgramBuilder}. A layer-skipped block is its executed and its skipped program, weighted by
 * the rate.
 */
public final class NativeBlockSequences {
    private static final long SEED = 20261202L;

    private NativeBlockSequences() {
    }

    /** The sequence of every block, by case key. */
    public static Map<String, BlockSequence> of(List<BlockCase> blocks) {
        Map<String, BlockSequence> out = new LinkedHashMap<>();
        for (BlockCase b : blocks) {
            out.put(b.key(), of(b));
        }
        return out;
    }

    /** The programs of {@code b}. */
    public static BlockSequence of(BlockCase b) {
        Network net = network(b);
        return switch (b.paradigm()) {
            case SPATIAL -> BlockSequence.of(program(b, net, Paradigm.SPATIAL, b.granularity(), b.rate()));
            case CHANNEL -> BlockSequence.of(program(b, net, Paradigm.CHANNEL, b.granularity(), b.rate()));
            case LAYER -> new BlockSequence(List.of(
                    new BlockSequence.Part(program(b, net, Paradigm.LAYER, 1, 1), b.rate()),
                    new BlockSequence.Part(program(b, net, Paradigm.LAYER, 1, 0), 1 - b.rate())));
        };
    }

    /** The bottleneck of {@code b} (stride 1, 3×3, no groups, no SE) as a one-block network. */
    static Network network(BlockCase b) {
        NodeDescription block = new NodeDescription("b", NodeDescription.Form.BLOCK, "bottleneck",
                Map.of("width", b.width(), "out", b.outChannels()), List.of(), 1, true, null, List.of(), 0);
        NetworkDescription d = new NetworkDescription("block", b.inChannels(), b.size(), 0, "",
                List.of(new NetworkDescription.StageDescription("block", List.of(block), 0)));
        return NetworkResolver.resolve(d, b.size(), b.key());
    }

    private static NetworkProgram program(BlockCase b, Network net, Paradigm p, int option, double rate) {
        Workload w = new Workload(net, CnnDynamics.uniform(p, net, new int[] {option}, rate));
        return ProgramBuilder.build(b.key(), w, 1, SEED);
    }
}
