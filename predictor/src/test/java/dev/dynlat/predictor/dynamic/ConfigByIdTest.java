package dev.dynlat.predictor.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkZoo;
import org.junit.jupiter.api.Test;

/** Dynamic configs address single blocks by id. */
class ConfigByIdTest {
    private static final Network NET = NetworkZoo.get("resnet50");
    private static final String STAGES = "mode: layer\nstages:\n  - rate: 0.5\n  - rate: 0.5\n  - rate: 0.5\n"
            + "  - rate: 0.5\n";

    @Test
    void blockRateByIdOverridesItsStage() {
        CnnDynamics d = DynamicConfigLoader.parse(STAGES + "blocks:\n  layer3.4: 0.1\n  layer1.0: 1\n", "c.yaml", NET);
        assertEquals(0.1, d.stages().get(2).rate(4));
        assertEquals(0.5, d.stages().get(2).rate(3));
        assertEquals(1.0, d.stages().get(0).rate(0));
    }

    @Test
    void unknownIdIsRejectedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DynamicConfigLoader.parse(STAGES + "blocks:\n  layer9.0: 0.1\n", "c.yaml", NET));
        assertTrue(e.getMessage().contains("c.yaml:8 blocks.layer9.0: no dynamic block 'layer9.0' in resnet50"),
                e.getMessage());
    }
}
