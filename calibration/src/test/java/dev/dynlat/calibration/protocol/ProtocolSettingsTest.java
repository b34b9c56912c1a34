package dev.dynlat.calibration.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProtocolSettingsTest {

    @Test
    void presetsAreValidAndFullIsStricterThanQuick() {
        ProtocolSettings quick = assertDoesNotThrow(ProtocolSettings::quick);
        ProtocolSettings full = assertDoesNotThrow(ProtocolSettings::full);
        assertTrue(full.timedRuns() > quick.timedRuns());
        assertTrue(full.maxAttempts() >= quick.maxAttempts());
    }

    @Test
    void invalidValuesNameFieldAndValue() {
        assertMessage(() -> new ProtocolSettings(-1, 7, 2, 0.1), "warmup", "-1");
        assertMessage(() -> new ProtocolSettings(3, 2, 2, 0.1), "runs", "2");
        // Bounded above too: 2^31-1 timed runs exhausted the memory, 10^9 warm-up runs never ended.
        assertMessage(() -> new ProtocolSettings(3, Integer.MAX_VALUE, 2, 0.1), "runs", "2147483647");
        assertMessage(() -> new ProtocolSettings(1_000_000_000, 7, 2, 0.1), "warmup", "1000000000");
        assertMessage(() -> new ProtocolSettings(3, 7, 0, 0.1), "maxAttempts", "0");
        assertMessage(() -> new ProtocolSettings(3, 7, 2, 0.0), "maxRelativeSpread", "0.0");
        assertMessage(() -> new ProtocolSettings(3, 7, 2, Double.NaN), "maxRelativeSpread", "NaN");
    }

    private static void assertMessage(Runnable r, String field, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(value), e.getMessage());
    }
}
