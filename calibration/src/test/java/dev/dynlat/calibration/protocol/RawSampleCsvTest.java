package dev.dynlat.calibration.protocol;

import static dev.dynlat.calibration.protocol.ScriptedTimer.batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawSampleCsvTest {

    private static final ProtocolSettings SETTINGS = new ProtocolSettings(1, 3, 2, 0.10);

    @TempDir
    Path dir;

    @Test
    void writesExactlyOneLinePerRawSample() throws IOException {
        Path file = dir.resolve("raw.csv");
        double[] noisy = {1e-3, 2e-3, 3e-3};
        double[] quiet = {1.0e-3, 1.01e-3, 1.02e-3};
        Measurement m = new MeasurementProtocol(SETTINGS).measure("conv", new ScriptedTimer(noisy, quiet));
        try (RawSampleCsv csv = RawSampleCsv.open(file, List.of("op", "shape"))) {
            csv.append(List.of("conv", "1x64,56x56"), m);
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "op,shape,attempt,sample,seconds",
                "conv,\"1x64,56x56\",0,0,0.001",
                "conv,\"1x64,56x56\",0,1,0.002",
                "conv,\"1x64,56x56\",0,2,0.003",
                "conv,\"1x64,56x56\",1,0,0.001",
                "conv,\"1x64,56x56\",1,1,0.00101",
                "conv,\"1x64,56x56\",1,2,0.00102"), lines);
    }

    @Test
    void interruptedRunKeepsEverythingMeasuredSoFar() throws IOException {
        Path file = dir.resolve("raw.csv");
        TimedRun crashing = (w, n) -> {
            throw new IllegalStateException("device lost");
        };
        List<MeasurementTask> tasks = List.of(
                new MeasurementTask("a", new ScriptedTimer(batch(3, 1e-3, 0.01))),
                new MeasurementTask("b", new ScriptedTimer(batch(3, 2e-3, 0.01))),
                new MeasurementTask("c", crashing),
                new MeasurementTask("d", new ScriptedTimer(batch(3, 4e-3, 0.01))));

        // Deliberately not closed before reading: flushing per measurement must be enough.
        RawSampleCsv csv = RawSampleCsv.open(file, List.of("key"));
        MeasurementListener listener = csv.asListener(List::of);
        assertThrows(IllegalStateException.class,
                () -> new MeasurementProtocol(SETTINGS).measureAll(tasks, listener));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1 + 3 + 3, lines.size(), lines.toString());
        assertTrue(lines.subList(1, 4).stream().allMatch(l -> l.startsWith("a,")));
        assertTrue(lines.subList(4, 7).stream().allMatch(l -> l.startsWith("b,")));
        csv.close();

        // Resuming appends below the existing rows without repeating the header.
        try (RawSampleCsv resumed = RawSampleCsv.open(file, List.of("key"))) {
            Measurement d = new MeasurementProtocol(SETTINGS).measure("d", new ScriptedTimer(batch(3, 4e-3, 0.01)));
            resumed.append(List.of("d"), d);
        }
        List<String> after = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(10, after.size());
        assertEquals(1, after.stream().filter(l -> l.startsWith("key,")).count());
    }

    @Test
    void refusesToAppendToAFileWithAnotherLayout() throws IOException {
        Path file = dir.resolve("raw.csv");
        Files.writeString(file, "op,attempt,sample,seconds\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RawSampleCsv.open(file, List.of("op", "shape")));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void anExistingFileThatIsNotUtf8IsRefusedNamingTheByteAndLeftAsItWas() throws IOException {
        Path file = dir.resolve("raw.csv");
        byte[] bytes = "op,shape,attempt,sample,seconds\nc\u00e9,s,1,1,1\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RawSampleCsv.open(file, List.of("op", "shape")));
        assertEquals("--report: cannot read '" + file + "': not UTF-8 text (byte 0xE9 at offset 33, line 2)",
                e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void wrongNumberOfKeyValuesIsRejected() throws IOException {
        Measurement m = new MeasurementProtocol(SETTINGS).measure("x", new ScriptedTimer(batch(3, 1e-3, 0.01)));
        try (RawSampleCsv csv = RawSampleCsv.open(dir.resolve("raw.csv"), List.of("op", "shape"))) {
            assertThrows(IllegalArgumentException.class, () -> csv.append(List.of("conv"), m));
        }
    }

    @Test
    void everyRowOfARunCarriesItsIdAndTheWriterCountsItsRows() throws IOException {
        Path file = dir.resolve("raw.csv");
        Measurement m = new MeasurementProtocol(SETTINGS).measure("x", new ScriptedTimer(batch(3, 1e-3, 0.01)));
        try (RawSampleCsv first = RawSampleCsv.open(file, List.of("key"), "run-1")) {
            first.append(List.of("x"), m);
            assertEquals(3, first.rowsWritten());
        }
        try (RawSampleCsv second = RawSampleCsv.open(file, List.of("key"), "run-2")) {
            assertEquals(3, second.previousRows());
            assertEquals(java.util.Set.of("run-1"), second.previousRuns());
            second.append(List.of("x"), m);
            second.append(List.of("x"), m);
            assertEquals(6, second.rowsWritten());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("run,key,attempt,sample,seconds", lines.get(0));
        assertEquals(3, lines.stream().filter(l -> l.startsWith("run-1,x,")).count());
        assertEquals(6, lines.stream().filter(l -> l.startsWith("run-2,x,")).count());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> RawSampleCsv.open(file, List.of("key"), "run-2"));
        assertTrue(again.getMessage().contains("already has rows of run run-2"), again.getMessage());
    }
}
