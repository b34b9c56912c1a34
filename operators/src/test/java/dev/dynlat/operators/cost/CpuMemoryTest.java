package dev.dynlat.operators.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.testing.Devices;
import org.junit.jupiter.api.Test;

/**
 * The calibrated CPU variant streams a pass from the caches while its footprint fits the
 * last-level cache (the fixture's datasheet: 4 MiB) and adds the DRAM stream time beyond; with the
 * cache unknown nothing ever leaves it.
 */
class CpuMemoryTest {
    private final DeviceModel d = DeviceModel.of(Devices.cpu(), ModelVariant.CALIBRATED, 1);

    private DeviceModel withoutCache(DeviceModel m) {
        return new DeviceModel(m.deviceName(), m.variant(), m.kind(), m.engines(), m.lanesPerEngine(), m.clockHz(),
                m.dramElementsPerS(), m.l2ElementsPerS(), m.peakParallelism(), m.transactionElements(), m.launchS(),
                m.batch(), m.mode(), m.classEfficiency(), m.classOverheadS(), Double.POSITIVE_INFINITY,
                java.util.Optional.empty());
    }

    @Test
    void theCacheComesFromTheDatasheet() {
        assertEquals(4.0 * (1 << 20), d.cacheBytes());
    }

    @Test
    void beyondTheCacheTheDramTimeIsAdded() {
        double elements = 1e6;
        double onChip = elements / d.l2ElementsPerS();
        assertEquals(onChip, CpuMemory.seconds(elements, 4e6, 0.5, d), 1e-15);
        // the DRAM part is scaled by the efficiency the caller divides by: it comes out at the stream rate
        assertEquals(onChip + elements * 0.5 / d.dramElementsPerS(), CpuMemory.seconds(elements, 5e6, 0.5, d), 1e-15);
    }

    @Test
    void anElementwisePassCostsMorePerElementOnceItLeavesTheCache() {
        CostModels cached = new CostModels(d);
        CostModels unbounded = new CostModels(withoutCache(d));
        ElementwiseSpec small = new ElementwiseSpec(64, 56, 56); // 3 × 0.8 MB touched
        ElementwiseSpec large = new ElementwiseSpec(256, 56, 56); // 3 × 3.2 MB touched
        assertEquals(unbounded.cost(small).latencyS(), cached.cost(small).latencyS(), 0);
        double extra = cached.cost(large).latencyS() - unbounded.cost(large).latencyS();
        double elements = 3.0 * 256 * 56 * 56;
        // the class efficiency scales the on-chip part only: the DRAM part is the stream time itself
        assertEquals(elements / d.dramElementsPerS(), extra, 1e-12);
        assertTrue(extra > 0);
    }

    @Test
    void aBatchedConvWhoseIm2colBufferExceedsTheCachePaysDram() {
        Conv2dSpec conv = new Conv2dSpec(64, 64, 56, 56, 3, 1, 1, 1, 1, 1);
        DeviceModel b8 = d.withBatch(8);
        double withCache = new CostModels(b8).cost(conv).latencyS();
        double without = new CostModels(withoutCache(b8)).cost(conv).latencyS();
        assertTrue(withCache > 1.2 * without, withCache + " vs " + without);
        // a small conv stays in the cache: same cost either way
        Conv2dSpec small = new Conv2dSpec(16, 16, 14, 14, 3, 1, 1, 1, 1, 1);
        assertEquals(new CostModels(withoutCache(d)).cost(small).latencyS(), new CostModels(d).cost(small).latencyS(),
                0);
    }

    @Test
    void aLinearLayersFootprintIsItsWeightsNotTheirRereads() {
        // 512 × 1000 weights (2 MB) fit the 4 MiB cache although batch 8 reads them 8 times (16 MB)
        DeviceModel b8 = d.withBatch(8);
        LinearSpec fc = new LinearSpec(512, 1000);
        assertEquals(new CostModels(withoutCache(b8)).cost(fc).latencyS(), new CostModels(b8).cost(fc).latencyS(), 0);
    }
}
