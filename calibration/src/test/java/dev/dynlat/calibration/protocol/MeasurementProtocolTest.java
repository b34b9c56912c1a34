package dev.dynlat.calibration.protocol;

import static dev.dynlat.calibration.protocol.ScriptedTimer.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementProtocolTest {

    private static final ProtocolSettings SETTINGS = new ProtocolSettings(4, 7, 3, 0.10);
    private final MeasurementProtocol protocol = new MeasurementProtocol(SETTINGS);

    @Test
    void quietMeasurementIsAcceptedOnFirstAttempt() {
        ScriptedTimer timer = new ScriptedTimer(batch(7, 2e-3, 0.02));
        Measurement m = protocol.measure("conv/a", timer);

        assertEquals(1, timer.calls.size());
        assertEquals(4, timer.calls.get(0)[0], "warm-up runs passed through");
        assertEquals(7, timer.calls.get(0)[1], "timed runs passed through");
        assertEquals("conv/a", m.key());
        assertEquals(1, m.attempts());
        assertEquals(0, m.reportedAttempt());
        assertFalse(m.flagged());
        assertEquals("", m.flagReason());
        assertEquals(2e-3, m.medianS(), 1e-15);
        assertEquals(2e-3 * 0.98, m.minS(), 1e-15);
        assertTrue(m.spread() <= 0.10);
    }

    @Test
    void noisyThenQuietIsRetriedAndReportsTheQuietAttempt() {
        double[] noisy = batch(7, 1e-3, 0.5);
        double[] quiet = batch(7, 1.1e-3, 0.01);
        ScriptedTimer timer = new ScriptedTimer(noisy, quiet);
        Measurement m = protocol.measure("k", timer);

        assertEquals(2, timer.calls.size());
        assertEquals(2, m.attempts());
        assertEquals(1, m.reportedAttempt());
        assertFalse(m.flagged());
        assertEquals(1.1e-3, m.medianS(), 1e-15);
        assertEquals(toList(noisy), m.samplesS().get(0), "the rejected attempt is kept");
        assertEquals(toList(quiet), m.samplesS().get(1));
    }

    @Test
    void alwaysNoisyIsFlaggedWithAllSamplesKept() {
        double[] a = batch(7, 1e-3, 0.6);
        double[] b = batch(7, 1e-3, 0.3);
        double[] c = batch(7, 1e-3, 0.9);
        Measurement m = protocol.measure("noisy", new ScriptedTimer(a, b, c));

        assertTrue(m.flagged());
        assertTrue(m.flagReason().contains("3 attempts"), m.flagReason());
        assertEquals(3, m.attempts());
        assertEquals(21, m.sampleCount());
        assertEquals(List.of(toList(a), toList(b), toList(c)), m.samplesS());
        assertEquals(1, m.reportedAttempt(), "least noisy attempt is reported");
        assertEquals(SampleStats.relativeSpread(b), m.spread(), 1e-15);
        assertTrue(m.spread() > SETTINGS.maxRelativeSpread());
    }

    @Test
    void invalidSamplesAreRejected() {
        double[] withNaN = batch(7, 1e-3, 0.01);
        withNaN[3] = Double.NaN;
        double[] withZero = batch(7, 1e-3, 0.01);
        withZero[0] = 0.0;
        double[] withNegative = batch(7, 1e-3, 0.01);
        withNegative[6] = -1e-3;
        double[] withInf = batch(7, 1e-3, 0.01);
        withInf[1] = Double.POSITIVE_INFINITY;

        for (double[] bad : List.of(withNaN, withZero, withNegative, withInf)) {
            InvalidSampleException e = assertThrows(InvalidSampleException.class,
                    () -> protocol.measure("bad", new ScriptedTimer(bad)));
            assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("finite"), e.getMessage());
        }
        InvalidSampleException count = assertThrows(InvalidSampleException.class,
                () -> protocol.measure("short", new ScriptedTimer(batch(5, 1e-3, 0.01))));
        assertTrue(count.getMessage().contains("expected 7"), count.getMessage());
    }

    @Test
    void measureAllReportsProgressInOrder() {
        List<String> progress = new ArrayList<>();
        List<MeasurementTask> tasks = List.of(
                new MeasurementTask("a", new ScriptedTimer(batch(7, 1e-3, 0.01))),
                new MeasurementTask("b", new ScriptedTimer(batch(7, 2e-3, 0.01))));
        List<Measurement> ms = protocol.measureAll(tasks,
                (m, done, total) -> progress.add(m.key() + " " + done + "/" + total));

        assertEquals(List.of("a 1/2", "b 2/2"), progress);
        assertEquals(2, ms.size());
    }

    private static List<Double> toList(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double d : v) {
            l.add(d);
        }
        return l;
    }
}
