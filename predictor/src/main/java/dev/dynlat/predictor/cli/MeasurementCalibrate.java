package dev.dynlat.predictor.cli;

import dev.dynlat.calibration.measured.MeasuredOperator;
import dev.dynlat.calibration.measured.MeasurementCalibration;
import dev.dynlat.calibration.measured.MeasurementInputException;
import dev.dynlat.calibration.measured.MeasurementOutcome;
import dev.dynlat.calibration.measured.MeasurementSources;
import dev.dynlat.calibration.report.MeasurementReport;
import dev.dynlat.calibration.report.ReportDirectory;
import dev.dynlat.calibration.suite.FitPlan;
import dev.dynlat.calibration.suite.PoorFitException;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.ProfileWriter;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code dynlat calibrate --from-measurements}: reads measured operators, finds the base profile (given,
 * or the built-in profile of the rows' one CUDA device), fits the calibrated variant on the rows outside
 * the held-out shape families, and writes the profile and the report together. Every output is checked
 * before anything is read; bad input writes nothing.
 *
 * @param files           measurement files
 * @param device          base profile (name or file), or null for the rows' device
 * @param profileOut      the calibrated profile to write
 * @param reportDir       the report directory (refused when it holds an earlier report)
 * @param fitRowsPerClass most fit rows per class
 * @param force           write the profile even from a poor or unconverged fit
 * @param progress        progress lines
 * @param stdout          where an output named {@code -} goes
 */
record MeasurementCalibrate(List<Path> files, String device, Path profileOut, Path reportDir, int fitRowsPerClass,
                            boolean force, PrintStream progress, OutputSet.StandardOutput stdout) {

    MeasurementOutcome run() throws IOException {
        try (OutputSet outputs = new OutputSet()) {
            OutputTarget profile = outputs.add("--out", profileOut);
            Path dir = ReportDirectory.check("--report", reportDir, false);
            DeviceProfile given = device == null ? null : DeviceCatalog.load("--device", device);
            List<MeasuredOperator> rows = read();
            DeviceProfile base = base(rows, given);
            progress.printf(Locale.ROOT, "%d measured operators of %s; base profile %s%n", rows.size(),
                    base.cudaName().orElse(rows.get(0).device()), base.name());
            MeasurementOutcome o = new MeasurementCalibration(FitPlan.forKind(base.kind()), fitRowsPerClass, force,
                    progress)
                    .run(base, rows, files.stream().map(Path::toString).toList());
            Files.createDirectories(dir);
            MeasurementReport.Targets report = MeasurementReport.add(outputs, dir);
            MeasurementReport.prepare(o, outputs, report);
            boolean refused = !o.fit().usable() && !force;
            if (!refused) {
                outputs.prepareText(profile, ProfileWriter.toYaml(o.profile()));
            }
            outputs.commit(stdout);
            if (refused) {
                throw new PoorFitException("fit " + o.fit().status().name().toLowerCase(Locale.ROOT) + ": "
                        + o.fit().reason() + "; no profile written (report in " + reportDir
                        + "; --force writes it marked as forced)");
            }
            return o;
        }
    }

    /** Every row of every file; a file without rows is refused by name. */
    private List<MeasuredOperator> read() {
        List<MeasuredOperator> rows = new ArrayList<>();
        Set<Path> seen = new java.util.HashSet<>();
        for (Path f : files) {
            if (!seen.add(f.toAbsolutePath().normalize())) {
                throw new MeasurementInputException(f + ": given twice (each row would count twice)");
            }
            List<MeasuredOperator> r = MeasurementSources.read(f);
            if (r.isEmpty()) {
                throw new MeasurementInputException(f + ": no operator rows after the header");
            }
            progress.println("read " + r.size() + " rows of " + f);
            rows.addAll(r);
        }
        return rows;
    }

    /** The given profile, or the built-in one of the rows' device; rows of several devices are refused. */
    private static DeviceProfile base(List<MeasuredOperator> rows, DeviceProfile given) {
        Set<String> devices = new LinkedHashSet<>();
        rows.forEach(m -> devices.add(m.device()));
        if (devices.size() > 1) {
            throw new MeasurementInputException("measurements: the rows name " + devices.size() + " devices ("
                    + String.join(", ", devices) + "); calibrate one device at a time");
        }
        if (given != null) {
            return given;
        }
        MeasuredOperator first = rows.get(0);
        return DeviceCatalog.forCudaName(first.source() + ":" + first.line() + " column 'Device'", first.device());
    }
}
