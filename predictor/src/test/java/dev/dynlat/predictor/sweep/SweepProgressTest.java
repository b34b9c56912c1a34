package dev.dynlat.predictor.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SweepProgressTest {
    @Test
    void aLogGetsOneStatusLinePerPeriodWithRateAndEta() {
        AtomicLong now = new AtomicLong(0);
        StringWriter text = new StringWriter();
        SweepProgress p = new SweepProgress(new PrintWriter(text), false, 1000, 0, 10_000, now::get);
        now.set(5_000_000_000L);
        p.update(100);
        assertEquals("", text.toString(), "nothing before the first period");
        now.set(10_000_000_000L);
        p.update(200);
        assertEquals("sweep: 200/1000 rows (20.0%), 20 rows/s, ETA 40 s\n", text.toString().replace("\r", ""));
        now.set(12_000_000_000L);
        p.finish(1000, "out.csv");
        assertTrue(text.toString().endsWith("sweep: 1000 rows in 12.0 s (83 rows/s) -> out.csv\n"), text.toString());
    }

    @Test
    void aTerminalGetsABarRedrawnInPlaceAndResumedRowsAreNotCountedAsWork() {
        AtomicLong now = new AtomicLong(0);
        StringWriter text = new StringWriter();
        SweepProgress p = new SweepProgress(new PrintWriter(text), true, 1000, 500, 10_000, now::get);
        now.set(1_000_000_000L);
        p.update(750);
        String bar = text.toString();
        assertTrue(bar.startsWith("\r[######################        ] 750/1000 rows (75.0%), 250 rows/s, ETA 1 s"), bar);
        now.set(2_000_000_000L);
        p.finish(1000, "out.csv");
        assertTrue(text.toString().endsWith("sweep: 500 rows in 2.0 s (250 rows/s), 500 resumed -> out.csv\n"),
                text.toString());
    }
}
