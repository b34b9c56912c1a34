package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.testing.Devices;
import org.junit.jupiter.api.Test;

/** The cost memo of one device: keyed by the whole spec, rates included, and bounded. */
class CostModelsMemoTest {
    private static final DeviceModel V100 = DeviceModel.of(Devices.v100(), ModelVariant.LAUDNET, 128);

    private static Conv2dSpec conv(double inDensity, double outDensity) {
        return new Conv2dSpec(128, 128, 28, 28, 3, 1, 1, inDensity, outDensity, 1);
    }

    @Test
    void specsThatDifferInOneFieldGetTheirOwnCosts() {
        CostModels models = new CostModels(V100);
        OperatorCost a = models.cost(conv(0.5, 0.5));
        OperatorCost otherRate = models.cost(conv(0.51, 0.5));
        OperatorCost otherOutRate = models.cost(conv(0.5, 0.6));
        assertNotEquals(a, otherRate);
        assertNotEquals(a, otherOutRate);
        assertEquals(new CostModels(V100).cost(conv(0.51, 0.5)), otherRate);
        assertEquals(new CostModels(V100).cost(conv(0.5, 0.6)), otherOutRate);
        assertEquals(a, models.cost(conv(0.5, 0.5)));
    }

    @Test
    void aCostEvictedByManyOthersIsTheSameWhenAskedAgain() {
        CostModels models = new CostModels(V100);
        OperatorCost first = models.cost(conv(0.5, 0.5));
        // More distinct specs than the memo holds: the first is evicted and computed again.
        for (int i = 0; i < 20_000; i++) {
            models.cost(new Conv2dSpec(16 + i % 64, 8, 7, 7, 1, 1, 1, (1 + i / 64) / 400.0, 1, 1));
        }
        assertEquals(first, models.cost(conv(0.5, 0.5)));
    }
}
