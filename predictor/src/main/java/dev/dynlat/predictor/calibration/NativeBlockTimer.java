package dev.dynlat.predictor.calibration;

import dev.dynlat.calibration.network.NativeNetwork;
import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.protocol.TimedRun;
import dev.dynlat.calibration.suite.BlockCase;
import dev.dynlat.calibration.suite.BlockTimer;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.execution.ProgramBuilder;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkDescription;
import dev.dynlat.predictor.workload.NetworkResolver;
import dev.dynlat.predictor.workload.NodeDescription;
import java.util.List;
import java.util.Map;

/**
 * Times a calibration block as one native sequence: the block as a one-block network, lowered by the
 * same composers {@link ComposerBlockLowering} predicts it with, built by {@link ProgramBuilder} and
 * run by the network runner. A layer-skipped block is the executed and the skipped sequence combined
 * by the rate, run by run.
 */
public final class NativeBlockTimer implements BlockTimer {
    private static final long SEED = 20261202L;

    @Override
    public TimedRun timer(BlockCase b) {
        Network net = network(b);
        return switch (b.paradigm()) {
            case SPATIAL -> run(program(b, net, Paradigm.SPATIAL, b.granularity(), b.rate()));
            case CHANNEL -> run(program(b, net, Paradigm.CHANNEL, b.granularity(), b.rate()));
            case LAYER -> {
                TimedRun executed = run(program(b, net, Paradigm.LAYER, 1, 1));
                TimedRun skipped = run(program(b, net, Paradigm.LAYER, 1, 0));
                double r = b.rate();
                yield (warmup, runs) -> {
                    double[] e = executed.run(warmup, runs);
                    double[] s = skipped.run(warmup, runs);
                    double[] t = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        t[i] = r * e[i] + (1 - r) * s[i];
                    }
                    return t;
                };
            }
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

    private static TimedRun run(NetworkProgram p) {
        return (warmup, runs) -> {
            try (NativeNetwork n = NativeNetwork.load(p)) {
                return n.time(warmup, runs);
            }
        };
    }
}
