package dev.dynlat.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.model.KernelSpecMapper;
import dev.dynlat.calibration.model.MappedOperator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawSamplesSourceTest {
    private static final String HEADER = String.join(",", RawSamplesSource.HEADER);
    private static final String CONV = "c1,conv2d,conv,n=2 cin=16 cout=32 h=28 w=28 k=3 stride=1 pad=1 groups=1,"
            + "\"NVIDIA H100 80GB HBM3\",";
    private static final String GATHER = "g1,gather,gather,n=1 c=32 h=28 w=28 s=2 halo=1 active_count=49,"
            + "\"NVIDIA H100 80GB HBM3\",";

    @Test
    void latencyIsTheMedianOfRoundMediansOfTheReportedAttempts(@TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve("raw-samples.csv"), List.of(HEADER,
                // round 1: attempt 0 too noisy, attempt 1 reported: median 0.020
                CONV + "1,0,0,0.5,0.9,0,0", CONV + "1,0,1,0.01,0.9,0,0", CONV + "1,0,2,0.03,0.9,0,0",
                CONV + "1,1,0,0.020,0.05,1,0", CONV + "1,1,1,0.019,0.05,1,0", CONV + "1,1,2,0.021,0.05,1,0",
                // round 2: median 0.030; round 3: median 0.026
                CONV + "2,0,0,0.030,0.01,1,0", CONV + "2,0,1,0.031,0.01,1,0", CONV + "2,0,2,0.029,0.01,1,0",
                CONV + "3,0,0,0.026,0.01,1,0", CONV + "3,0,1,0.025,0.01,1,0", CONV + "3,0,2,0.027,0.01,1,0",
                // round 1 flagged (not used), round 2 fine: median 0.004
                GATHER + "1,0,0,0.001,0.5,1,1", GATHER + "1,0,1,0.009,0.5,1,1", GATHER + "1,0,2,0.005,0.5,1,1",
                GATHER + "2,0,0,0.004,0.02,1,0", GATHER + "2,0,1,0.004,0.02,1,0", GATHER + "2,0,2,0.0041,0.02,1,0",
                // every round flagged: left out, listed
                "x1,add,elementwise,n=1 c=16 h=28 w=28,dev,1,0,0,0.002,0.4,1,1"));
        RawSamplesSource.Result r = RawSamplesSource.readAll(file);
        assertEquals(List.of("x1"), r.flaggedCases());
        assertEquals(2, r.operators().size());

        MeasuredOperator conv = r.operators().get(0);
        assertEquals(0.026, conv.latencyMs(), 1e-12);
        MappedOperator expected = KernelSpecMapper.map(new Conv2dKernel(2, 16, 32, 28, 28, 3, 1, 1));
        assertEquals(expected.spec(), conv.spec());
        assertEquals(2, conv.batch());
        assertEquals("NVIDIA H100 80GB HBM3", conv.device());
        assertEquals("conv2d", conv.opName());
        assertEquals(2, conv.line());
        assertEquals("cin4-cout5-h4-w4-k1-stride0-pad0-groups0", conv.family());
        assertEquals("3", conv.columns().get("rounds_used"));

        MeasuredOperator gather = r.operators().get(1);
        assertEquals(0.004, gather.latencyMs(), 1e-12);
        int[] any49 = java.util.stream.IntStream.range(100, 149).toArray();
        assertEquals(KernelSpecMapper.map(new GatherKernel(1, 32, 28, 28, 2, 1, any49)).spec(), gather.spec());
        assertEquals("1", gather.columns().get("rounds_used"));
        assertEquals(r.operators(), RawSamplesSource.read(file));
    }

    @Test
    void aFileOfAnotherLayoutIsRefusedNamingLineOne(@TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve("raw-samples.csv"), List.of("run,case,group,pass,attempt,sample,seconds"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RawSamplesSource.read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: header 'run,case,group,pass,attempt,sample,seconds'"),
                e.getMessage());
        assertTrue(RawSamplesSource.recognizes(HEADER));
    }

    @Test
    void badRowsNameTheirLineAndField(@TempDir Path tmp) throws IOException {
        assertProblem(tmp, CONV + "1,0,0,-1,0.1,1,0", ":2: latency_ms: must be a positive number");
        assertProblem(tmp, CONV + "1,0,0,0.1,0.1,yes,0", ":2: reported: expected 0 or 1");
        assertProblem(tmp, CONV.replace("cin=16", "cin=x") + "1,0,0,0.1,0.1,1,0", ":2: cin: not an integer");
        assertProblem(tmp, CONV.replace("conv2d", "conv3d") + "1,0,0,0.1,0.1,1,0", ":2: kind: unknown plan kind");
        assertProblem(tmp, CONV.replace(" groups=1", "") + "1,0,0,0.1,0.1,1,0", ":2: conv2d: parameters");
        assertProblem(tmp, CONV + "1,0,0,0.1,0.1,1,0\n" + CONV.replace("cin=16", "cin=8") + "1,0,1,0.1,0.1,1,0",
                ":3: case c1: kind, group, shape or device differs");
    }

    private static void assertProblem(Path tmp, String rows, String expected) throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.csv"), HEADER + "\n" + rows + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RawSamplesSource.read(file));
        assertTrue(e.getMessage().startsWith(file + expected), e.getMessage());
    }
}
