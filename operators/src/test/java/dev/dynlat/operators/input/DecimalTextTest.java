package dev.dynlat.operators.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.5", ".5", "5.", "1", "-0.25", "+1e-3", "2E10", "NaN", "Infinity", "-Infinity"})
    void decimalsAreAccepted(String text) {
        assertTrue(DecimalText.isDecimal(text), text);
        assertEquals(Double.parseDouble(text), DecimalText.parse("rate", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5d", "1f", "0.5D", "0x1p-1", "0X10", " 0.5", "0.5 ", "1e", ".", "", "--1", "1_000",
        "1,5", "inf", "nan", "Infinityd"})
    void javaOnlySyntaxAndTyposAreRefused(String text) {
        assertFalse(DecimalText.isDecimal(text), text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecimalText.parse("rate", text));
        assertEquals("rate: '" + text + "' is not a decimal number", e.getMessage());
    }
}
