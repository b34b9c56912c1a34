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
 * Invalid templates and {@code residual} blocks through the CLI: exit code 2, every problem as
 * {@code file:line path: message}, no stack trace, no output file.
 */
class GenericBlockErrorsTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "network: bad\ninput: {channels: 16, size: 32}\n";
    private static final String STAGE = "stages:\n  - stage: s\n    nodes:\n";
    private static final String BODY = "        body:\n"
            + "          - {id: a, op: conv, out: 16, kernel: 3}\n"
            + "          - {id: n, op: layer-norm}\n"
            + "          - {id: b, op: conv, out: 16, kernel: 1}\n";

    private static String block(String keys, String body) {
        return HEAD + STAGE + "      - id: r\n        block: residual\n" + keys + body;
    }

    private static String templates(String defs, String uses) {
        return HEAD + "templates:\n" + defs + STAGE + uses;
    }

    private static final String T = "  t:\n    params: [w]\n    nodes:\n      - {id: c, op: conv, out: $w, kernel: 3}\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("unknown template", templates(T, "      - {id: u, template: nope}\n"),
                        ":11 u: template: unknown template 'nope'; defined: t"),
                bad("missing argument", templates(T, "      - {id: u, template: t}\n"),
                        "u: with: missing argument 'w' of template 't'"),
                bad("unknown argument", templates(T, "      - {id: u, template: t, with: {w: 8, x: 2}}\n"),
                        "u: with: 'x' is not a parameter of template 't'; its parameters are w"),
                bad("argument of the wrong type", templates(T, "      - {id: u, template: t, with: {w: wide}}\n"),
                        "u.with.w: expected an integer, found 'wide'"),
                bad("argument out of range", templates(T, "      - {id: u, template: t, with: {w: 0}}\n"),
                        "u.with.w: value 0 is out of range [1"),
                bad("undeclared parameter", templates("  t:\n    nodes:\n      - {id: c, op: conv, out: $w, kernel: 3}\n",
                        "      - {id: u, template: t}\n"), "out: '$w' is not a parameter of this template; it declares none"),
                bad("parameter outside a template", HEAD + STAGE + "      - {id: c, op: conv, out: $w, kernel: 3}\n",
                        "out: '$w' references a template parameter outside a template"),
                bad("unknown key in a template", templates("  t:\n    nodez: []\n", "      - {id: u, template: t}\n"),
                        "templates.t.nodez: unknown key 'nodez'", "missing required key 'nodes'"),
                bad("template using itself", templates("  a:\n    nodes:\n      - {id: x, template: b}\n"
                        + "  b:\n    nodes:\n      - {id: y, template: a}\n", "      - {id: u, template: a}\n"),
                        "templates.a: template 'a' uses itself: a → b → a"),
                bad("expansion over the limit", templates(
                        "  a:\n    nodes:\n      - {id: x, op: relu}\n"
                        + "  b:\n    nodes:\n      - {id: y, template: a, repeat: 1000}\n"
                        + "  c:\n    nodes:\n      - {id: z, template: b, repeat: 1000}\n",
                        "      - {id: u, template: c, repeat: 1000}\n"),
                        "u: template: 'c' repeated 1000 times expands to 1000000000 nodes, more than the limit of 200000"),
                bad("operator not allowed in a body", block("", "        body:\n"
                        + "          - {op: conv, out: 16, kernel: 3}\n          - {op: max-pool, kernel: 2}\n"),
                        "body[1].op: 'max-pool' cannot be a layer of a residual body; expected one of conv, layer-norm"),
                bad("unknown key in a body layer", block("", "        body:\n"
                        + "          - {op: conv, out: 16, kernel: 3, kernal: 3}\n          - {op: conv, out: 16, kernel: 1}\n"),
                        "body[0].kernal: unknown key 'kernal'"),
                bad("one conv", block("", "        body:\n          - {op: conv, out: 16, kernel: 3}\n"),
                        "body: a residual block needs at least two convs, got 1"),
                bad("gather naming a norm", block("        gather: n\n", BODY),
                        "gather: 'n' is not a conv of the body; expected one of a, b"),
                bad("masker after the gather", block("        gather: a\n        masker: n\n", BODY),
                        "masker: 'n' comes after the gather point (before conv 'a')"),
                bad("masker naming nothing", block("        masker: zz\n", BODY),
                        "masker: 'zz' is not a layer of the body"),
                bad("channel mask at the last conv", block("        channel_mask: b\n", BODY),
                        "channel_mask: 'b' is the last conv"),
                bad("identity shortcut of another shape", block("        shortcut: identity\n", "        body:\n"
                        + "          - {op: conv, out: 32, kernel: 3}\n          - {op: conv, out: 32, kernel: 1}\n"),
                        "shortcut: identity cannot add the 16x32x32 input to the 32x32x32 body output"),
                bad("bad layer inside the body", block("", "        body:\n"
                        + "          - {id: a, op: conv, out: 16, kernel: 3, groups: 3}\n          - {op: conv, out: 16, kernel: 1}\n"),
                        "r: body.a (line 9): groups: 3 does not divide the 16 input"),
                bad("two se", block("", "        body:\n          - {op: conv, out: 16, kernel: 3}\n"
                        + "          - {op: se, squeeze: 4}\n          - {op: se, squeeze: 4}\n"
                        + "          - {op: conv, out: 16, kernel: 1}\n"), "a residual body holds at most one se"),
                bad("duplicate layer id", block("", "        body:\n          - {id: a, op: conv, out: 16, kernel: 3}\n"
                        + "          - {id: a, op: conv, out: 16, kernel: 1}\n"), "id: 'a' is used twice in this body"));
    }

    private static Arguments bad(String name, String text, String... fragments) {
        return Arguments.of(name, text, List.of(fragments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithEveryProblemAndNoOutput(String name, String text, List<String> fragments) throws IOException {
        NetworkFileRuns.assertRejectedWithNoOutput(tmp, name, text, fragments);
    }

    /** Problems of templates, their uses and a body are reported together, each with its line. */
    @Test
    void everyProblemAtOnce() throws IOException {
        Path file = tmp.resolve("many.yaml");
        Files.writeString(file, HEAD + "templates:\n" + T
                + "  loop:\n    nodes:\n      - {id: x, template: loop}\n"
                + STAGE
                + "      - {id: u, template: t, with: {v: 3}}\n"
                + "      - id: r\n        block: residual\n        body:\n"
                + "          - {op: conv, out: 16, kernel: 3, padding: $p}\n"
                + "          - {op: avg-pool, kernel: 2}\n");
        Run r = cli("models", "show", file.toString());
        assertEquals(2, r.code(), r.err());
        for (String f : List.of(":9 templates.loop: template 'loop' uses itself: loop → loop",
                ":14 u: with: missing argument 'w'", ":14 u: with: 'v' is not a parameter",
                ":18 stages[0].nodes[1].body[0].padding: padding: '$p' references a template parameter outside",
                ":19 stages[0].nodes[1].body[1].op: 'avg-pool' cannot be a layer")) {
            assertTrue(r.err().contains(f), "expected '" + f + "' in: " + r.err());
        }
    }
}
