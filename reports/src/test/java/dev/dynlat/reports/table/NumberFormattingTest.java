package dev.dynlat.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberFormattingTest {

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1",
        "1.0, 1",
        "-2.5, -2.5",
        "123456.789, 123456.789",
        "0.30000000000000004, 0.30000000000000004",
        "1e20, 1E+20",
        "1.5e-9, 1.5E-9",
        "0.0, 0"})
    void exactTextIsShortestRoundTrip(double value, String expected) {
        assertEquals(expected, ExactNumbers.format(value));
        assertEquals(value, Double.parseDouble(ExactNumbers.format(value)));
    }

    @ParameterizedTest
    @CsvSource({
        "1.5, 4, 1.500",
        "12345.678, 4, 12350",
        "0.000123456, 3, 0.000123",
        "-0.00001, 1, -0.00001",
        "0.0, 3, 0.00",
        "9.9996, 4, 10.00"})
    void significantDigitsKeepTrailingZeros(double value, int digits, String expected) {
        assertEquals(expected, Precision.significant(digits).format(value));
    }

    @ParameterizedTest
    @CsvSource({
        "3.14159, 2, 3.14",
        "2.5, 0, 3",
        "-0.004, 2, 0.00",
        "1234.5, 1, 1234.5"})
    void decimalPlacesRoundHalfUpWithoutNegativeZero(double value, int places, String expected) {
        assertEquals(expected, Precision.decimalPlaces(places).format(value));
    }
}
