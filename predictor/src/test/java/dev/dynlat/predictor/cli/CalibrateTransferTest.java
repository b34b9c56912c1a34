package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.profile.KernelFamily;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dynlat calibrate --transfer-from}: a GPU never measured gets a measured GPU's library terms. */
class CalibrateTransferTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CalibrateCommand c = new CalibrateCommand();
        c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(c).execute(args);
    }

    @Test
    void theTargetGetsTheSourcesTermsOnItsOwnDatasheet() {
        Path out = tmp.resolve("l4.yaml");
        assertEquals(0, run("--transfer-from", "t4", "--device", "l4", "--kernel-family", "ampere", "--out",
                out.toString()), err.toString(StandardCharsets.UTF_8));
        DeviceProfile written = DeviceCatalog.load(out.toString());
        DeviceProfile l4 = DeviceCatalog.load("l4");
        GpuLibraryCoefficients t4 = DeviceCatalog.load("t4").calibrated().flatMap(CalibratedCoefficients::gpuLibrary)
                .orElseThrow();
        GpuLibraryCoefficients terms = written.calibrated().flatMap(CalibratedCoefficients::gpuLibrary).orElseThrow();
        assertEquals(l4.datasheet(), written.datasheet());
        assertEquals(KernelFamily.AMPERE, terms.family());
        assertEquals(t4.dramEfficiency(), terms.dramEfficiency(), 1e-12);
        assertEquals("transfer", written.calibrated().orElseThrow().calibration().backend());
        assertTrue(written.provenance().contains("transferred from Tesla T4"), written.provenance());
    }

    @Test
    void aSourceWithoutLibraryTermsIsRefusedAndNothingIsWritten() {
        Path out = tmp.resolve("x.yaml");
        assertEquals(2, run("--transfer-from", "v100", "--device", "l4", "--kernel-family", "ampere", "--out",
                out.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("has no gpu_library terms"));
        assertFalse(Files.exists(out));
    }

    @Test
    void aTargetWithoutTermsNeedsTheKernelFamily() {
        Path out = tmp.resolve("y.yaml");
        assertEquals(2, run("--transfer-from", "t4", "--device", "rtx3090", "--out", out.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--kernel-family"));
        assertFalse(Files.exists(out));
        assertEquals(2, run("--transfer-from", "t4", "--device", "rtx3090", "--kernel-family", "kepler", "--out",
                out.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("kernel_family: unknown family 'kepler'"));
        assertFalse(Files.exists(out));
    }
}
