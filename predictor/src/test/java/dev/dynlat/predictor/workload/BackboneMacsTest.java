package dev.dynlat.predictor.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dense MACs (conv + linear + SE, one sample) of the backbones the seed networks are built from,
 * loaded from their zoo files, against the official counts of the definitions they follow, ±1%.
 * Figures: timm / torchvision / pycls model cards and papers as listed in issue 7; BlockDrop's
 * repository counts 2 × MACs, so its FLOPs are halved here.
 */
class BackboneMacsTest {
    private static final double TOLERANCE = 0.01;

    @ParameterizedTest(name = "{0} at its own input: {1} MACs")
    @CsvSource({
            "mobilenetv3-large-1.0, 0.217e9",
            "mobilenetv3-large-1.25, 0.354e9",
            "efficientnet-b2, 0.99e9",
            "efficientnet-b3, 1.83e9",
            "densenet-121, 2.83e9",
            "densenet-169, 3.36e9",
            "densenet-201, 4.29e9",
            "regnety-600mf-pycls, 0.60e9",
            "regnety-800mf-pycls, 0.80e9",
            "regnety-1.6gf-pycls, 1.61e9",
            "resnet110, 0.253e9",
            "resnet32, 0.069e9",
            // BlockDrop's policies: 2.45E7 and 4.72E8 FLOPs (seed-networks.md 2.3, from the BlockDrop code)
            "resnet8, 12.2e6",
            "resnet10, 236e6"})
    void officialMacsAtOwnInput(String model, double official) {
        assertMacs(model, 0, official);
    }

    @ParameterizedTest(name = "{0} at {1}x{1}: {2} MACs")
    @CsvSource({"resnet50, 96, 0.753e9"})
    void officialMacsAtOtherInput(String model, int input, double official) {
        assertMacs(model, input, official);
    }

    /**
     * The backbones at GFNet's patch sizes: the per-step backbone cost of seed-networks.md table 1.3
     * (classifier excluded there) plus the model's own classifier Linear(features, 1000).
     */
    @ParameterizedTest(name = "{0} at {1}x{1}: backbone {2} + classifier {3}")
    @CsvSource({
            "mobilenetv3-large-1.0, 96, 41.8e6, 1.28e6",
            "mobilenetv3-large-1.0, 128, 72.1e6, 1.28e6",
            "mobilenetv3-large-1.25, 128, 118.2e6, 1.28e6",
            "densenet-121, 96, 520.4e6, 1.024e6",
            "densenet-169, 96, 616.8e6, 1.664e6",
            "densenet-201, 96, 787.9e6, 1.92e6",
            "regnety-600mf-pycls, 96, 111.0e6, 0.608e6",
            "regnety-800mf-pycls, 96, 146.9e6, 0.768e6",
            "regnety-1.6gf-pycls, 96, 297.2e6, 0.888e6",
            "efficientnet-b2, 128, 215.6e6, 1.408e6",
            "efficientnet-b3, 128, 315.1e6, 1.536e6",
            "efficientnet-b3, 144, 430.9e6, 1.536e6"})
    void gfnetPatchSizes(String model, int input, double backbone, double classifier) {
        assertMacs(model, input, backbone + classifier);
    }

    /** BlockDrop's droppable blocks: 54 in ResNet-110, 15 in ResNet-32, one per stage in the policies. */
    @ParameterizedTest(name = "{0}: {1} residual blocks")
    @CsvSource({"resnet110, 54", "resnet32, 15", "resnet8, 3", "resnet10, 4"})
    void blockDropBlockCounts(String model, int blocks) {
        assertEquals(blocks, NetworkZoo.get(model).residualStages().stream().mapToInt(s -> s.blocks().size()).sum());
    }

    private static void assertMacs(String model, int input, double official) {
        double macs = NetworkZoo.get(model, input).denseMacs();
        assertEquals(official, macs, official * TOLERANCE,
                () -> model + " at " + (input > 0 ? input : "its own input") + ": " + macs + " MACs, official " + official);
    }
}
