package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.network.NativeNetwork;
import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.protocol.TimedRun;
import java.util.List;
import java.util.Objects;

/**
 * A calibration block as native programs, each run as one sequence (its kernels chained, no return to
 * Java in between) the way the block runs inside a network. A block that takes one of several paths
 * (a layer-skipped block: executed or skipped) has one program per path, weighted by how often it is
 * taken; timed run {@code i} of the block is {@code Σ weight × t_program[i]} seconds.
 *
 * @param parts the programs and their weights
 */
public record BlockSequence(List<Part> parts) {
    /**
     * One path of the block.
     *
     * @param program the native program
     * @param weight  the fraction of inferences that take it, in [0, 1]
     */
    public record Part(NetworkProgram program, double weight) {
        public Part {
            Objects.requireNonNull(program, "program");
            if (!(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
            }
        }
    }

    public BlockSequence {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a block sequence needs at least one program");
        }
    }

    /** One program taken on every inference. */
    public static BlockSequence of(NetworkProgram program) {
        return new BlockSequence(List.of(new Part(program, 1)));
    }

    /** The timed run: each program loaded and timed on its own, the per-run seconds combined by weight. */
    public TimedRun timedRun() {
        return (warmup, runs) -> {
            double[] total = new double[runs];
            for (Part p : parts) {
                double[] t;
                try (NativeNetwork n = NativeNetwork.load(p.program())) {
                    t = n.time(warmup, runs);
                }
                for (int i = 0; i < runs; i++) {
                    total[i] += p.weight() * t[i];
                }
            }
            return total;
        };
    }
}
