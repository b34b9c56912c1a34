package dev.dynlat.predictor.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.lowering.Shortcut;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Template expansion: ids, inputs inside a copy, nesting, policies, repeats, and export. */
class TemplatesTest {
    private static Network resolve(String yaml) {
        NetworkDescription d = NetworkLoader.parse(yaml, "test.yaml");
        return NetworkResolver.resolve(d, d.input(), "test.yaml");
    }

    private static List<String> ids(Network n) {
        return n.allNodes().stream().map(NetworkNode::id).toList();
    }

    @Test
    void copiesAreNamedAndWiredPerCopy() {
        Network n = resolve("""
                network: t
                input: {channels: 8, size: 16}
                templates:
                  pair:
                    params: [w]
                    nodes:
                      - {id: a, op: conv, out: $w, kernel: 3}
                      - {id: b, op: conv, out: $w, kernel: 1}
                      - {id: s, op: add, inputs: [a, b]}
                  twice:
                    params: [w]
                    nodes:
                      - {id: p, template: pair, repeat: 2, with: {w: $w}}
                stages:
                  - stage: s
                    nodes:
                      - {id: x, template: twice, repeat: 2, with: {w: 8}}
                      - {id: y, op: relu, input: x}
                """);
        // 'twice' has one node, so its copies x.0 and x.1 are that node (the use of 'pair'), whose copies
        // x.k.0 and x.k.1 hold the three nodes of 'pair'
        assertEquals(List.of("x.0.0.a", "x.0.0.b", "x.0.0.s", "x.0.1.a", "x.0.1.b", "x.0.1.s",
                "x.1.0.a", "x.1.0.b", "x.1.0.s", "x.1.1.a", "x.1.1.b", "x.1.1.s", "y"), ids(n));
        // 4 copies of (3x3 + 1x1) at 8 channels on 16x16
        assertEquals(4 * (16.0 * 16 * 8 * 8 * 9 + 16.0 * 16 * 8 * 8), n.denseMacs());
    }

    @Test
    void repeatedResidualStridesOnlyInItsFirstCopyAndPoliciesDecideAllCopies() {
        Network n = resolve("""
                network: t
                input: {channels: 8, size: 32}
                templates:
                  down:
                    params: [w, s]
                    nodes:
                      - id: blk
                        block: residual
                        body:
                          - {op: conv, out: $w, kernel: 3, stride: $s}
                          - {op: conv, out: $w, kernel: 3}
                stages:
                  - stage: s
                    nodes:
                      - {id: p, policy: [{id: g, op: global-avg-pool}, {id: f, op: linear, out: 3}], decides: [r]}
                      - {id: r, block: residual, repeat: 3, body: [{op: conv, out: 16, kernel: 3, stride: 2},
                          {op: conv, out: 16, kernel: 3}]}
                      - {id: t, template: down, with: {w: 32, s: 2}}
                """);
        List<ResidualBlock> blocks = n.residualStages().get(0).blocks();
        assertEquals(List.of("r.0", "r.1", "r.2", "t"), blocks.stream().map(ResidualBlock::name).toList());
        assertEquals(List.of(16, 16, 16, 8), blocks.stream().map(ResidualBlock::outSize).toList());
        assertEquals(Shortcut.PROJECTION, blocks.get(0).shortcut());
        assertEquals(Shortcut.IDENTITY, blocks.get(1).shortcut());
        assertEquals(List.of("r.0", "r.1", "r.2"), n.decidedBlocks());
    }

    @Test
    void aUsesInputFeedsItsFirstNodeAndStaticUsesStayStatic() {
        Network n = resolve("""
                network: t
                input: {channels: 8, size: 16}
                templates:
                  blk:
                    nodes:
                      - {id: r, block: residual, body: [{op: conv, out: 8, kernel: 3}, {op: conv, out: 8, kernel: 1}]}
                stages:
                  - stage: s
                    nodes:
                      - {id: a, op: conv, out: 8, kernel: 1}
                      - {id: b, op: conv, out: 4, kernel: 1}
                      - {id: u, template: blk, input: a, dynamic: false}
                      - {id: v, template: blk, repeat: 2}
                """);
        assertEquals(List.of("a", "b", "u", "v.0", "v.1"), ids(n));
        assertEquals(8, ((ResidualBlockNode) n.allNodes().get(2)).block().inChannels(), "u reads a, not b's 4 channels");
        assertEquals(List.of("v.0", "v.1"), n.residualStages().get(0).blocks().stream().map(ResidualBlock::name).toList());
    }

    /** Export keeps templates and uses as written, and the file loads back to the same predictions. */
    @Test
    void convnextExportsAndLoadsBack() {
        Path file = Path.of("..", "src", "examples", "networks", "convnext-tiny.yaml");
        Network n = NetworkLoader.load(file, 0);
        String text = NetworkWriter.write(n.description(), 160);
        assertTrue(text.contains("templates:\n  convnext-block:\n    params: [dim, hidden]"), text);
        assertTrue(text.contains("out: $hidden"), text);
        assertTrue(text.contains("{id: stage3, template: convnext-block, repeat: 9, with: {dim: 384, hidden: 1536}}"),
                text);
        NetworkDescription back = NetworkLoader.parse(text, "export.yaml");
        Network again = NetworkResolver.resolve(back, back.input(), "export.yaml");
        Network original = NetworkLoader.load(file, 160);
        assertEquals(original.denseMacs(), again.denseMacs());
        assertEquals(ids(original), ids(again));
        Predictor p = new Predictor(DeviceCatalog.load("tx2"), ModelVariant.LAUDNET, Schedule.defaults());
        assertEquals(p.predict(Workload.dense(original)).latencyMs(), p.predict(Workload.dense(again)).latencyMs());
        assertEquals(text, NetworkWriter.write(back, 160));
    }
}
