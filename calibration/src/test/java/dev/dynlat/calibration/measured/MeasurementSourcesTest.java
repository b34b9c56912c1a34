package dev.dynlat.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry picks each file's reader by its header. */
class MeasurementSourcesTest {

    @Test
    void eachLayoutIsReadByItsSource(@TempDir Path tmp) throws IOException {
        String conv = "c1,conv2d,conv,n=2 cin=16 cout=32 h=28 w=28 k=3 stride=1 pad=1 groups=1,\"Tesla T4\",";
        Path raw = Files.write(tmp.resolve("raw-samples.csv"), List.of(String.join(",", RawSamplesSource.HEADER),
                conv + "1,0,0,0.020,0.01,1,0", conv + "1,0,1,0.022,0.01,1,0", conv + "1,0,2,0.021,0.01,1,0"));
        assertInstanceOf(RawSamplesLayout.class, MeasurementSources.sourceOf(raw));
        List<MeasuredOperator> fromRaw = MeasurementSources.read(raw);
        assertEquals(RawSamplesSource.read(raw), fromRaw);
        assertEquals("conv", MeasuredClasses.of(fromRaw.get(0)), "another source's operators go by their spec kind");

        Path neuSight = ShapeFamilyTest.KERNELS.resolve("softmax").resolve("Tesla_P100-PCIE-16GB.csv.gz");
        assertInstanceOf(NeuSightCsv.class, MeasurementSources.sourceOf(neuSight));
        List<MeasuredOperator> both = MeasurementSources.readAll(List.of(raw, neuSight));
        assertEquals(1 + MeasurementSources.read(neuSight).size(), both.size());
        assertEquals("Tesla P100-PCIE-16GB", both.get(1).device());
    }
}
