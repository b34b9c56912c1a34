package dev.dynlat.calibration.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The CUDA library in the build carries device code for every GPU generation the project targets:
 * SASS for sm_75, sm_80, sm_86, sm_87 and sm_90 (and PTX for newer GPUs). Reads the fatbinary
 * containers embedded in the shared library (magic 0xBA55ED50; each entry's header gives its kind,
 * 1 = PTX, 2 = ELF, and its SM number at byte 28). Skips when nvcc was not found at build time.
 */
class CudaFatbinArchitecturesTest {
    static final List<String> REQUIRED = List.of("sm_75", "sm_80", "sm_86", "sm_87", "sm_90");
    private static final int FATBIN_MAGIC = 0xBA55ED50;

    @Test
    void libraryHoldsCodeForEveryTargetArchitecture() throws IOException {
        byte[] lib;
        try (InputStream in = getClass().getResourceAsStream("/" + NativeLibrary.PLATFORM_DIR + "/libdynlat_cuda.so")) {
            assumeTrue(in != null, "CUDA library not built (nvcc not found at build time)");
            lib = in.readAllBytes();
        }
        Set<String> archs = architectures(lib);
        for (String sm : REQUIRED) {
            assertTrue(archs.contains(sm), "no " + sm + " code in libdynlat_cuda.so; found " + archs);
        }
        assertTrue(archs.stream().anyMatch(a -> a.startsWith("ptx_")), "no PTX for newer GPUs; found " + archs);
    }

    static Set<String> architectures(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        Set<String> found = new TreeSet<>();
        for (int i = 0; i + 16 <= data.length; i += 8) { // containers are 8-byte aligned
            if (b.getInt(i) != FATBIN_MAGIC) {
                continue;
            }
            int headerSize = Short.toUnsignedInt(b.getShort(i + 6));
            long size = b.getLong(i + 8);
            long end = i + headerSize + size;
            long j = i + headerSize;
            while (j + 32 <= end && end <= data.length) {
                int kind = Short.toUnsignedInt(b.getShort((int) j));
                int entryHeader = b.getInt((int) j + 4);
                long entrySize = b.getLong((int) j + 8);
                int arch = b.getInt((int) j + 28);
                found.add((kind == 1 ? "ptx_" : "sm_") + arch);
                if (entryHeader <= 0) {
                    break;
                }
                j += entryHeader + entrySize;
            }
        }
        return found;
    }
}
