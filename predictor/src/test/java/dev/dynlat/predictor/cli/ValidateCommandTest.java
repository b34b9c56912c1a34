package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynlat validate} refuses what it cannot validate, with one line and exit code 2, writing nothing. */
class ValidateCommandTest {
    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DynlatCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), err.toString()};
    }

    private Path profile(String machine, String simd) throws IOException {
        String yaml = Files.readString(Path.of("../src/calibration/host-cpu/host-cpu.yaml"))
                .replaceAll("    machine: \"[^\"]*\"", "    machine: \"" + machine + "\"")
                .replaceAll("\n    simd: \"[^\"]*\"", "");
        if (simd != null) {
            yaml = yaml.replace("    machine: \"" + machine + "\"", "    machine: \"" + machine + "\"\n    simd: \"" + simd
                    + "\"");
        }
        Path p = tmp.resolve("profile.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private void assertRefused(String[] r, String fragment) {
        assertEquals("2", r[0], r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertTrue(r[1].contains(fragment), r[1]);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void otherBackendsAreRefused() throws IOException {
        assertRefused(run("validate", "--device", profile("x", "y").toString(), "--backend", "cuda", "--out",
                tmp.resolve("out").toString()), "backend: validate runs whole networks on the cpu backend only");
    }

    @Test
    void unknownSetsAreRefused() throws IOException {
        assertRefused(run("validate", "--device", profile("x", "y").toString(), "--backend", "cpu", "--set", "test",
                "--out", tmp.resolve("out").toString()), "set: must be held-out or development, got 'test'");
    }

    @Test
    void uncalibratedProfilesAreRefused() {
        assertRefused(run("validate", "--device", "v100", "--backend", "cpu", "--out", tmp.resolve("out").toString()),
                "has no calibrated coefficients");
    }

    @Test
    void aProfileCalibratedOnAnotherCpuIsRefused() throws IOException {
        assertRefused(run("validate", "--device", profile("Some Other CPU 9000", "x86-64-v3").toString(), "--backend",
                "cpu", "--out", tmp.resolve("out").toString()), "calibrated on 'Some Other CPU 9000'");
    }

    @Test
    void aProfileWithoutSimdLevelIsRefused() throws IOException {
        String model = dev.dynlat.calibration.host.CpuInfo.read().model();
        assertRefused(run("validate", "--device", profile(model, null).toString(), "--backend", "cpu", "--out",
                tmp.resolve("out").toString()), "records no SIMD level");
    }

    @Test
    void predictWarnsButPredictsOnAnotherHostsProfile() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DynlatCli.run(new String[] {"predict", "--model", "resnet50", "--device",
            profile("Some Other CPU 9000", "x86-64-v3").toString(), "--batch", "1"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("warning") && err.toString().contains("Some Other CPU 9000"), err.toString());
        assertTrue(out.toString().contains("latency"));
    }
}
