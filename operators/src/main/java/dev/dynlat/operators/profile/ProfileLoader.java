package dev.dynlat.operators.profile;

import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.operators.input.InputFiles;
import dev.dynlat.operators.yaml.YamlFields;
import dev.dynlat.operators.yaml.YamlNode;
import dev.dynlat.operators.yaml.YamlParser;
import dev.dynlat.operators.yaml.YamlProblems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a device profile from YAML into a validated {@link DeviceProfile}. Every problem is
 * reported as {@code file:line path: message}, all at once; unknown keys are rejected.
 */
public final class ProfileLoader {
    private static final double BIG = 1e12;

    private ProfileLoader() {
    }

    /** Loads a profile file; read problems name {@code --device}. */
    public static DeviceProfile load(Path file) {
        return load("--device", file);
    }

    /**
     * Loads a profile file.
     *
     * @param option the option that named the file, for read problems (missing, directory, not UTF-8)
     */
    public static DeviceProfile load(String option, Path file) {
        return parse(InputFiles.readUtf8(option, file), file.toString());
    }

    public static DeviceProfile parse(String yaml, String source) {
        return fromNode(YamlParser.parse(yaml, source), source);
    }

    private static DeviceProfile fromNode(YamlNode root, String source) {
        YamlProblems problems = new YamlProblems(source);
        Optional<YamlFields> top = YamlFields.of(root, problems);
        if (top.isEmpty()) {
            problems.throwIfAny();
        }
        YamlFields f = top.orElseThrow();
        Optional<String> name = f.string("name", true);
        name.ifPresent(n -> {
            if (!n.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                problems.add(f.node().entries().get("name"),
                        "name '" + n + "' must be letters, digits, '.', '_' or '-'");
            }
        });
        Optional<String> display = f.string("display_name", true);
        Optional<DeviceKind> kind = f.choice("kind", true, DeviceKind.class);
        Optional<String> provenance = f.string("provenance", true);
        Optional<String> cudaName = f.string("cuda_name", false);
        cudaName.filter(String::isBlank).ifPresent(n -> problems.add(f.node().entries().get("cuda_name"),
                "cuda_name must not be blank (leave the key out for a profile of no one CUDA device)"));
        Optional<Datasheet> datasheet = f.mapping("datasheet", true).flatMap(ProfileLoader::datasheet);
        Optional<AnalyticConstants> laudnet = f.mapping("laudnet", true).flatMap(ProfileLoader::constants);
        Optional<CalibratedCoefficients> calibrated = f.mapping("calibrated", false)
                .flatMap(ProfileLoader::calibrated);
        boolean hasCalibrated = f.has("calibrated");
        f.finish();
        problems.throwIfAny();
        if (hasCalibrated && calibrated.isEmpty()) {
            throw new IllegalStateException("unreachable: calibrated section without problems");
        }
        return new DeviceProfile(name.orElseThrow(), display.orElseThrow(), kind.orElseThrow(),
                datasheet.orElseThrow(), laudnet.orElseThrow(), calibrated, provenance.orElseThrow(), cudaName);
    }

    private static Optional<Datasheet> datasheet(YamlFields f) {
        var engines = f.integer("processing_engines", true, 1, 1_000_000);
        var lanes = f.number("fp32_lanes_per_engine", true, 1e-9, BIG);
        var clock = f.number("boost_clock_mhz", true, 1e-9, BIG);
        var bw = f.number("dram_bandwidth_gbps", true, 1e-9, BIG);
        var mem = f.number("memory_gib", true, 1e-9, BIG);
        var l2 = f.number("l2_cache_mib", false, 0, BIG);
        var source = f.string("source", true);
        f.finish();
        if (engines.isEmpty() || lanes.isEmpty() || clock.isEmpty() || bw.isEmpty() || mem.isEmpty()
                || source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Datasheet(engines.get(), lanes.get(), clock.get(), bw.get(), mem.get(),
                l2.orElse(0.0), source.get()));
    }

