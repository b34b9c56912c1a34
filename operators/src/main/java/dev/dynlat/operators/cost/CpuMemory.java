package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;

/**
 * Where the data of a CPU pass comes from. While the bytes a pass touches fit the last-level cache
 * it streams at the on-chip rate, scaled by its class's fitted efficiency: every suite kernel fits
 * the cache, so that is all the calibration sees. A pass whose footprint exceeds the cache first
 * brings its data in from DRAM at the probed stream rate, a rate the suite never reaches and the
 * probes measure directly, and still does its on-chip work: the two add up (the library's copy and
 * loop kernels do not prefetch far enough ahead to hide one behind the other). The footprint is
 * what one pass touches (each byte once, however often it is read); a chained network keeps a
 * layer's output warm for the next layer only while it fits, so the same rule holds there.
 */
final class CpuMemory {
    private CpuMemory() {
    }

    /**
     * Seconds, for the whole device, to stream {@code elements} in a pass touching
     * {@code footprintBytes}, before the class efficiency {@code efficiency} that the caller (or
     * {@link CostModels#withClassEfficiency}) divides the time by: the DRAM part is scaled so that
     * it comes out at the stream rate after that division.
     */
    static double seconds(double elements, double footprintBytes, double efficiency, DeviceModel d) {
        double onChip = elements / d.l2ElementsPerS();
        return footprintBytes <= d.cacheBytes() ? onChip : onChip + elements * efficiency / d.dramElementsPerS();
    }

    /** The same for a pass of operator class {@code operatorClass} (its fitted efficiency; 1 when none). */
    static double seconds(double elements, double footprintBytes, String operatorClass, DeviceModel d) {
        return seconds(elements, footprintBytes, d.classFactor(operatorClass), d);
    }
}
