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
import dev.dynlat.predictor.workload.NetworkLoader;
import dev.dynlat.predictor.workload.NetworkResolver;
import java.util.Locale;

/**
 * Times a calibration block as one native sequence: the block as a one-block network, lowered by the
 * same composers {@link ComposerBlockLatency} predicts it with, built by {@link ProgramBuilder} and
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
        String yaml = String.format(Locale.ROOT, "network: block%n"
                + "input: {channels: %d, size: %d}%n"
                + "stages:%n"
                + "  - stage: block%n"
                + "    nodes:%n"
                + "      - {id: %s, block: bottleneck, width: %d, out: %d}%n", b.inChannels(), b.size(), "b", b.width(),
                b.outChannels());
        return NetworkResolver.resolve(NetworkLoader.parse(yaml, b.key()), b.size(), b.key());
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
