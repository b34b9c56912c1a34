package dev.dynlat.operators.model;

import dev.dynlat.operators.profile.AnalyticConstants;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.LatencyMode;
import dev.dynlat.operators.profile.GpuLibraryTarget;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The device as the cost models see it for one prediction: rates in fp32 elements per second,
 * the batch size and the model variant. Derived once from a {@link DeviceProfile} so that the tile
 * searches do no unit conversion in their inner loops.
 *
 * @param deviceName profile name, for messages
 * @param variant model variant
 * @param engines processing engines that run tiles in waves
 * @param lanesPerEngine fp32 lanes per engine
 * @param clockHz effective clock (nominal × lane efficiency in the calibrated variant)
 * @param dramElementsPerS DRAM bandwidth in fp32 elements per second
 * @param l2ElementsPerS on-chip bandwidth in fp32 elements per second
 * @param peakParallelism outputs one engine needs to be fully busy (lanes × issue depth)
 * @param transactionElements fp32 elements per memory transaction
 * @param launchS kernel launch overhead, seconds
 * @param batch batch size
 * @param mode how compute and memory combine
 * @param classEfficiency calibrated per-operator-class efficiency (empty for laudnet)
 * @param classOverheadS calibrated per-operator-class fixed cost per kernel, seconds (empty for laudnet)
 * @param kind GPU or CPU; with the variant it selects the cost models' strategy
 *     ({@code dev.dynlat.operators.cost.CostVariant}: laudnet, calibrated-gpu or calibrated-cpu)
 * @param cacheBytes last-level cache capacity, bytes (the datasheet's; infinite when unknown): the
 *     calibrated CPU variant streams a pass's data from the caches while its footprint fits, from
 *     DRAM beyond
 * @param gpuLibrary the GPU library model's target, in the calibrated variant of a profile that has
 *     {@code gpu_library} terms: the cost models then price operators as cuBLAS and cuDNN run them
 */
public record DeviceModel(String deviceName, ModelVariant variant, DeviceKind kind, int engines, double lanesPerEngine,
                          double clockHz, double dramElementsPerS, double l2ElementsPerS,
                          double peakParallelism, int transactionElements, double launchS, int batch,
                          LatencyMode mode, Map<String, Double> classEfficiency,
                          Map<String, Double> classOverheadS, double cacheBytes,
                          Optional<GpuLibraryTarget> gpuLibrary) {

    public DeviceModel {
        Objects.requireNonNull(gpuLibrary, "gpuLibrary");
        if (batch <= 0) {
            throw new IllegalArgumentException("batch: must be a positive integer, got " + batch);
        }
        classEfficiency = Map.copyOf(classEfficiency);
        classOverheadS = Map.copyOf(classOverheadS);
    }

    /** Builds the model of {@code profile} for a variant and batch (≤0 means the profile's default). */
    public static DeviceModel of(DeviceProfile profile, ModelVariant variant, int batch) {
        AnalyticConstants c = profile.laudnet();
        int b = batch <= 0 ? c.defaultBatch() : batch;
        if (variant == ModelVariant.LAUDNET) {
            return fromConstants(profile.name(), variant, profile.kind(), c, b, 1, 1, 1, c.launchOverheadUs(), Map.of(),
                    Map.of(), cacheBytes(profile));
        }
        CalibratedCoefficients k = profile.calibrated().orElseThrow(() -> new IllegalArgumentException(
                "variant: device '" + profile.name() + "' has no calibrated coefficients; run 'dynlat calibrate'"
                        + " on it or use --variant laudnet"));
        DeviceModel m = fromConstants(profile.name(), variant, profile.kind(), c, b, k.laneEfficiency(),
                k.dramEfficiency(), k.l2Efficiency(), k.launchOverheadUs(), k.classEfficiency(), k.classOverheadUs(),
                cacheBytes(profile));
        return k.gpuLibrary().map(g -> m.withGpuLibrary(new GpuLibraryTarget(profile.datasheet(), g))).orElse(m);
    }

    /** The datasheet's last-level cache in bytes; infinite when it is not recorded. */
    public static double cacheBytes(DeviceProfile profile) {
        double mib = profile.datasheet().l2CacheMiB();
        return mib > 0 ? mib * (1 << 20) : Double.POSITIVE_INFINITY;
    }

    /** Builds a model from raw constants and efficiency factors (used by the fitting code). */
    public static DeviceModel fromConstants(String name, ModelVariant variant, DeviceKind kind, AnalyticConstants c,
                                            int batch,
                                            double laneEfficiency, double dramEfficiency, double l2Efficiency,
                                            double launchUs, Map<String, Double> classEfficiency,
                                            Map<String, Double> classOverheadUs, double cacheBytes) {
        Map<String, Double> overheadS = new java.util.HashMap<>();
        classOverheadUs.forEach((k, v) -> overheadS.put(k, v * 1e-6));
        double dram = c.dramBandwidthGBps() * 1e9 / 4.0 * dramEfficiency;
        double l2 = c.dramBandwidthGBps() * 1e9 / 4.0 * c.l2BandwidthRatio() * l2Efficiency;
        return new DeviceModel(name, variant, kind, c.processingEngines(), c.fp32LanesPerEngine(),
                c.clockMHz() * 1e6 * laneEfficiency, dram, l2, c.fp32LanesPerEngine() * c.issueDepth(),
                c.transactionElements(), launchUs * 1e-6, batch, c.latencyMode(), classEfficiency, overheadS,
                cacheBytes, Optional.empty());
    }

    /** The same device at another batch size. */
    public DeviceModel withBatch(int newBatch) {
        return new DeviceModel(deviceName, variant, kind, engines, lanesPerEngine, clockHz, dramElementsPerS,
                l2ElementsPerS, peakParallelism, transactionElements, launchS, newBatch, mode, classEfficiency,
                classOverheadS, cacheBytes, gpuLibrary);
    }

    /** The same device with another latency mode. */
    public DeviceModel withMode(LatencyMode newMode) {
        return new DeviceModel(deviceName, variant, kind, engines, lanesPerEngine, clockHz, dramElementsPerS,
                l2ElementsPerS, peakParallelism, transactionElements, launchS, batch, newMode, classEfficiency,
                classOverheadS, cacheBytes, gpuLibrary);
    }

    /** The same device priced through the GPU library model of {@code target}. */
    public DeviceModel withGpuLibrary(GpuLibraryTarget target) {
        return new DeviceModel(deviceName, variant, kind, engines, lanesPerEngine, clockHz, dramElementsPerS,
                l2ElementsPerS, peakParallelism, transactionElements, launchS, batch, mode, classEfficiency,
                classOverheadS, cacheBytes, Optional.of(target));
    }

    /** Seconds for one engine to do {@code macs} multiply-accumulates at full lane use. */
    public double macSeconds(double macs) {
        return macs / clockHz / lanesPerEngine;
    }

    /** Waves of tiles over the engines (a long: at large batches and maps they exceed an int). */
    public long waves(long tiles) {
        // Written so that no intermediate exceeds the tile count (no wrap-around near Long.MAX_VALUE).
        long full = tiles / engines;
        return full * engines == tiles ? full : full + 1;
    }

    /**
     * Waves of a tile count held as a double (products of three tile counts can exceed a long):
     * exact integer arithmetic below 2^62 tiles, {@code ceil(tiles / engines)} above.
     */
    public double waves(double tiles) {
        if (tiles < 0x1p62) {
            return waves((long) tiles);
        }
        return Math.ceil(tiles / engines);
    }

    /** Fixed cost per kernel of an operator class, seconds (0 unless calibrated). */
    public double classOverheadS(String operatorClass) {
        return classOverheadS.getOrDefault(operatorClass, 0.0);
    }

    /** Compute-efficiency factor of an operator class (1 unless calibrated). */
    public double classFactor(String operatorClass) {
        return classEfficiency.getOrDefault(operatorClass, 1.0);
    }
}
