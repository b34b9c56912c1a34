package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.measured.Accuracy;
import dev.dynlat.calibration.measured.MeasuredOperator;
import dev.dynlat.calibration.measured.MeasurementSources;
import dev.dynlat.calibration.measured.OperatorPricer;
import dev.dynlat.calibration.measured.ShapeFamily;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynlat operators} end to end on slices of NeuSight's files, and on bad input. */
class OperatorsCommandTest {
    @TempDir
    Path tmp;

    private Path lnSlice() throws IOException {
        return MeasurementSlices.write(tmp, "ln-t4.csv", MeasurementSlices.lines("ln", "Tesla_T4", 7, 120));
    }

    @Test
    void writesTheInputColumnsWithPredictionAndSignedErrorAndSummarises() throws IOException {
        Path in = lnSlice();
        Path out = tmp.resolve("out.csv");
        CliTest.Result r = CliTest.run("operators", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        ProvenanceFields.assertNamesThisBuild(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                tmp.resolve("out.csv.meta.json").toFile()));
        List<MeasuredOperator> input = MeasurementSources.read(in);
        List<MeasuredOperator> written = MeasurementSources.read(out);
        assertEquals(input.size(), written.size());
        List<String> header = List.of(Files.readAllLines(out, StandardCharsets.UTF_8).get(0).split(","));
        List<String> inHeader = List.of(Files.readAllLines(in, StandardCharsets.UTF_8).get(0).split(","));
        assertEquals(inHeader, header.subList(0, inHeader.size()));
        assertEquals(List.of("predicted_ms", "error_pct", "predicted_kernel", "held_out"),
                header.subList(inHeader.size(), header.size()));
        // Each prediction is the t4 profile's (found by the CUDA name 'Tesla T4'), in its default variant:
        // calibrated (the built-in T4 carries GPU library terms).
        OperatorPricer t4 = new OperatorPricer(DeviceCatalog.load("t4"), ModelVariant.CALIBRATED);
        for (int i = 0; i < input.size(); i++) {
            MeasuredOperator m = written.get(i);
            assertEquals(input.get(i).columns(), without(m.columns()));
            double predicted = Double.parseDouble(m.columns().get("predicted_ms"));
            assertEquals(t4.latencyS(input.get(i)) * 1e3, predicted, 1e-12 * predicted);
            assertEquals(100 * (predicted - m.latencyMs()) / m.latencyMs(),
                    Double.parseDouble(m.columns().get("error_pct")), 1e-9);
            assertEquals(t4.cost(input.get(i)).tiling().kernel(), m.columns().get("predicted_kernel"));
            assertEquals("layer norm", m.columns().get("predicted_kernel"), "the library model names its kernel");
            assertEquals(String.valueOf(ShapeFamily.heldOut(input.get(i))), m.columns().get("held_out"));
        }
        double[] pred = written.stream().mapToDouble(m -> Double.parseDouble(m.columns().get("predicted_ms")))
                .toArray();
        double[] meas = written.stream().mapToDouble(MeasuredOperator::latencyMs).toArray();
        Accuracy all = Accuracy.of(pred, meas);
        long held = input.stream().filter(ShapeFamily::heldOut).count();
        assertTrue(held > 0 && held < input.size(), "the slice spans fit and held-out families: " + held);
        List<String> row = summaryRow(r.err(), "t4 (calibrated)", "ln");
        assertEquals(String.valueOf(input.size()), row.get(2));
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", all.mdapePct()), row.get(3));
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", all.within20Pct()), row.get(4));
        assertEquals(String.valueOf(held), row.get(5));
        assertTrue(r.err().contains("held-out MdAPE"), r.err());
        assertEquals("", r.out(), "the CSV went to --out");
    }

