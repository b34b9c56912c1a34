package dev.dynlat.predictor.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.network.OutputCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report reads results only: table, charts and figures from given measurements. */
class ValidationReportTest {
    @TempDir
    Path tmp;

    private static CaseResult net(String key, String group, int batch, double measuredMs, double predictedMs) {
        OutputCheck ok = new OutputCheck(1000, 0, 0, 0, 1, 1e-3);
        return new CaseResult(key, group, batch, ok, List.of(measuredMs * 1e-3, measuredMs * 1.1e-3,
                measuredMs * 0.9e-3), List.of(1e-3, 1.1e-3, 0.9e-3), 0.02, false, predictedMs * 1e-3,
                predictedMs * 0.5e-3);
    }

    @Test
    void writesTableChartsAndFigures() throws Exception {
        List<CaseResult> nets = List.of(net("a b1 static", "network-static", 1, 10, 11),
                net("a b1 spatial", "network-dynamic", 1, 5, 4), net("a b8 static", "network-static", 8, 80, 100));
        var stages = new NetworkValidation.StageBreakdown("a b1 static", List.of("stem", "layer1"),
                new double[] {1, 9}, new double[] {2, 9});
        var o = new NetworkValidation.Outcome(nets, List.of(net("conv", "frozen-conv", 1, 1, 1.05)), stages, 1e-3, 12);
        ValidationReport.write(o, "header", tmp);
        for (String f : List.of("validation.md", "validation.csv", "report.md", "networks-predicted-vs-measured.svg",
                "stages-measured-vs-predicted.svg")) {
            assertTrue(Files.size(tmp.resolve(f)) > 0, f);
        }
        List<String> lines = ValidationReport.summary(o);
        // errors 10 %, 20 %, 25 %: median 20 %; within ±20 %: 2 of 3
        assertTrue(lines.get(0).startsWith("networks, all (3): MdAPE 20.0% raw, 20.0% drift-corrected; within ±20%: 67%"),
                lines.get(0));
        assertTrue(lines.get(5).startsWith("frozen operators (1): MdAPE 5.0%"), lines.get(5));
        assertTrue(lines.get(6).startsWith("networks per round (raw; MdAPE/within ±20%): "), lines.get(6));
        assertEquals(20.0, ValidationReport.roundRangePct(nets.get(0)), 1e-9);
    }

    /**
     * With the calibration's speed recorded, corrected figures are brought to it: here the machine
     * ran at half the calibration's speed throughout (reference readings 2× the calibration's).
     */
    @Test
    void correctsToTheCalibrationsSpeedWhenTheProfileRecordsIt() {
        CaseResult r = net("a b1 static", "network-static", 1, 10, 5);
        var o = new NetworkValidation.Outcome(List.of(r), List.of(), null, 0.5e-3, 1, List.of(),
                new dev.dynlat.calibration.suite.SpeedReadings(List.of(1e-3)), true);
        assertEquals(5e-3, r.correctedS(o.typicalReferenceS()), 1e-12);
        assertTrue(ValidationReport.summary(o).get(0).contains("MdAPE 50.0% raw, 0.0% drift-corrected"),
                ValidationReport.summary(o).get(0));
        assertTrue(o.correctionBasis().contains("calibration's speed (speed reference 500.0 µs at calibration,"
                + " median 1000.0 µs in this run)"), o.correctionBasis());
    }
}