    private static Optional<AnalyticConstants> constants(YamlFields f) {
        var engines = f.integer("processing_engines", true, 1, 1_000_000);
        var lanes = f.number("fp32_lanes_per_engine", true, 1e-9, BIG);
        var clock = f.number("clock_mhz", true, 1e-9, BIG);
        var bw = f.number("dram_bandwidth_gbps", true, 1e-9, BIG);
        var ratio = f.number("l2_bandwidth_ratio", true, 1e-9, BIG);
        var issue = f.integer("issue_depth", true, 1, 1024);
        var transaction = f.integer("transaction_elements", true, 1, 1024);
        var launch = f.number("launch_overhead_us", true, 0, BIG);
        var batch = f.integer("default_batch", true, InputBounds.BATCH.min(), InputBounds.BATCH.max());
        var mode = f.choice("latency_mode", true, LatencyMode.class);
        f.finish();
        if (engines.isEmpty() || lanes.isEmpty() || clock.isEmpty() || bw.isEmpty() || ratio.isEmpty()
                || issue.isEmpty() || transaction.isEmpty() || launch.isEmpty() || batch.isEmpty()
                || mode.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AnalyticConstants(engines.get(), lanes.get(), clock.get(), bw.get(),
                ratio.get(), issue.get(), transaction.get(), launch.get(), batch.get(), mode.get()));
    }

    /** A mapping from {@link OperatorClass} names to numbers in [min, 1e6]; unknown classes are problems. */
    private static Map<String, Double> perClass(YamlFields f, String key, double min) {
        Map<String, Double> values = new TreeMap<>();
        f.mapping(key, false).ifPresent(cf -> {
            YamlNode.Mapping m = cf.node();
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                cf.has(e.getKey());
                if (!OperatorClass.isKnown(e.getKey())) {
                    cf.problems().add(m.keyLines().get(e.getKey()), m.path() + "." + e.getKey(),
                            "unknown operator class '" + e.getKey() + "'; " + OperatorClass.expected());
                    continue;
                }
                YamlFields.toNumber(e.getValue(), min, 1e6, cf.problems()).ifPresent(v -> values.put(e.getKey(), v));
            }
            cf.finish();
        });
        return values;
    }

    private static Optional<CalibratedCoefficients> calibrated(YamlFields f) {
        // Efficiencies above 1 are legitimate: warm caches beat the probed streaming bandwidth.
        var lane = f.number("lane_efficiency", true, 1e-6, 1e6);
        var dram = f.number("dram_efficiency", true, 1e-6, 1e6);
        var l2 = f.number("l2_efficiency", true, 1e-6, 1e6);
        var launch = f.number("launch_overhead_us", true, 0, BIG);
        Map<String, Double> classes = perClass(f, "class_efficiency", 1e-6);
        Map<String, Double> overheads = perClass(f, "class_overhead_us", 0);
        boolean hasLibrary = f.has("gpu_library");
        Optional<GpuLibraryCoefficients> library = f.mapping("gpu_library", false).flatMap(GpuLibraryYaml::read);
        Optional<CalibratedCoefficients.CalibrationRecord> record = f.mapping("calibration", true)
                .flatMap(cf -> {
                    var date = cf.string("date", true);
                    var machine = cf.string("machine", true);
                    var backend = cf.string("backend", true);
                    var samples = cf.integer("samples", true, 1, Integer.MAX_VALUE);
                    var err = cf.number("held_out_median_ape_pct", true, 0, BIG);
                    var simd = cf.string("simd", false);
                    var configurations = cf.integer("configurations", false, 1, Integer.MAX_VALUE);
                    var atBound = cf.string("at_bound", false);
                    var forced = cf.string("forced", false);
                    var low = cf.number("interval_p10", false, 0, BIG);
                    var high = cf.number("interval_p90", false, 0, BIG);
                    var speed = cf.number("speed_reference_us", false, 1e-3, BIG);
                    cf.finish();
                    if (date.isEmpty() || machine.isEmpty() || backend.isEmpty() || samples.isEmpty()
                            || err.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(new CalibratedCoefficients.CalibrationRecord(date.get(), machine.get(),
                            backend.get(), samples.get(), err.get(), simd.orElse(""), configurations.orElse(0),
                            atBound.map(t -> t.isBlank() ? java.util.List.<String>of()
                                    : java.util.List.of(t.split(",\\s*"))).orElse(java.util.List.of()),
                            forced.orElse(""), low.orElse(0.0), high.orElse(0.0), speed.orElse(0.0)));
                });
        f.finish();
        if (lane.isEmpty() || dram.isEmpty() || l2.isEmpty() || launch.isEmpty() || record.isEmpty()
                || (hasLibrary && library.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new CalibratedCoefficients(lane.get(), dram.get(), l2.get(), launch.get(), classes,
                overheads, record.get(), library));
    }
}
