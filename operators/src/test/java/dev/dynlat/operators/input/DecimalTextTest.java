package dev.dynlat.operators.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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
        "1,5", "inf", "nan", "Infinityd", "\uFF14", "\u0664.5"})
    void javaOnlySyntaxAndTyposAreRefused(String text) {
        assertFalse(DecimalText.isDecimal(text), text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecimalText.parse("rate", text));
        assertEquals("rate: '" + text + "' is not a decimal number", e.getMessage());
        assertEquals("'" + text + "' is not a decimal number",
                assertThrows(IllegalArgumentException.class, () -> DecimalText.parse(text)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "-4", "+12", "007", "2147483647", "-2147483648"})
    void integersAreAccepted(String text) {
        assertTrue(DecimalText.isInteger(text), text);
        assertEquals(Integer.parseInt(text), DecimalText.parseInt("batch", text));
        assertEquals(Long.parseLong(text), DecimalText.parseLong("seed", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1.0", "0x10", "0X1F", "1_000", " 4", "4 ", "", "+", "-", "--1", "4L", "NaN",
        "Infinity", "\uFF14", "\u0664", "\u0968", "1,000"})
    void everythingButPlainDigitsIsRefusedAsAnInteger(String text) {
        assertFalse(DecimalText.isInteger(text), text);
        assertEquals("batch: '" + text + "' is not an integer",
                assertThrows(IllegalArgumentException.class, () -> DecimalText.parseInt("batch", text)).getMessage());
        assertEquals("'" + text + "' is not an integer",
                assertThrows(IllegalArgumentException.class, () -> DecimalText.parseLong(text)).getMessage());
    }

    @Test
    void integersBeyondTheirTypeNameTheRange() {
        assertEquals("batch: '2147483648' is not an integer in [-2147483648, 2147483647]",
                assertThrows(IllegalArgumentException.class, () -> DecimalText.parseInt("batch", "2147483648"))
                        .getMessage());
        assertEquals("'-99999999999' is not an integer in [-2147483648, 2147483647]",
                assertThrows(IllegalArgumentException.class, () -> DecimalText.parseInt("-99999999999")).getMessage());
        assertEquals(99999999999L, DecimalText.parseLong("99999999999"));
        assertEquals("seed: '9223372036854775808' is not an integer in [-9223372036854775808, 9223372036854775807]",
                assertThrows(IllegalArgumentException.class, () -> DecimalText.parseLong("seed",
                        "9223372036854775808")).getMessage());
        assertEquals("'" + "9".repeat(40) + "' is not an integer in [-9223372036854775808, 9223372036854775807]",
                assertThrows(IllegalArgumentException.class, () -> DecimalText.parseLong("9".repeat(40))).getMessage());
    }
}
