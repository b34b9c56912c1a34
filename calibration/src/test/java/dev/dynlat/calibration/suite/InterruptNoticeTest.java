package dev.dynlat.calibration.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dynlat.calibration.protocol.Measurement;
import dev.dynlat.calibration.protocol.MeasurementListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptNoticeTest {
    @Test
    void saysHowManyConfigurationsWereKeptAndWhere() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path csv = Path.of("/tmp/report/raw-samples.csv");
        try (InterruptNotice notice = InterruptNotice.install(new PrintStream(bytes, true, StandardCharsets.UTF_8), csv)) {
            MeasurementListener l = notice.counting(MeasurementListener.NONE);
            // Two configurations, one of them measured twice (a second round): two configurations.
            l.onMeasured(measurement("conv-a"), 1, 3);
            l.onMeasured(measurement("gather-b"), 2, 3);
            l.onMeasured(measurement("conv-a"), 3, 3);
            notice.report();
        }
        assertEquals("interrupted after 2 configurations; raw samples kept in /tmp/report/raw-samples.csv",
                bytes.toString(StandardCharsets.UTF_8).strip());
    }

    private static Measurement measurement(String key) {
        return new Measurement(key, List.of(List.of(1e-3, 1.1e-3, 0.9e-3)), 0, 1e-3, 0.1, 0.9e-3, false, "");
    }
}
