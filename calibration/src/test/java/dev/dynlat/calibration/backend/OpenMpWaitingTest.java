package dev.dynlat.calibration.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The OpenMP spin bound is set once, before the OpenMP libraries load, unless the user chose otherwise. */
class OpenMpWaitingTest {
    @Test
    void setOnceUnlessTheEnvironmentChoseAPolicy() {
        OpenMpWaiting.Outcome first = OpenMpWaiting.bound();
        assertSame(first, OpenMpWaiting.bound(), "decided once per JVM");
        // The environment the JVM started with (/proc/self/environ; System.getenv may already show our own setenv).
        boolean userChose = startEnvironment().contains("\0OMP_WAIT_POLICY=")
                || startEnvironment().contains("\0GOMP_SPINCOUNT=");
        if (userChose) {
            assertEquals(false, first.set(), first.detail());
        } else {
            assertTrue(first.set(), first.detail());
            assertEquals("GOMP_SPINCOUNT=" + OpenMpWaiting.SPINS, first.detail());
        }
        // Loading the OpenMP library goes through the bound first.
        assertTrue(NativeLibrary.load("dynlat_cpu").loaded(), NativeLibrary.load("dynlat_cpu").failure());
    }

    private static String startEnvironment() {
        try {
            return "\0" + new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/environ")),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
