package dev.dynlat.calibration.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Host facts from Linux's /proc files: CPU model, current clock, last-level cache and memory size.
 * Every reader degrades to "unknown" on another OS rather than failing a calibration.
 *
 * @param model   CPU model name, "unknown" when not readable
 * @param clockMHz first "cpu MHz" entry, empty when absent (e.g. some VMs and ARM kernels)
 * @param cacheMiB last-level cache, MiB: the highest cache level in sysfs
 *                 ({@code /sys/devices/system/cpu/cpu0/cache}), else /proc/cpuinfo's "cache size"
 *                 (on AMD that is the L2 of one core); 0 when absent
 * @param memoryGiB MemTotal, GiB; 0 when absent
 */
public record CpuInfo(String model, OptionalDouble clockMHz, double cacheMiB, double memoryGiB) {

    /** Reads /proc/cpuinfo, /proc/meminfo and the sysfs cache levels of CPU 0. */
    public static CpuInfo read() {
        CpuInfo proc = parse(lines(Path.of("/proc/cpuinfo")), lines(Path.of("/proc/meminfo")));
        double llc = lastLevelCacheMiB(Path.of("/sys/devices/system/cpu/cpu0/cache"));
        return llc > 0 ? new CpuInfo(proc.model(), proc.clockMHz(), llc, proc.memoryGiB()) : proc;
    }

    /**
     * The size of the highest-level data or unified cache under a sysfs {@code cache} directory
     * ({@code index*}/{@code level}, {@code type}, {@code size}), MiB; 0 when none is readable.
     */
    static double lastLevelCacheMiB(Path cacheDir) {
        int bestLevel = 0;
        double best = 0;
        try (var dirs = Files.list(cacheDir)) {
            for (Path index : dirs.filter(p -> p.getFileName().toString().startsWith("index")).toList()) {
                List<String> level = lines(index.resolve("level"));
                List<String> type = lines(index.resolve("type"));
                List<String> size = lines(index.resolve("size"));
                if (level.isEmpty() || size.isEmpty() || (!type.isEmpty() && type.get(0).trim().equals("Instruction"))) {
                    continue;
                }
                int l;
                try {
                    l = Integer.parseInt(level.get(0).trim());
                } catch (NumberFormatException e) {
                    continue;
                }
                double mib = sizeInMiB(size.get(0).trim().replaceAll("(?i)^(\\d+)([kmg])$", "$1 $2b"));
                if (l > bestLevel && mib > 0) {
                    bestLevel = l;
                    best = mib;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return best;
    }

    /** Parses the text of /proc/cpuinfo and /proc/meminfo (either may be empty). */
    public static CpuInfo parse(List<String> cpuinfo, List<String> meminfo) {
        String model = "unknown";
        OptionalDouble mhz = OptionalDouble.empty();
        double cache = 0;
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("model name") && model.equals("unknown") && !value.isEmpty()) {
                model = value;
            } else if (key.equals("cpu mhz") && mhz.isEmpty()) {
                mhz = parseNumber(value);
            } else if (key.equals("cache size") && cache == 0) {
                cache = sizeInMiB(value);
            }
        }
        double mem = 0;
        for (String line : meminfo) {
            if (line.startsWith("MemTotal:")) {
                mem = sizeInMiB(line.substring("MemTotal:".length()).trim()) / 1024.0;
            }
        }
        return new CpuInfo(model, mhz.isPresent() && mhz.getAsDouble() > 0 ? mhz : OptionalDouble.empty(), cache,
                mem);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static OptionalDouble parseNumber(String s) {
        try {
            return OptionalDouble.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** "512 KB" or "16384 kB" to MiB; a bare number counts as KiB (the /proc convention). */
    static double sizeInMiB(String value) {
        String[] parts = value.trim().split("\\s+");
        OptionalDouble n = parseNumber(parts[0]);
        if (n.isEmpty()) {
            return 0;
        }
        String unit = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "kb";
        return switch (unit) {
            case "mb", "mib" -> n.getAsDouble();
            case "gb", "gib" -> n.getAsDouble() * 1024;
            default -> n.getAsDouble() / 1024;
        };
    }
}