    /** The cells of the summary row of a device and class. */
    static List<String> summaryRow(String err, String device, String cls) {
        for (String line : err.lines().toList()) {
            List<String> cells = java.util.Arrays.stream(line.split("\\|")).map(String::strip).toList();
            if (cells.size() > 3 && cells.get(1).equals(device) && cells.get(2).equals(cls)) {
                return cells.subList(1, cells.size());
            }
        }
        throw new AssertionError("no summary row for " + device + " / " + cls + " in:\n" + err);
    }

    private static java.util.Map<String, String> without(java.util.Map<String, String> columns) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(columns);
        m.remove("predicted_ms");
        m.remove("error_pct");
        m.remove("predicted_kernel");
        m.remove("held_out");
        return m;
    }

    @Test
    void aGivenDeviceAndVariantOverrideTheRowsDeviceAndAnOutputCanBeReadAgain() throws IOException {
        Path in = lnSlice();
        Path first = tmp.resolve("first.csv");
        assertEquals(0, CliTest.run("operators", "--in", in.toString(), "--out", first.toString()).code());
        // The output is a measurement file too: its old prediction columns are replaced.
        CliTest.Result r = CliTest.run("operators", "--in", first.toString(), "--device", "v100", "--variant",
                "laudnet");
        assertEquals(0, r.code(), r.err());
        summaryRow(r.err(), "v100 (laudnet)", "ln");
        List<String> lines = r.out().lines().toList();
        assertEquals(Files.readAllLines(first).get(0), lines.get(0), "one column each of predicted_ms, error_pct, predicted_kernel and held_out");
        assertNotEquals(Files.readAllLines(first).get(1), lines.get(1), "v100 predicts otherwise than t4");
    }

    @Test
    void gzippedInputIsRead() throws IOException {
        Path gz = MeasurementSlices.KERNELS.resolve("relu").resolve("Tesla_P4.csv.gz");
        CliTest.Result r = CliTest.run("operators", "--in", gz.toString(), "--out", tmp.resolve("p4.csv").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("1750", summaryRow(r.err(), "p4 (calibrated)", "elementwise").get(2));
    }

    @Test
    void badInputIsOneLineExitTwoAndNoOutput() throws IOException {
        List<String> lines = MeasurementSlices.lines("ln", "Tesla_T4", 7, 10);
        Path out = tmp.resolve("kept.csv");
        Files.writeString(out, "earlier output\n");
        Path unknown = MeasurementSlices.write(tmp, "unknown.csv", List.of(lines.get(0), lines.get(1),
                lines.get(2).replace("Tesla T4", "NVIDIA GeForce RTX 9090")));
        CliTest.Result r = CliTest.run("operators", "--in", unknown.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("dynlat operators: " + unknown + ":3 column 'Device': no built-in profile for device "
                + "'NVIDIA GeForce RTX 9090'; known CUDA devices: " + String.join(", ", DeviceCatalog.cudaNames())
                + " (or give --device NAME|FILE)", r.err().strip());
        Path badLatency = MeasurementSlices.write(tmp, "lat.csv", List.of(lines.get(0),
                lines.get(1).replaceFirst("^ln,[^,]*,", "ln,n/a,")));
        r = CliTest.run("operators", "--in", badLatency.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("dynlat operators: " + badLatency + ":2 column 'Latency': expected a positive number, got 'n/a'",
                r.err().strip());
        r = CliTest.run("operators", "--in", lnSlice().toString(), "--device", "v100", "--variant", "calibrated",
                "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("variant: device 'v100' has no calibrated coefficients"), r.err());
        Path headerOnly = MeasurementSlices.write(tmp, "header.csv", List.of(lines.get(0)));
        r = CliTest.run("operators", "--in", headerOnly.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(headerOnly + ": no operator rows after the header"), r.err());
        r = CliTest.run("operators", "--in", tmp.resolve("none.csv").toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("none.csv: cannot read: no such file"), r.err());
        assertEquals("earlier output\n", Files.readString(out), "no partial or replaced output");
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
