package dev.dynlat.predictor.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynlat.predictor.cli.DynlatCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed networks' MACs as {@code dynlat models --format json} reports them, against the
 * official code's counts (seed-networks.md: GFNet table 1.3, MSDNet 3.2, BlockDrop 2.3), within
 * 2%. GFNet's figures are cumulative after each step, MSDNet's after each exit.
 */
class SeedNetworkMacsTest {
    private static final Map<String, JsonNode> MODELS = new HashMap<>();

    @BeforeAll
    static void listModels() throws Exception {
        StringWriter out = new StringWriter();
        int code = DynlatCli.run(new String[] {"models", "--format", "json"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        assertEquals(0, code);
        for (JsonNode m : new ObjectMapper().readTree(out.toString()).get("models")) {
            MODELS.put(m.get("name").asText(), m);
        }
    }

    private static double[] exitMacs(String model) {
        JsonNode m = MODELS.get(model);
        assertEquals(true, m != null, model + " is listed by dynlat models");
        double[] v = new double[m.get("exit_macs").size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = m.get("exit_macs").get(i).asDouble();
        }
        return v;
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "gfnet-resnet50-96; 761 1569 2376 3183 3990",
        "gfnet-resnet50-128; 1345 2766 4186 5607 7027",
        "gfnet-densenet121-96; 528 1083 1638 2193 2748",
        "gfnet-densenet169-96; 626 1291 1956 2622 3287",
        "gfnet-densenet201-96; 798 1640 2482 3323 4165",
        "gfnet-regnety-600mf-96; 117 235 352 470 588",
        "gfnet-regnety-800mf-96; 153 308 462 616 770",
        "gfnet-regnety-1.6gf-96; 304 609 914 1219 1523",
        "gfnet-mobilenetv3-large-96; 43.1 88.2 134.6",
        "gfnet-mobilenetv3-large-128; 73.4 149.1 226.0",
        "gfnet-mobilenetv3-large-1.25-128; 119.5 241.4 364.6",
        "gfnet-efficientnet-b2-128; 217 437 658 880",
        "gfnet-efficientnet-b3-128; 317 636 957 1280",
        "gfnet-efficientnet-b3-144; 432 868 1306 1744",
        "msdnet-imagenet; 337.2 681.7 1003.7 1249.6 1355.6"})
    void cumulativeMacsPerExitMatchTheOfficialCode(String model, String official) {
        double[] want = Arrays.stream(official.split(" ")).mapToDouble(s -> Double.parseDouble(s) * 1e6).toArray();
        double[] got = exitMacs(model);
        assertEquals(want.length, got.length, model + " exits (GFNet: T steps)");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 0.02 * want[i], model + " after exit " + (i + 1));
        }
    }

    @Test
    void cifarMsdnetsHaveTheirExits() {
        assertEquals(10, exitMacs("msdnet-cifar-anytime").length);
        assertEquals(7, exitMacs("msdnet-cifar-budgeted").length);
        // The repo counter adds ReLU/pool element operations, so conv + linear is slightly below it.
        assertEquals(121.6e6, exitMacs("msdnet-cifar-anytime")[9], 0.02 * 121.6e6);
        assertEquals(137.2e6, exitMacs("msdnet-cifar-budgeted")[6], 0.02 * 137.2e6);
    }

    @Test
    void blockDropBackbonesAndPolicies() {
        JsonNode r101 = MODELS.get("blockdrop-resnet101");
        double policy = r101.get("policy_macs").asDouble();
        double backbone = r101.get("macs").asDouble() - policy;
        assertEquals(1.56e10, 2 * backbone, 0.02 * 1.56e10, "BlockDrop counts FLOPs = 2 x MACs");
        assertEquals(4.72e8, 2 * policy, 0.02 * 4.72e8, "ResNet-10 policy at 112x112");
        assertEquals(33, r101.get("decided_blocks").asInt());
        JsonNode r110 = MODELS.get("blockdrop-resnet110");
        assertEquals(5.06e8, 2 * (r110.get("macs").asDouble() - r110.get("policy_macs").asDouble()), 0.02 * 5.06e8);
        assertEquals(54, r110.get("decided_blocks").asInt());
        assertEquals(2.45e7, 2 * r110.get("policy_macs").asDouble(), 0.02 * 2.45e7, "ResNet-8 policy");
        JsonNode r32 = MODELS.get("blockdrop-resnet32");
        assertEquals(1.38e8, 2 * (r32.get("macs").asDouble() - r32.get("policy_macs").asDouble()), 0.02 * 1.38e8);
        assertEquals(15, r32.get("decided_blocks").asInt());
    }

    @Test
    void blockDropAtTheReadmeMeanOfKeptBlocksWithPolicy() {
        // README: 24.77 of 33 blocks kept on average, 1.25E10 FLOPs with the policy. Spread evenly
        // over the blocks, the expected executed MACs: fixed parts + policy + k x every branch.
        Network n = NetworkZoo.get("blockdrop-resnet101");
        double k = 24.77 / 33;
        double branches = 0;
        for (NetworkNode node : n.allNodes()) {
            if (node instanceof ResidualBlockNode r && n.decidedBlocks().contains(r.id())) {
                ResidualBlock b = r.block();
                double shortcut = b.hasProjection() ? (double) b.inChannels() * b.outChannels() * b.outSize() * b.outSize() : 0;
                branches += b.denseMacs() - shortcut;
            }
        }
        double expected = n.denseMacs() - (1 - k) * branches;
        assertEquals(1.25e10, 2 * expected, 0.02 * 1.25e10, "FLOPs " + 2 * expected);
    }
}
