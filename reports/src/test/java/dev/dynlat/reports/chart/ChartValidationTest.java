package dev.dynlat.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartValidationTest {

    @TempDir
    Path dir;

    @Test
    void unknownExtensionIsRejectedNamingFileAndSupportedExtensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartFormat.fromFileName("latency.jpg"));
        assertTrue(e.getMessage().contains("latency.jpg"), e.getMessage());
        assertTrue(e.getMessage().contains(".png, .svg, .pdf"), e.getMessage());
    }

    @Test
    void unknownExtensionWritesNothing() throws IOException {
        assertThrows(IllegalArgumentException.class,
                () -> ChartFiles.write(SampleCharts.line(), dir.resolve("out/latency.gif")));
        assertEquals(0, count(dir));
    }

    @Test
    void directoryTargetFailsNamingPathAndLeavesNoFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("chart.svg"));
        IOException e = assertThrows(IOException.class, () -> ChartFiles.write(SampleCharts.scatter(), target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertEquals(1, count(dir));
        assertEquals(0, count(target));
    }

    @Test
    void unwritableParentFailsAndLeavesNoFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        Path target = blocker.resolve("chart.pdf");
        IOException e = assertThrows(IOException.class, () -> ChartFiles.write(SampleCharts.stackedBars(), target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertEquals(1, count(dir));
    }

    @Test
    void seriesWithMismatchedLengthsNamesTheSeries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Series.of("GPU", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("'GPU'"), e.getMessage());
    }

    @Test
    void nonFinitePointNamesSeriesAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Series.of("CPU", new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("'CPU'") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void logLogRejectsNonPositiveValues() {
        Series series = Series.of("GPU", new double[] {0, 1}, new double[] {1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScatterChartSpec.of("", Axis.of("m"), Axis.of("p"), List.of(series)).withLogLog(true));
        assertTrue(e.getMessage().contains("'GPU'") && e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void duplicateSeriesNamesAreRejected() {
        Series a = Series.of("same", new double[] {1}, new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChartSpec.of("", Axis.of("x"), Axis.of("y"), List.of(a, a)));
        assertTrue(e.getMessage().contains("'same'"), e.getMessage());
    }

    @Test
    void componentValueCountMustMatchCategories() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StackedBarChartSpec("", Axis.of("stage"), Axis.of("t"), List.of("s1", "s2"),
                        List.of(new BarComponent("conv", new double[] {1}))));
        assertTrue(e.getMessage().contains("'conv'"), e.getMessage());
    }

    @Test
    void seriesAreImmutable() {
        double[] x = {1, 2};
        Series series = Series.of("s", x, new double[] {3, 4});
        x[0] = 99;
        series.x()[1] = 99;
        assertEquals(1.0, series.x()[0]);
        assertEquals(2.0, series.x()[1]);
    }

    private static long count(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
