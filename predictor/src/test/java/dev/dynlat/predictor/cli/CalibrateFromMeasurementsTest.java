package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.measured.Accuracy;
import dev.dynlat.calibration.measured.MeasuredOperator;
import dev.dynlat.calibration.measured.MeasurementSources;
import dev.dynlat.calibration.measured.ShapeFamily;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.ProfileLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dynlat calibrate --from-measurements} end to end on a small subset of the T4 files, and on bad input. */
class CalibrateFromMeasurementsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CalibrateCommand c = new CalibrateCommand();
        c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(c);
        cl.setParameterExceptionHandler((ex, a) -> {
            c.err.println("dynlat calibrate: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A few dozen rows of each of five operators of the T4, over many shape families. */
    private List<Path> t4Subset() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String op : List.of("conv", "linear", "addu", "relu", "ln")) {
            files.add(MeasurementSlices.write(tmp, op + "-t4.csv", MeasurementSlices.lines(op, "Tesla_T4", 37, 24)));
        }
        return files;
    }

    private String[] args(List<Path> files, String... rest) {
        List<String> a = new ArrayList<>(List.of("--from-measurements"));
        files.forEach(f -> a.add(f.toString()));
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }

    @Test
    void fitsTheT4FromItsRowsAndReportsEveryPredictorOnTheSameRows() throws IOException {
        List<Path> files = t4Subset();
        Path profile = tmp.resolve("t4.yaml");
        Path report = tmp.resolve("report");
        int code = run(args(files, "--out", profile.toString(), "--report", report.toString(),
                "--fit-rows-per-class", "10", "--force"));
        assertEquals(0, code, stderr());
        List<MeasuredOperator> rows = new ArrayList<>();
        files.forEach(f -> rows.addAll(MeasurementSources.read(f)));

        DeviceProfile p = ProfileLoader.load(profile);
        assertEquals("t4", p.name(), "the base profile found by the CUDA name 'Tesla T4'");
        assertEquals(java.util.Optional.of("Tesla T4"), p.cudaName());
        CalibratedCoefficients.CalibrationRecord rec = p.calibrated().orElseThrow().calibration();
        assertEquals("measurements", rec.backend());
        assertEquals("Tesla T4", rec.machine());
        assertEquals(rows.size(), rec.samples());
        assertTrue(p.provenance().contains("calibrated by dynlat calibrate --from-measurements"), p.provenance());
        // --force writes the profile of any fit; one judged poor says so (the fitted model is not this test's subject).
        String md0 = Files.readString(report.resolve("report.md"));
        assertEquals(md0.contains("- fit: CONVERGED"), rec.forced().isEmpty(), rec.forced());

        // predictions.csv: every row once, held out by the committed rule, never fitted when held out.
        List<String> lines = Files.readAllLines(report.resolve("predictions.csv"), StandardCharsets.UTF_8);
        assertEquals(rows.size() + 1, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        int heldCol = header.indexOf("held_out");
        int fittedCol = header.indexOf("fitted");
        int measCol = header.indexOf("measured_ms");
        int afterCol = header.indexOf("calibrated_ms");
        List<Double> heldPred = new ArrayList<>();
        List<Double> heldMeas = new ArrayList<>();
        int fitted = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            boolean held = ShapeFamily.heldOut(rows.get(i));
            assertEquals(String.valueOf(held), cells[heldCol], lines.get(i + 1));
            if (held) {
                assertEquals("false", cells[fittedCol], "a held-out row is never fitted");
                heldPred.add(Double.parseDouble(cells[afterCol]));
                heldMeas.add(Double.parseDouble(cells[measCol]));
            } else if (cells[fittedCol].equals("true")) {
                fitted++;
            }
        }
        assertTrue(!heldPred.isEmpty() && fitted > 0 && fitted <= 5 * 10, "fitted " + fitted);
        // The profile's held-out error is the MdAPE of exactly those rows.
        Accuracy held = Accuracy.of(heldPred.stream().mapToDouble(Double::doubleValue).toArray(),
                heldMeas.stream().mapToDouble(Double::doubleValue).toArray());
        assertEquals(held.mdapePct(), rec.heldOutMedianApePct(), 1e-9 * held.mdapePct());

        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("## Held-out rows") && md.contains("## Fit rows"), md);
        for (String cls : List.of("conv", "linear", "elementwise", "ln", "**all**")) {
            for (String predictor : List.of("calibrated (after)", "base profile (before)", "laudnet", "roofline")) {
                // Once among the held-out rows, once among the fit rows.
                long n = md.lines().map(l -> java.util.Arrays.stream(l.split("\\|")).map(String::strip).toList())
                        .filter(c -> c.size() > 3 && c.get(1).equals(cls) && c.get(2).equals(predictor)).count();
                assertEquals(2, n, cls + " / " + predictor + " in:\n" + md);
            }
        }
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "%.1f", held.mdapePct())), md);
        for (String f : List.of("predicted-vs-measured.svg", "predicted-vs-measured.png",
                "predicted-vs-measured.csv")) {
            assertTrue(Files.size(report.resolve(f)) > 0, f);
        }
        assertTrue(stderr().contains("calibrated t4 from " + rows.size() + " measured operators"), stderr());

        // dynlat operators on the calibrated profile gives the report's calibrated held-out figures for a class.
        CliTest.Result ops = CliTest.run("operators", "--in", files.get(4).toString(), "--device", profile.toString());
        assertEquals(0, ops.code(), ops.err());
        List<String> summary = OperatorsCommandTest.summaryRow(ops.err(), "t4 (calibrated)", "ln");
        List<String> reported = md.substring(md.indexOf("## Held-out rows"), md.indexOf("## Fit rows")).lines()
                .map(l -> java.util.Arrays.stream(l.split("\\|")).map(String::strip).toList())
                .filter(c -> c.size() > 3 && c.get(1).equals("ln") && c.get(2).equals("calibrated (after)"))
                .findFirst().orElseThrow().subList(1, 6);
        assertEquals(List.of(summary.get(5), summary.get(6), summary.get(7)), reported.subList(2, 5),
                "held-out rows, MdAPE and within ±20% of ln: operators summary " + summary + " vs report " + reported);
    }

    private void assertRefused(String expected, Path profile, Path report, String... args) {
        err.reset();
        assertEquals(2, run(args), stderr());
        assertTrue(stderr().strip().endsWith(expected), "expected '" + expected + "' in:\n" + stderr());
        assertFalse(stderr().contains("Exception"), stderr());
        assertFalse(Files.exists(profile), "no profile written");
        assertFalse(Files.exists(report.resolve("report.md")), "no report written");
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws IOException {
        Path profile = tmp.resolve("p.yaml");
        Path report = tmp.resolve("rep");
        String[] outs = {"--out", profile.toString(), "--report", report.toString()};
        List<String> ln = MeasurementSlices.lines("ln", "Tesla_T4", 37, 5);

        Path unknown = MeasurementSlices.write(tmp, "unknown.csv", List.of(ln.get(0),
                ln.get(1).replace("Tesla T4", "NVIDIA GeForce RTX 9090")));
        assertRefused(unknown + ":2 column 'Device': no built-in profile for device 'NVIDIA GeForce RTX 9090'; known "
                + "CUDA devices: " + String.join(", ", dev.dynlat.operators.profile.DeviceCatalog.cudaNames())
                + " (or give --device NAME|FILE)", profile, report, args(List.of(unknown), outs));

        Path p4 = MeasurementSlices.write(tmp, "ln-p4.csv", MeasurementSlices.lines("ln", "Tesla_P4", 37, 5));
        Path t4 = MeasurementSlices.write(tmp, "ln-t4.csv", ln);
        assertRefused("measurements: the rows name 2 devices (Tesla T4, Tesla P4); calibrate one device at a time",
                profile, report, args(List.of(t4, p4), outs));

        Path badLatency = MeasurementSlices.write(tmp, "lat.csv", List.of(ln.get(0), ln.get(1),
                ln.get(2).replaceFirst("^ln,[^,]*,", "ln,12ms,")));
        assertRefused(badLatency + ":3 column 'Latency': expected a positive number, got '12ms'", profile, report,
                args(List.of(t4, badLatency), outs));

        Path empty = tmp.resolve("empty.csv");
        Files.writeString(empty, "");
        String layouts = dev.dynlat.calibration.measured.MeasurementSources.all().stream()
                .map(dev.dynlat.calibration.measured.MeasurementSource::layout)
                .collect(java.util.stream.Collectors.joining(" or "));
        assertTrue(layouts.startsWith("NeuSight kernel CSV") && layouts.contains("raw-samples.csv"), layouts);
        assertRefused(empty + ": empty file (expected a CSV header of " + layouts + ")", profile, report,
                args(List.of(empty), outs));
        Path other = MeasurementSlices.write(tmp, "other.csv", List.of("x,y", "1,2"));
        assertRefused(other + ":1: unknown measurement layout (header 'x,y'); expected " + layouts, profile, report,
                args(List.of(other), outs));
        assertRefused(t4 + ": given twice (each row would count twice)", profile, report, args(List.of(t4, t4), outs));
        Path missing = tmp.resolve("missing.csv");
        assertRefused(missing + ": cannot read: no such file", profile, report, args(List.of(missing), outs));
        assertRefused("device: unknown device 'nope'; known devices: " + String.join(", ",
                dev.dynlat.operators.profile.DeviceCatalog.builtInNames()) + " (or a path to a profile .yaml)",
                profile, report, args(List.of(t4), "--device", "nope", "--out", profile.toString(), "--report",
                        report.toString()));
        assertRefused("give either --backend (measure here) or --from-measurements FILE... (fit to measured"
                + " operators)", profile, report, "--out", profile.toString(), "--report", report.toString());
        assertRefused("--append, --quick, --warmup and --runs: only with --backend (measurements are not re-run)",
                profile, report, args(List.of(t4), "--quick", "--out", profile.toString(), "--report",
                        report.toString()));
    }

    @Test
    void aGivenBaseProfileStandsForAnUnknownDevice() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : MeasurementSlices.lines("relu", "Tesla_T4", 11, 30)) {
            lines.add(line.replace("Tesla T4", "Prototype GPU"));
        }
        Path f = MeasurementSlices.write(tmp, "relu-proto.csv", lines);
        Path profile = tmp.resolve("proto.yaml");
        assertEquals(0, run("--from-measurements", f.toString(), "--device", "t4", "--out", profile.toString(),
                "--report", tmp.resolve("r").toString(), "--fit-rows-per-class", "8", "--force"), stderr());
        DeviceProfile p = ProfileLoader.load(profile);
        assertEquals("t4", p.name());
        assertEquals("Tesla T4", p.calibrated().orElseThrow().calibration().machine(),
                "the machine is the base profile's CUDA device");
    }
}
