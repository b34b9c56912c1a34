package dev.dynlat.calibration.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void knownNames() {
        assertInstanceOf(CpuBackend.class, Backends.byName("cpu"));
        assertInstanceOf(CudaBackend.class, Backends.byName(" CUDA "));
        assertEquals("cuda", Backends.byName("cuda").name());
    }

    @Test
    void unknownNameListsValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.byName("tpu"));
        assertTrue(e.getMessage().contains("'tpu'") && e.getMessage().contains("[cpu, cuda]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backends.byName(null));
    }

    @Test
    void missingLibraryIsReportedNotThrown() {
        NativeLibrary lib = NativeLibrary.load("dynlat_does_not_exist");
        assertTrue(!lib.loaded() && lib.missingFromClasspath());
        assertTrue(lib.failure().contains("libdynlat_does_not_exist.so"), lib.failure());
    }
}
