package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsTheWinnerTheRunnerUpAndBothParetoSets() throws IOException {
        Path acc = tmp.resolve("acc.csv");
        Files.writeString(acc, "option,rate,accuracy_pct\n4-4-2-1,0.5,76.1\n1,0.5,77.0\n2,0.3,74.5\n");
        CliTest.Result r = CliTest.run("search", "--model", "resnet50", "--device", "tx2", "--mode", "spatial",
                "--options", "1,2,4", "--rate", "0.5", "--rates", "0.25,0.5,1", "--accuracy", acc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("over 81 combinations"), r.out());
        assertTrue(r.out().contains("rate 0.500: best S="), r.out());
        assertTrue(r.out().contains("runner-up S="), r.out());
        assertTrue(r.out().contains("Pareto set of (latency, rate)"), r.out());
        assertTrue(r.out().contains("Pareto set of (latency, accuracy) over the 3 configurations"), r.out());
    }

    @Test
    void badInputsExitWithTwoAndOneLine() throws IOException {
        Path acc = tmp.resolve("bad.csv");
        Files.writeString(acc, "option,rate,accuracy_pct\n4-4-2-1,1.5,76.1\n");
        String[][] cases = {
            {"--mode", "layer", "--rate", "0.5"},
            {"--mode", "spatial"},
            {"--mode", "spatial", "--rate", "2"},
            {"--mode", "spatial", "--options", "64", "--rate", "0.5"},
            {"--mode", "spatial", "--accuracy", acc.toString()},
            {"--mode", "spatial", "--accuracy", tmp.resolve("missing.csv").toString()},
        };
        String[] expected = {"mode: search picks S or G", "rate: give --rate", "rate: must be in [0, 1]",
            "options: none of 64 fits stage", "bad.csv:2: rate must be in [0, 1], got 1.5", "no such file"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 5];
            args[0] = "search";
            args[1] = "--model";
            args[2] = "resnet50";
            args[3] = "--device";
            args[4] = "tx2";
            System.arraycopy(cases[i], 0, args, 5, cases[i].length);
            CliTest.Result r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    /**
     * A network file is searched as written at its --input: not looked up by its {@code network:}
     * name in the zoo (a file called resnet50 was searched as the zoo's ResNet-50; a name not in the
     * zoo was "unknown model").
     */
    @Test
    void aModelFileIsSearchedAsWrittenAtItsInput() throws IOException {
        String body = Files.readString(Path.of("..", "src", "examples", "networks", "cifar-resnet20.yaml"));
        for (String name : new String[] {"resnet50", "my-own-net"}) {
            Path file = tmp.resolve(name + ".yaml");
            Files.writeString(file, body.replace("network: cifar-resnet20", "network: " + name));
            CliTest.Result r = CliTest.run("search", "--model", file.toString(), "--device", "tx2", "--mode", "spatial",
                    "--options", "1,2,4,8,16,32", "--rate", "0.5");
            assertEquals(0, r.code(), r.err());
            // Three stages of 32, 16 and 8 pixels, not ResNet-50's four of 56 to 7.
            assertTrue(r.out().contains("over 120 combinations ([1,2,4,8,16,32] x [1,2,4,8,16] x [1,2,4,8])"), r.out());
            CliTest.Result big = CliTest.run("search", "--model", file.toString(), "--input", "64", "--device", "tx2",
                    "--mode", "spatial", "--options", "1,2,4,8,16,32", "--rate", "0.5");
            assertEquals(0, big.code(), big.err());
            assertTrue(big.out().contains("([1,2,4,8,16,32] x [1,2,4,8,16,32] x [1,2,4,8,16])"), big.out());
        }
    }
}
