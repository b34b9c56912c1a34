package dev.dynlat.calibration.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dynlat.calibration.backend.CudaBackend;
import dev.dynlat.calibration.backend.GemmComparison;
import dev.dynlat.calibration.backend.GpuDeviceAttributes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuWindowTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GpuWindow.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new CudaBackend());
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutDeviceCheckStopsWithCodeThreeAndOneLine(@TempDir Path tmp) {
        assumeFalse(new CudaBackend().available(), "a CUDA device is present");
        assertEquals(GpuWindow.NO_DEVICE, run("check"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("gpu: "), err());
        assertEquals(GpuWindow.NO_DEVICE, run("gemm", tmp.resolve("out").toString()));
        assertTrue(Files.notExists(tmp.resolve("out")), "nothing written without a device");
    }

    @Test
    void versionsPrintOneLineAndCompareTheToolkit() {
        int code = run("versions", "13.0");
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("CUDA driver "), line);
        assertTrue(line.contains("toolkit 13.0 (nvcc)"), line);
        assertTrue(code == GpuWindow.OK || code == GpuWindow.OLD_DRIVER, "exit " + code);
        assertEquals(code == GpuWindow.OLD_DRIVER ? 1 : 0, err().lines().count(), err());
    }

    @Test
    void toolkitVersionsParse() {
        assertEquals(13000, GpuWindow.parseToolkit("13.0"));
        assertEquals(12040, GpuWindow.parseToolkit("12.4"));
        assertEquals(0, GpuWindow.parseToolkit(""));
        assertEquals(0, GpuWindow.parseToolkit("abc"));
        assertTrue(GpuDeviceAttributes.driverTooOld(12080, 13000));
        assertTrue(!GpuDeviceAttributes.driverTooOld(0, 13000), "no driver is a device problem");
        assertTrue(!GpuDeviceAttributes.driverTooOld(13010, 13000));
        assertTrue(!GpuDeviceAttributes.driverTooOld(13000, 13010), "same major: minor-version compatibility");
        assertTrue(GpuDeviceAttributes.driverMinorBehind(13000, 13010));
        assertTrue(!GpuDeviceAttributes.driverMinorBehind(12080, 13000));
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(GpuWindow.USAGE, run("measure-everything"));
        assertEquals(GpuWindow.USAGE, run());
        assertEquals(GpuWindow.USAGE, run("gemm"));
    }

    @Test
    void gemmTablesShowTheRatioToCublas() {
        List<GemmComparison> rows = List.of(new GemmComparison(64, 3136, 64, 20e-6, 10e-6),
                new GemmComparison(1024, 1024, 1024, 300e-6, 100e-6), new GemmComparison(8, 8, 8, 3e-6, 2e-6));
        assertEquals("gemm: ours / cuBLAS median 2.00 (range 1.50-3.00) over 3 shapes", GpuWindow.summaryLine(rows, ""));
        String csv = GpuWindow.csv(rows);
        assertTrue(csv.startsWith("m,n,k,ours_us,cublas_us"), csv);
        assertTrue(csv.contains("1024,1024,1024,300.000,100.000,7158.3,21474.8,3.000"), csv);
        assertTrue(GpuWindow.markdown(rows, "cuBLAS not found").contains("cuBLAS unavailable: cuBLAS not found"));
    }
}
