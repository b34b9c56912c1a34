package dev.dynlat.calibration.gpu;

import dev.dynlat.calibration.backend.GpuDeviceAttributes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Recorded device attributes (test resources {@code gpu-devices/*.properties}, sources in each file). */
final class RecordedGpus {
    static final String H100 = "h100-sxm5-80gb";
    static final String H200 = "h200-sxm-141gb";
    static final String A100 = "a100-sxm4-40gb";
    static final String V100 = "v100-sxm2-16gb";
    static final String ORIN = "jetson-agx-orin-64gb";

    private RecordedGpus() {
    }

    static Properties properties(String device) {
        Properties p = new Properties();
        try (InputStream in = RecordedGpus.class.getResourceAsStream("/gpu-devices/" + device + ".properties")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded device " + device);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static GpuDeviceAttributes attributes(String device) {
        Properties p = properties(device);
        return new GpuDeviceAttributes(p.getProperty("name"), i(p, "computeMajor"), i(p, "computeMinor"),
                i(p, "multiprocessors"), i(p, "maxClockKHz"), i(p, "memoryClockKHz"), i(p, "memoryBusWidthBits"),
                l(p, "l2CacheBytes"), l(p, "globalMemoryBytes"), Boolean.parseBoolean(p.getProperty("integrated")),
                i(p, "maxThreadsPerMultiprocessor"), l(p, "sharedMemoryPerMultiprocessorBytes"),
                i(p, "driverVersion"), i(p, "runtimeVersion"));
    }

    static double datasheet(String device, String key) {
        return Double.parseDouble(properties(device).getProperty("datasheet." + key));
    }

    private static int i(Properties p, String k) {
        return Integer.parseInt(p.getProperty(k).trim());
    }

    private static long l(Properties p, String k) {
        return Long.parseLong(p.getProperty(k).trim());
    }
}
