package dev.dynlat.predictor.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.predictor.dynamic.DecisionDynamics;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy and decision files of any length load: frequencies of n inputs must stay in [0, 1] and
 * exit proportions must sum to 1 (summing 1/n per input drifted above 1 at n = 11, 20, 40, 49, 100).
 */
class DecisionFileLengthsTest {
    @TempDir
    Path dir;

    @Test
    void policyFilesOfEveryLengthFromOneTo200Load() throws IOException {
        Network net = NetworkZoo.get("blockdrop-resnet101");
        int blocks = net.decidedBlocks().size();
        for (int n = 1; n <= 200; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                // Block 0 is kept by every input; block 1 by every third; the rest alternate.
                StringBuilder bits = new StringBuilder();
                for (int b = 0; b < blocks; b++) {
                    bits.append(b == 0 || (b == 1 && i % 3 == 0) || (b > 1 && (i + b) % 2 == 0) ? '1' : '0');
                }
                sb.append(bits).append('\n');
            }
            Path file = dir.resolve("p" + n + ".txt");
            Files.writeString(file, sb.toString());
            DecisionDynamics d = DecisionAnalysis.frequencies(DecisionsFile.policies(file, net), 0, blocks);
            d.validate(net);
            assertEquals(1.0, d.keepProbabilities()[0], 0.0, "a block every input keeps runs with probability 1, n=" + n);
            assertEquals(Math.ceil(n / 3.0) / n, d.keepProbabilities()[1], 1e-15, "n=" + n);
        }
    }

    @Test
    void decisionFilesWithExitsOfEveryLengthFromOneTo200Load() throws IOException {
        Network net = NetworkZoo.get("msdnet-imagenet");
        int exits = net.exits().size();
        for (int n = 1; n <= 200; n++) {
            StringBuilder sb = new StringBuilder("exit\n");
            for (int i = 0; i < n; i++) {
                sb.append(1 + i % exits).append('\n');
            }
            Path file = dir.resolve("d" + n + ".csv");
            Files.writeString(file, sb.toString());
            DecisionDynamics d = DecisionAnalysis.frequencies(DecisionsFile.decisions(file, net), exits, 0);
            d.validate(net);
            double sum = 0;
            for (double p : d.exitProportions()) {
                assertTrue(p >= 0 && p <= 1, "n=" + n + ": " + p);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-12, "n=" + n);
        }
    }
}
