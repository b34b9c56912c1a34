package dev.dynlat.predictor.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.yaml.YamlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code include} of zoo networks and the checks on policies, exits and includes in network files. */
class IncludeAndPolicyFilesTest {
    private static final String HEAD = "network: t\ninput: {channels: 3, size: 224}\nstages:\n  - stage: s\n    nodes:\n";

    private static Network load(String nodes, int size) {
        NetworkDescription d = NetworkLoader.parse(HEAD + nodes, "t.yaml");
        return NetworkResolver.resolve(d, size, "t.yaml");
    }

    @Test
    void anIncludedBackboneHasTheZooNetworksMacsAndPrefixedIds() {
        Network n = load("      - {id: enc, include: resnet50}\n", 224);
        assertEquals(NetworkZoo.get("resnet50").denseMacs(), n.denseMacs(), 1e-6);
        assertTrue(n.allNodes().stream().anyMatch(x -> x.id().equals("enc.layer4.2")));
        Network cut = load("      - {id: enc, include: resnet50, until: layer4}\n      - {id: p, op: global-avg-pool}\n", 96);
        assertEquals(0.7507e9, cut.denseMacs(), 0.002e9, "ResNet-50 body at 96x96 (GFNet's 750.7 M)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "- {id: enc, include: resnet5}; include: unknown zoo model 'resnet5'",
        "- {id: enc, include: resnet50, until: layer9}; until: 'layer9' is not a top-level node of resnet50",
        "- {id: enc, include: resnet50, input: nowhere}; input: no node 'nowhere' before this one",
        "- {id: d, block: dense-layer, growth: 8}|- id: p|  decides: [d]|  policy:|    - {id: f, op: global-avg-pool};"
            + "decides: 'd' has no residual shortcut"})
    void badIncludesAndPoliciesAreProblems(String nodes, String message) {
        YamlException e = assertThrows(YamlException.class, () -> load("      " + nodes.replace("|", "\n      ") + "\n", 224));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void exportOfAnIncludeLoadsBackToTheSameNetwork() {
        Network zoo = NetworkZoo.get("gfnet-mobilenetv3-large-96");
        String yaml = NetworkWriter.write(zoo.description(), zoo.input());
        assertTrue(yaml.contains("include: mobilenetv3-large-1.0"), "the backbone stays referenced");
        Network back = NetworkResolver.resolve(NetworkLoader.parse(yaml, "x.yaml"), zoo.input(), "x.yaml");
        assertEquals(zoo.denseMacs(), back.denseMacs());
        assertEquals(zoo.exits().size(), back.exits().size());
    }
}
