package dev.dynlat.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts fit for print: size, resolution, ranges, tick precision, legend titles, square scatter. */
class ChartPrintTest {
    @TempDir
    Path dir;

    private static String golden(String name) throws IOException {
        try (InputStream in = ChartPrintTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Draws a chart and returns its rendering info (plot and data areas). */
    private static ChartRenderingInfo draw(JFreeChart chart, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, w, h), info);
        g2.dispose();
        return info;
    }

    private static List<String> tickLabels(ValueAxis axis, Rectangle2D dataArea, RectangleEdge edge) {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        List<String> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(g2, new AxisState(), dataArea, edge)) {
            String text = ((org.jfree.chart.axis.ValueTick) t).getText();
            if (t instanceof org.jfree.chart.axis.LogTick lt && lt.getAttributedLabel() != null) {
                StringBuilder sb = new StringBuilder();
                var it = lt.getAttributedLabel().getIterator();
                for (char c = it.first(); c != java.text.CharacterIterator.DONE; c = it.next()) {
                    sb.append(c);
                }
                text = sb.toString();
            }
            if (text != null && !text.isEmpty()) {
                out.add(text);
            }
        }
        g2.dispose();
        return out;
    }

    private static int decimals(String label) {
        int dot = label.indexOf('.');
        return dot < 0 ? 0 : label.length() - dot - 1;
    }

    @Test
    void svgHeaderStatesItsSizeInPointsAndAViewBox() throws IOException {
        Path svg = dir.resolve("line.svg");
        ChartFiles.write(SampleCharts.line(), svg);
        String text = Files.readString(svg);
        Matcher open = Pattern.compile("(?s)^(.*?<svg[^>]*>)").matcher(text);
        assertTrue(open.find(), text.substring(0, 200));
        // The root element's attributes without the generator's varying id.
        String header = open.group(1);
        assertEquals(golden("svg-header.txt").strip(), header);
    }

    @Test
    void pngIsRenderedAtThePrintResolutionAndRecordsIt() throws IOException {
        Path png = dir.resolve("line.png");
        ChartFiles.write(SampleCharts.line(), png);
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            // One 3.25 in column at 300 dpi.
            assertEquals(975, reader.getWidth(0));
            assertEquals(Math.round(166 * 300 / 72.0), reader.getHeight(0));
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("11811", phys.getAttribute("pixelsPerUnitXAxis"), "300 dpi in pixels per metre");
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
        }
        Path low = dir.resolve("low.png");
        ChartFiles.write(SampleCharts.line(), low, ChartSize.COLUMN.withDpi(72));
        assertEquals(234, ImageIO.read(low.toFile()).getWidth());
    }

    @Test
    void aReferenceLineAboveTheDataStaysInsideTheRangeWithRoomForItsLabel() {
        LineChartSpec spec = LineChartSpec.of("", Axis.of("rate"), new Axis("latency", "ms"),
                List.of(Series.of("S=1", new double[] {0.1, 0.5, 1}, new double[] {1, 2, 3})))
                .withReferenceLine(new ReferenceLine(9, "static"));
        JFreeChart chart = PaperCharts.create(spec);
        ValueAxis y = chart.getXYPlot().getRangeAxis();
        assertTrue(y.getUpperBound() > 9 * 1.1, "upper bound " + y.getUpperBound());
        assertEquals(0, y.getLowerBound(), 0.0);
    }

    @Test
    void tickLabelsOfAnAxisShareOnePrecision() {
        for (double[] ys : new double[][] {{0.5, 1.0, 2.5}, {12, 13.5, 17}, {0.012, 0.02, 0.031}, {100, 450, 1200}}) {
            LineChartSpec spec = LineChartSpec.of("", Axis.of("rate"), new Axis("latency", "ms"),
                    List.of(Series.of("a", new double[] {0.0, 0.5, 1.0}, ys)));
            JFreeChart chart = PaperCharts.create(spec);
            ChartRenderingInfo info = draw(chart, 252, 180);
            Rectangle2D area = info.getPlotInfo().getDataArea();
            for (var entry : List.of(
                    tickLabels(chart.getXYPlot().getRangeAxis(), area, RectangleEdge.LEFT),
                    tickLabels(chart.getXYPlot().getDomainAxis(), area, RectangleEdge.BOTTOM))) {
                assertTrue(entry.size() >= 2, entry.toString());
                long precisions = entry.stream().mapToInt(ChartPrintTest::decimals).distinct().count();
                assertEquals(1, precisions, "mixed precision in " + entry);
            }
        }
    }

    @Test
    void legendTitlesSayWhatTheSeriesAre() throws IOException {
        Path svg = dir.resolve("titled.svg");
        ChartFiles.write(SampleCharts.line().withLegendTitle("S per stage"), svg);
        assertTrue(Files.readString(svg).contains(">S per stage:</text>"));
    }

    @Test
    void scatterIsSquareWithEqualAxesAtWholeDecadesAndReadableLogTicks() {
        JFreeChart chart = PaperCharts.create(SampleCharts.scatter());
        ChartRenderingInfo info = draw(chart, 400, 250);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        assertEquals(area.getWidth(), area.getHeight(), area.getWidth() * 0.02, "data area " + area);
        XYPlot plot = chart.getXYPlot();
        assertEquals(plot.getDomainAxis().getRange(), plot.getRangeAxis().getRange(), "y = x must run at 45 degrees");
        assertEquals(0.1, plot.getDomainAxis().getLowerBound(), 1e-3);
        assertEquals(1000, plot.getDomainAxis().getUpperBound(), 2);
        List<String> ticks = tickLabels(plot.getDomainAxis(), area, RectangleEdge.BOTTOM);
        assertEquals(List.of("0.1", "1", "10", "100", "1000"), ticks);
    }

    @Test
    void wideLogRangesLabelFewDecadesInOneNotation() {
        Series wide = Series.of("wide", new double[] {1e-6, 1e-2, 100}, new double[] {2e-6, 1.1e-2, 300});
        JFreeChart chart = PaperCharts.create(new ScatterChartSpec("", new Axis("measured latency", "ms"),
                new Axis("predicted latency", "ms"), List.of(wide), true, 10));
        ChartRenderingInfo info = draw(chart, 252, 252);
        List<String> ticks = tickLabels(chart.getXYPlot().getDomainAxis(), info.getPlotInfo().getDataArea(),
                RectangleEdge.BOTTOM);
        // Plain numbers, however wide the range (issue 18: no 1e-2 ticks); four long labels fit a column.
        assertEquals(List.of("0.000001", "0.001", "1", "1000"), ticks);
    }

    @Test
    void scatterShowsTheMeasuredSpreadAndARooflineSeries() throws IOException {
        Series calibrated = Series.of("calibrated", new double[] {1, 10}, new double[] {1.05, 9.5});
        Series roofline = Series.of("roofline", new double[] {1, 10}, new double[] {0.4, 4});
        ScatterChartSpec spec = new ScatterChartSpec("", new Axis("measured latency", "ms"),
                new Axis("predicted latency", "ms"), List.of(calibrated, roofline), true, 10)
                .withSpreads(List.of(new ScatterChartSpec.Spread("calibrated", new double[] {0.9, 8},
                        new double[] {1.2, 12})));
        JFreeChart chart = PaperCharts.create(spec);
        var data = (org.jfree.data.xy.IntervalXYDataset) chart.getXYPlot().getDataset(0);
        assertEquals(8, data.getStartXValue(0, 1), 0.0);
        assertEquals(12, data.getEndXValue(0, 1), 0.0);
        Path svg = dir.resolve("spread.svg");
        ChartFiles.write(spec, svg, ChartSize.SQUARE);
        String text = Files.readString(svg);
        assertTrue(text.contains(">roofline</text>") && text.contains(">calibrated</text>"));
    }

    @Test
    void everyChartTypeDrawsItsDataInPaletteColours() throws IOException {
        for (ChartSpec spec : List.of(SampleCharts.line(), SampleCharts.scatter(), SampleCharts.stackedBars(),
                SampleCharts.heatmap(), SampleCharts.histogram())) {
            Path png = dir.resolve("data.png");
            ChartFiles.write(spec, png);
            BufferedImage image = ImageIO.read(png.toFile());
            int coloured = 0;
            for (int x = 0; x < image.getWidth(); x += 2) {
                for (int y = 0; y < image.getHeight(); y += 2) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    int r = rgb >> 16;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    // Saturated pixels: the palette's blue, orange, green or vermillion, never grey text.
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                        coloured++;
                    }
                }
            }
            assertTrue(coloured > 200, spec.title() + ": only " + coloured + " coloured pixels");
        }
        assertTrue(Set.of(ChartFormat.values()).size() == 3);
    }
}
