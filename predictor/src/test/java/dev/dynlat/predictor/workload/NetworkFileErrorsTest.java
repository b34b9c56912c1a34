package dev.dynlat.predictor.workload;

import static dev.dynlat.predictor.workload.NetworkFileRuns.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.predictor.workload.NetworkFileRuns.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid network files through the CLI: each is rejected with exit code 2, every problem of the
 * file listed as {@code file:line path: message}, no stack trace, and no output file written.
 */
class NetworkFileErrorsTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "network: bad\ninput: {channels: 3, size: 32}\nstages:\n  - stage: s\n    nodes:\n";

    /** Case name, the nodes of stage s (or a whole file when it starts with '!'), expected message fragments. */
    static Stream<Arguments> cases() {
        return Stream.of(
                bad("unknown operator kind", "      - {id: a, op: convv, out: 8, kernel: 3}\n",
                        "unknown operator kind 'convv'", "expected one of conv, linear"),
                bad("unknown block kind", "      - {id: a, block: botleneck, width: 8, out: 8}\n",
                        "unknown block kind 'botleneck'", "bottleneck"),
                bad("unknown key", "      - {id: a, op: conv, out: 8, kernal: 3, kernel: 3}\n",
                        "unknown key 'kernal'", "expected one of"),
                bad("dangling input id", "      - {id: a, op: conv, out: 8, kernel: 3, input: nowhere}\n",
                        "input: no node 'nowhere' before this one"),
                bad("duplicate id", "      - {id: a, op: conv, out: 8, kernel: 3}\n      - {id: a, op: relu}\n",
                        "id: 'a' is used twice"),
                bad("channel mismatch in add", "      - {id: a, op: conv, out: 8, kernel: 3}\n"
                        + "      - {id: b, op: conv, out: 16, kernel: 3}\n      - {id: c, op: add, inputs: [a, b]}\n",
                        "cannot add a feature map 8x32x32 and a feature map 16x32x32"),
                bad("residual add of different shapes", "      - {id: a, op: conv, out: 8, kernel: 3}\n"
                        + "      - {id: b, op: conv, out: 8, kernel: 3, stride: 2}\n      - {id: c, op: add, inputs: [a, b]}\n",
                        "cannot add a feature map 8x32x32 and a feature map 8x16x16"),
                bad("non-positive size", "      - {id: a, op: conv, out: 0, kernel: 3}\n",
                        "value 0 is out of range [1"),
                bad("groups not dividing channels", "      - {id: a, op: conv, out: 8, kernel: 3, groups: 2}\n",
                        "groups: 2 does not divide the 3 input and 8 output channels"),
                bad("group width not dividing the width", "      - {id: a, block: bottleneck, width: 24, out: 24,"
                        + " group_width: 7}\n", "group_width: 7 does not divide the width 24"),
                bad("missing required key", "      - {id: a, op: conv, out: 8}\n", "missing required key 'kernel'"),
                bad("linear on a feature map", "      - {id: a, op: linear, out: 10}\n",
                        "linear needs a vector or a sequence as input, got a feature map 3x32x32"),
                bad("kernel larger than the map", "      - {id: a, op: conv, out: 8, kernel: 40, padding: 0}\n",
                        "leaves no output pixel"),
                bad("crop larger than the map", "      - {id: a, op: crop, size: 64}\n",
                        "size: a 64x64 crop does not fit a 32x32 map"),
                bad("two kinds on one node", "      - {id: a, op: conv, block: basic, out: 8, kernel: 3}\n",
                        "give exactly one of op, block, exit, steps, policy"),
                bad("invalid id", "      - {id: \"a b\", op: relu}\n", "is not a valid id"),
                bad("reserved id", "      - {id: input, op: relu}\n", "'input' is reserved"),
                bad("text where a number belongs", "      - {id: a, op: conv, out: wide, kernel: 3}\n",
                        "out: expected an integer, found", "wide"),
                bad("unknown choice", "      - {id: a, block: basic, out: 8, shortcut: zeros}\n",
                        "shortcut: unknown value 'zeros'; expected one of projection, pad"),
                bad("heads not dividing the width", "      - {id: a, op: unfold, kernel: 8}\n"
                        + "      - {id: b, block: transformer-encoder, heads: 5}\n", "heads: 5 heads do not divide the width 192"),
                bad("policy deciding no block", "      - id: p\n        policy:\n          - {id: f, op: global-avg-pool}\n"
                        + "        decides: [nothing]\n", "decides: 'nothing' is not a block of this network"),
                bad("empty stage list", "!network: bad\ninput: {channels: 3, size: 32}\nstages: []\n",
                        "a network needs at least one stage"),
                bad("missing input", "!network: bad\nstages:\n  - stage: s\n    nodes:\n      - {id: a, op: relu}\n",
                        "missing required key 'input'"),
                bad("malformed YAML", "!network: bad\ninput: {channels: 3, size: 32\nstages: [\n", "malformed YAML"),
                bad("stride larger than the map", "      - {id: a, block: basic, out: 8, stride: 64}\n",
                        "stride: 64 is larger than the 32x32 input map"));
    }

    private static Arguments bad(String name, String body, String... fragments) {
        String text = body.startsWith("!") ? body.substring(1) : HEAD + body;
        return Arguments.of(name, text, List.of(fragments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithEveryProblemAndNoOutput(String name, String text, List<String> fragments) throws IOException {
        NetworkFileRuns.assertRejectedWithNoOutput(tmp, name, text, fragments);
    }

    @Test
    void everyProblemOfAFileIsListedAtOnce() throws IOException {
        Path file = tmp.resolve("many.yaml");
        Files.writeString(file, HEAD
                + "      - {id: a, op: conv, out: 8, kernal: 3}\n"
                + "      - {id: b, op: poool}\n"
                + "      - {id: c, block: basic, out: -4}\n"
                + "  - stage: t\n    nodes:\n      - {id: d, op: linear, out: 10, input: ghost}\n");
        Run r = cli("models", "show", file.toString());
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        for (String f : List.of(":6 stages[0].nodes[0].kernal: unknown key 'kernal'",
                ":6 stages[0].nodes[0].kernel: missing required key 'kernel'", ":7 stages[0].nodes[1].op: unknown operator kind",
                ":8 stages[0].nodes[2].out: value -4 is out of range")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(f)), "expected '" + f + "' in:\n" + r.err());
        }
        assertTrue(lines.size() >= 4, r.err());
    }

    @Test
    void shapeProblemsAreListedTogether() throws IOException {
        Path file = tmp.resolve("shapes.yaml");
        Files.writeString(file, HEAD
                + "      - {id: a, op: conv, out: 8, kernel: 3, groups: 3}\n"
                + "      - {id: b, op: linear, out: 10, input: input}\n"
                + "      - {id: c, op: crop, size: 99, input: input}\n");
        Run r = cli("models", "show", file.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(":6 a: groups"), r.err());
        assertTrue(r.err().contains(":7 b: linear needs"), r.err());
        assertTrue(r.err().contains(":8 c: size"), r.err());
    }
}
