package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.operators.profile.ProfileLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of output path the issue found mishandled, through the real commands. */
class OutputPathsCliTest {
    private static final String[] PREDICT = {"predict", "--model", "resnet50", "--device", "tx2", "--format", "csv"};

    @TempDir
    Path tmp;

    private static CliTest.Result predictTo(Path out) {
        String[] args = java.util.Arrays.copyOf(PREDICT, PREDICT.length + 2);
        args[PREDICT.length] = "--out";
        args[PREDICT.length + 1] = out.toString();
        return CliTest.run(args);
    }

    private static String expectedCsv() {
        CliTest.Result r = CliTest.run(PREDICT);
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    @Test
    void outThroughASymlinkWritesItsTargetAndKeepsTheLink() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), Path.of("real.csv"));
        CliTest.Result r = predictTo(link);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(expectedCsv(), Files.readString(real));
    }

    @Test
    void outToAFifoIsStreamed() throws Exception {
        Path fifo = tmp.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo unavailable");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliTest.Result r = predictTo(fifo);
        assertEquals(0, r.code(), r.err());
        assertEquals(expectedCsv(), reader.get(60, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(fifo), "still a FIFO, not replaced by a file");
    }

    @Test
    void aWriteProtectedOutIsRefusedAndUnchanged() throws IOException {
        Path locked = Files.writeString(tmp.resolve("locked.csv"), "keep me");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));
        CliTest.Result r = predictTo(locked);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out: cannot write '" + locked + "': it is write-protected"), r.err());
        assertEquals("keep me", Files.readString(locked));
        assertEquals(List.of(locked), list(tmp));
    }

    @Test
    void aLegal250CharacterNameWorks() throws IOException {
        Path out = tmp.resolve("r".repeat(246) + ".csv");
        assertEquals(250, out.getFileName().toString().length());
        CliTest.Result r = predictTo(out);
        assertEquals(0, r.code(), r.err());
        assertEquals(expectedCsv(), Files.readString(out));
        assertEquals(List.of(out), list(tmp), "no temporary file left, and no sidecar whose name is too long");
        assertTrue(r.err().contains("no sidecar naming the dynlat build"), r.err());
    }

    /**
     * The tests below name /dev/stdout; they run only once the path resolves to a stream (no file is
     * written there, nothing renamed over it) and check afterwards that it is still the system's link.
     */
    private static void assumeDevStdoutIsStreamed() {
        assertEquals(dev.dynlat.reports.io.OutputTarget.Kind.STDOUT,
                dev.dynlat.reports.io.OutputTarget.of("--out", Path.of("/dev/stdout")).kind(),
                "/dev/stdout must resolve to a stream before any test writes to it");
    }

    private static void assertDevStdoutUntouched() {
        assertTrue(Files.isSymbolicLink(Path.of("/dev/stdout")), "/dev/stdout is still a link");
    }

    @Test
    void dashAndDevStdoutStreamToStandardOutput() {
        assumeDevStdoutIsStreamed();
        String expected = expectedCsv();
        for (String p : List.of("-", "/dev/stdout")) {
            CliTest.Result r = predictTo(Path.of(p));
            assertEquals(0, r.code(), r.err());
            assertEquals(expected, r.out(), p);
        }
        assertDevStdoutUntouched();
    }

    @Test
    void devStdoutWorksInARealProcess() throws Exception {
        assumeDevStdoutIsStreamed();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                DynlatCli.class.getName(), "predict", "--model", "resnet50", "--device", "tx2", "--format", "csv",
                "--out", "/dev/stdout").redirectErrorStream(false).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(err.get(), StandardCharsets.UTF_8));
        assertEquals(expectedCsv(), out);
        assertDevStdoutUntouched();
    }

    @Test
    void sweepChartUnderProcIsRefusedBeforeAnyWorkAndTheTableIsUntouched() throws IOException {
        Path existing = Files.writeString(tmp.resolve("old.csv"), "previous sweep\n");
        byte[] before = Files.readAllBytes(existing);
        for (Path table : List.of(existing, tmp.resolve("new.csv"))) {
            CliTest.Result r = CliTest.run("sweep", "--model", "resnet50", "--device", "v100", "--mode", "spatial",
                    "--out", table.toString(), "--chart", "/proc/x.png");
            assertEquals(2, r.code(), r.err());
            assertEquals("dynlat sweep: --chart: cannot write '/proc/x.png': it is under /proc, a kernel interface,"
                    + " not a place for files", r.err().strip());
            assertEquals("", r.out(), "no work was done");
        }
        assertArrayEquals(before, Files.readAllBytes(existing));
        assertEquals(List.of(existing), list(tmp), "no new table was created");
        assertFalse(Files.exists(Path.of("/proc/x.png")));
    }

    @Test
    void sweepWritesTableAndChartTogetherThroughASymlinkedDirectory() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path linkDir = Files.createSymbolicLink(tmp.resolve("via"), real);
        CliTest.Result r = CliTest.run("sweep", "--model", "resnet50", "--device", "tx2", "--mode", "layer",
                "--rates", "0.5", "--out", linkDir.resolve("s.md").toString(), "--chart", linkDir.resolve("s.svg").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(real.resolve("s.md"), real.resolve("s.svg")), list(real));
    }

    @Test
    void devicesShowWritesAProfileThatLoadsBack() throws IOException {
        Path out = tmp.resolve("my-gpu.yaml");
        CliTest.Result r = CliTest.run("devices", "show", "v100", "--format", "yaml", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("v100", ProfileLoader.load(out).name());
        CliTest.Result stdout = CliTest.run("devices", "show", "v100", "--format", "yaml");
        assertEquals(Files.readString(out), stdout.out());
        CliTest.Result predict = CliTest.run("predict", "--model", "resnet50", "--device", out.toString());
        assertEquals(0, predict.code(), predict.err());
    }

    @Test
    void aCharacterDeviceIsWrittenInPlaceNotReplaced() throws Exception {
        // A null device node made inside the temporary folder (root may mknod): the issue saw /dev/full
        // replaced by a regular file.
        Path device = tmp.resolve("sink.csv");
        Process mk = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mknod not permitted");
        CliTest.Result r = predictTo(device);
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.isRegularFile(device), "still a device");
        assertTrue(Files.exists(device));
        assertEquals(List.of(device), list(tmp), "no temporary file left");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
