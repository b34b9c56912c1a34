package dev.dynlat.predictor.cli;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.backend.Backends;
import dev.dynlat.calibration.host.HostIdentity;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.protocol.RawSampleCsv;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.execution.FrozenTestSet;
import dev.dynlat.predictor.execution.NetworkValidation;
import dev.dynlat.predictor.execution.ValidationCase;
import dev.dynlat.predictor.execution.ValidationReport;
import dev.dynlat.predictor.execution.ValidationSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dynlat validate}: runs whole networks end to end on the cpu backend (the predictor's own
 * lowering, executed natively, output checked before timing) and the frozen operator set, and
 * compares them with {@code predict} on the same calibrated profile. Refuses a profile calibrated
 * on another CPU or with other kernels. Writes raw samples, a table, charts and report.md.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Run whole networks end to end and compare them with the calibrated prediction.")
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--device", required = true, paramLabel = "PROFILE.yaml",
            description = "Calibrated profile of this host (from dynlat calibrate); with --gpu-networks, the GPU's"
                    + " profile (a built-in name or a YAML file).")
    String device;

    @Option(names = "--backend", paramLabel = "cpu", description = "Backend: cpu (required unless --gpu-networks).")
    String backend;

    @Option(names = "--gpu-networks", paramLabel = "networks.csv",
            description = "Run nothing: compare the whole networks a GPU device run timed (src/gpu/measure-on-gpu.sh,"
                    + " OUT/networks.csv) with predict on --device, written as a Markdown table to --out FILE.md.")
    Path gpuNetworks;

    @Option(names = "--quick", description = "Fewer configurations (held-out: 30, development: 25) and two rounds.")
    boolean quick;

    @Option(names = "--allow-busy", description = "Time even while other processes keep a core busy (by default"
            + " validate waits up to 60 s for the machine to settle, then refuses with exit code 3).")
    boolean allowBusy;

    /** Reads other processes' load before and after the run; tests substitute their own. */
    public dev.dynlat.calibration.host.QuietMachine quietMachine =
            dev.dynlat.calibration.host.QuietMachine.ofThisMachine(60_000);

    @Option(names = "--set", paramLabel = "SET", defaultValue = "held-out",
            description = "held-out: the test set (40 network configurations, quick 30, and 38 held-out operators),"
                    + " never looked at to change the model; development: the first set (60, quick 25, and the first"
                    + " 35 frozen operators), whose errors have been seen (default: ${DEFAULT-VALUE}).")
    String set;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for report.md, validation.md/.csv, charts and raw-samples.csv (default:"
                    + " validation-report); with --gpu-networks, the Markdown file to write (required).")
    Path out;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds over all configurations (default 3, quick 2).")
    Integer rounds;

    static final String HELD_OUT_NOTE = "Held out: no configuration below, and none of its conv shapes, is timed by"
            + " the calibration suite; this set and its operators were committed before any of them was run, and"
            + " nothing here is used to choose or tune the model.";
    static final String DEVELOPMENT_NOTE = "Development set: no configuration below, and none of its conv shapes, is"
            + " timed by the calibration suite, but this set's errors have been seen (2026-12-02), so its figures"
            + " are not evidence of accuracy; use --set held-out for that.";

    /** Progress; replaceable by tests. */
    public PrintStream err = System.err;

    /** Whether the native runner executes every operator of {@code c}; says why not when it does not. */
    private boolean executable(ValidationCase c) {
        try {
            NetworkValidation.program(c);
            return true;
        } catch (UnsupportedOperationException e) {
            err.println("dynlat validate: skipping " + c.key() + ": " + e.getMessage());
            return false;
        }
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (gpuNetworks != null) {
            return compareGpuNetworks();
        }
        if (backend == null) {
            throw new IllegalArgumentException("Missing required option: '--backend=cpu' (or --gpu-networks FILE)");
        }
        if (out == null) {
            out = Path.of("validation-report");
        }
        if (!backend.equals("cpu")) {
            throw new IllegalArgumentException("backend: validate runs whole networks on the cpu backend only, got '"
                    + backend + "'");
        }
        boolean heldOut = switch (set) {
            case "held-out" -> true;
            case "development" -> false;
            default -> throw new IllegalArgumentException("set: must be held-out or development, got '" + set + "'");
        };
        int r = rounds != null ? rounds : quick ? 2 : 3;
        if (r < 1 || r > 20) {
            throw new IllegalArgumentException("rounds: must be in [1, 20], got " + r);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("out: '" + out + "' is a file, not a directory");
        }
        DeviceProfile profile = dev.dynlat.operators.profile.DeviceCatalog.load(device);
        if (profile.calibrated().isEmpty()) {
            throw new IllegalArgumentException("device: " + device + " has no calibrated coefficients; run"
                    + " 'dynlat calibrate --backend cpu' on this host first");
        }
        var why = HostCheck.otherHost(profile);
        if (why.isPresent()) {
            throw new IllegalArgumentException("device: " + device + " was " + why.get() + "; calibrate this host first");
        }
        Backend cpu = Backends.byName("cpu");
        if (!cpu.available()) {
            err.println("dynlat validate: " + cpu.unavailableReason());
            return 1;
        }
        BusyGuard guard;
        try {
            guard = BusyGuard.start(!allowBusy, quietMachine, "dynlat validate", err);
        } catch (dev.dynlat.calibration.host.MachineBusyException e) {
            err.println("dynlat validate: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dynlat validate: interrupted while waiting for the machine to settle");
            return 1;
        }
        List<ValidationCase> chosen = heldOut ? quick ? ValidationSet.heldOutQuick() : ValidationSet.heldOut()
                : quick ? ValidationSet.quick() : ValidationSet.full();
        List<ValidationCase> cases = chosen.stream().filter(this::executable).toList();
        List<FrozenTestSet.Entry> frozen = FrozenTestSet.load(heldOut ? FrozenTestSet.HELD_OUT
                : FrozenTestSet.DEVELOPMENT);
        // a whole inference is long (tens to hundreds of ms), so few runs per attempt; rounds spread them in time
        ProtocolSettings settings = quick ? new ProtocolSettings(1, 3, 2, 0.10) : new ProtocolSettings(2, 3, 2, 0.10);
        Files.createDirectories(out);
        HostIdentity host = HostIdentity.current();
        String header = String.format(Locale.ROOT, "Host: %s, %s kernels, %s. Profile: %s (calibrated %s). %s set:"
                + " %d network configurations, %d frozen operators, %d rounds; protocol %d warm-up, %d timed runs,"
                + " spread threshold %.0f%%. Started %s.%n%n%s", host.cpuModel(), host.simd(), cpu.deviceDescription(),
                device, profile.calibrated().get().calibration().date(), (quick ? "Quick " : "Full ") + set, cases.size(),
                frozen.size(), r, settings.warmupRuns(), settings.timedRuns(), settings.maxRelativeSpread() * 100,
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", heldOut ? HELD_OUT_NOTE
                : DEVELOPMENT_NOTE);
        err.println(header);
        NetworkValidation.Outcome o;
        try (RawSampleCsv csv = RawSampleCsv.open(out.resolve("raw-samples.csv"), NetworkValidation.CSV_KEYS)) {
            o = new NetworkValidation(profile, cpu, settings, r, err).run(cases, frozen, csv);
        }
        ValidationReport.write(o, header, out);
        for (String line : ValidationReport.summary(o)) {
            err.println(line);
        }
        ValidationReport.ortLines(o).forEach(err::println);
        err.println("speed reference: " + o.runSpeed().describe() + "; " + o.correctionBasis());
        err.printf(Locale.ROOT, "validated in %.0f s; report %s%n", o.seconds(), out.resolve("report.md"));
        boolean failed = o.networks().stream().anyMatch(c -> !c.checkPassed());
        java.util.Optional<String> busy = guard.busySinceStart();
        if (busy.isPresent()) {
            err.println("dynlat validate: " + busy.get() + "; the report was written but describes a loaded machine:"
                    + " rerun when it is idle");
            return 3;
        }
        return failed ? 1 : 0;
    }

    /** {@code --gpu-networks}: measured whole networks beside predict, one Markdown file, written whole or not at all. */
    private int compareGpuNetworks() throws IOException {
        if (backend != null || quick || rounds != null || !"held-out".equals(set)) {
            throw new IllegalArgumentException("gpu-networks: runs nothing; drop --backend, --quick, --rounds and --set");
        }
        if (out == null) {
            throw new IllegalArgumentException("out: give the Markdown file to write with --gpu-networks (--out FILE.md)");
        }
        try (dev.dynlat.reports.io.OutputSet outputs = dev.dynlat.reports.io.OutputSet.of("--out", out)) {
            DeviceProfile profile = dev.dynlat.operators.profile.DeviceCatalog.load("--device", device);
            var compared = dev.dynlat.predictor.execution.GpuNetworkComparison.compare(profile,
                    dev.dynlat.predictor.execution.GpuNetworkComparison.read(gpuNetworks));
            outputs.prepareText(outputs.only(), dev.dynlat.predictor.execution.GpuNetworkComparison.markdown(profile,
                    device, compared));
            outputs.commit(CliOutputs.stdout(spec));
            err.printf(Locale.ROOT, "validate: %d measured configurations compared with %s; table %s%n",
                    compared.size(), device, out);
        }
        return 0;
    }
}
