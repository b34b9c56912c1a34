package dev.dynlat.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figure defects of issue 18, checked on the built charts rather than on pixels. */
class PaperFigureTest {
    @TempDir
    Path dir;

    private static StackedBarChartSpec breakdown(String title, List<String> roles) {
        List<BarComponent> parts = new ArrayList<>();
        for (String role : roles) {
            parts.add(new BarComponent(role, new double[] {0.1, 0.2, 0.3, 0.1}));
        }
        return new StackedBarChartSpec(title, Axis.of("residual stage"), new Axis("latency per image", "ms"),
                List.of("stage 1", "stage 2", "stage 3", "stage 4"), parts);
    }

    private static Color paintOf(JFreeChart chart, String component) {
        CategoryPlot plot = chart.getCategoryPlot();
        int row = plot.getDataset().getRowIndex(component);
        return (Color) plot.getRenderer().getSeriesPaint(row);
    }

    @Test
    void aRoleHasOneColourAndHatchInEveryFigure() {
        JFreeChart all = PaperCharts.create(breakdown("", List.of("masker", "gather", "conv", "scatter", "dense")));
        JFreeChart some = PaperCharts.create(breakdown("", List.of("conv", "dense")));
        assertEquals(paintOf(all, "dense"), paintOf(some, "dense"));
        assertEquals(paintOf(all, "conv"), paintOf(some, "conv"));
        assertEquals(RolePalette.role("dense").orElseThrow().colour(), paintOf(some, "dense"));
    }

    @Test
    void rolesDifferInHatchAsWellAsColour() {
        Set<Hatch> cnn = new HashSet<>();
        for (String r : List.of("masker", "gather", "conv", "scatter", "dense")) {
            assertTrue(cnn.add(RolePalette.role(r).orElseThrow().hatch()), r + " repeats a hatch");
        }
        Set<AreaFill> fills = new HashSet<>();
        for (String r : RolePalette.roles()) {
            assertTrue(fills.add(RolePalette.role(r).orElseThrow()), r + " repeats a fill");
        }
        // A name that is no role takes a fill no role of the chart uses.
        List<AreaFill> mixed = RolePalette.fills(List.of("conv", "stage 1"));
        assertNotEquals(mixed.get(0), mixed.get(1));
    }

    @Test
    void hatchedBarsAndTheirLegendKeysCarryTheLines() {
        JFreeChart chart = PaperCharts.create(breakdown("", List.of("conv", "dense")));
        StackedBarRenderer r = (StackedBarRenderer) chart.getCategoryPlot().getRenderer();
        assertInstanceOf(HatchedBarPainter.class, r.getBarPainter());
        int dense = chart.getCategoryPlot().getDataset().getRowIndex("dense");
        int conv = chart.getCategoryPlot().getDataset().getRowIndex("conv");
        assertTrue(subpaths(r.getLegendShape(dense)) > 3, "dense (diagonal hatch) key has hatch lines");
        assertEquals(1, subpaths(r.getLegendShape(conv)), "conv (no hatch) key is a plain box");
        // Every diagonal line stays inside the hatched area.
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(10, 20, 30, 40);
        java.awt.geom.Rectangle2D bounds = Hatch.CROSS.lines(area).getBounds2D();
        assertTrue(area.getMinX() - 1e-9 <= bounds.getMinX() && bounds.getMaxX() <= area.getMaxX() + 1e-9, "" + bounds);
    }

    private static int subpaths(java.awt.Shape shape) {
        int n = 0;
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            if (it.currentSegment(new double[6]) == PathIterator.SEG_MOVETO) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aLongTitleBreaksOnlyBetweenItsParts() {
        String title = "ResNet-101, NVIDIA Tesla V100 SXM2 16 GB, batch 128, rate 0.50, S=8-4-8-4";
        FigureStyle style = FigureStyle.DEFAULT;
        JFreeChart chart = PaperCharts.create(breakdown(title, List.of("conv")), style);
        String text = chart.getTitle().getText();
        Font font = chart.getTitle().getFont();
        for (String line : text.split("\n")) {
            assertTrue(line.endsWith(",") || text.endsWith(line), "line ends inside a part: " + line);
        }
        assertTrue(text.contains("S=8-4-8-4"), text);
        // JFreeChart itself, given the figure's width, adds no break of its own.
        TextBlock block = TextUtils.createTextBlock(text, font, Color.BLACK, style.size().width() - 4,
                new org.jfree.chart.text.G2TextMeasurer(new java.awt.image.BufferedImage(1, 1,
                        java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics()));
        assertEquals(text.split("\n").length, block.getLines().size(), text);
    }

    @Test
    void noTitleDropsTheTitleAndTheTypefaceReachesEveryText() throws IOException {
        FigureStyle captioned = new FigureStyle(ChartSize.COLUMN, Typeface.SANS, false);
        assertNull(PaperCharts.create(SampleCharts.line(), captioned).getTitle());
        Path serif = dir.resolve("serif.svg");
        ChartFiles.write(SampleCharts.line(), serif, FigureStyle.DEFAULT);
        String svg = Files.readString(serif);
        assertTrue(svg.contains("font-family: \"Serif\"") || svg.toLowerCase().contains("serif"), "serif text");
        assertFalse(svg.contains("SansSerif") || svg.toLowerCase().contains("sans-serif"), "a text left in sans");
        Path sans = dir.resolve("sans.svg");
        ChartFiles.write(SampleCharts.line(), sans, new FigureStyle(ChartSize.COLUMN, Typeface.SANS, true));
        assertTrue(Files.readString(sans).toLowerCase().contains("sans"));
    }

    @Test
    void pdfTextIsTextInAStandardFont() throws IOException {
        Path pdf = dir.resolve("line.pdf");
        ChartFiles.write(SampleCharts.line(), pdf, FigureStyle.DEFAULT);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("activation rate"), text);
            assertTrue(text.contains("static"), text);
            Set<String> fonts = new HashSet<>();
            collectFonts(doc.getPage(0).getResources(), fonts);
            assertTrue(fonts.stream().anyMatch(f -> f.startsWith("Times")), "fonts: " + fonts);
        }
    }

    private static void collectFonts(PDResources resources, Set<String> out) throws IOException {
        if (resources == null) {
            return;
        }
        for (var name : resources.getFontNames()) {
            out.add(resources.getFont(name).getName());
        }
        for (var name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), out);
            }
        }
    }

    @Test
    void coincidingCurvesStayVisibleAndTheEnvelopeIsDashed() {
        Series a = Series.of("1-1-1-1", new double[] {0.1, 0.5, 1}, new double[] {1, 2, 3});
        Series b = Series.of("2-2-2-2", new double[] {0.1, 0.5, 1}, new double[] {1, 2, 3});
        Series best = Series.of("best per stage", new double[] {0.1, 0.5, 1}, new double[] {0.9, 1.9, 3});
        LineChartSpec spec = LineChartSpec.of("", Axis.of("activation rate"), new Axis("latency", "ms"),
                List.of(a, b, best)).withEnvelopes(Set.of("best per stage"));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) PaperCharts.create(spec).getXYPlot().getRenderer();
        assertNotEquals(r.getSeriesShape(0), r.getSeriesShape(1));
        assertNotEquals(r.getSeriesStroke(0), r.getSeriesStroke(1));
        assertFalse(r.getSeriesShapesFilled(0), "hollow markers show through each other");
        assertFalse(r.getSeriesShapesVisible(2));
        BasicStroke envelope = (BasicStroke) r.getSeriesStroke(2);
        assertTrue(envelope.getDashArray() != null, "best per stage is dashed");
        assertTrue(envelope.getLineWidth() > ((BasicStroke) r.getSeriesStroke(0)).getLineWidth());
        assertThrows(IllegalArgumentException.class, () -> spec.withEnvelopes(Set.of("nope")));
    }

    @Test
    void theLegendTakesAtMostAFifthOfTheHeight() {
        List<Series> many = new ArrayList<>();
        for (String n : List.of("1-1-1-1", "2-2-2-2", "4-4-4-4", "8-8-8-7", "4-4-2-1", "best per stage")) {
            many.add(Series.of(n, new double[] {0.1, 1}, new double[] {1, 2}));
        }
        LineChartSpec spec = LineChartSpec.of("", Axis.of("activation rate"), new Axis("latency", "ms"), many)
                .withLegendTitle("S per stage");
        for (ChartSize size : List.of(ChartSize.COLUMN, ChartSize.FULL)) {
            LegendTitle legend = PaperCharts.create(spec, FigureStyle.DEFAULT.withSize(size)).getLegend();
            boolean below = legend.getPosition() == RectangleEdge.BOTTOM;
            assertTrue(!below || PaperStyle.legendHeight(legend, size.width()) <= 0.2 * size.height(),
                    () -> size + ": legend below takes " + PaperStyle.legendHeight(legend, size.width()));
        }
        // Full width has room for one row below the plot.
        assertEquals(RectangleEdge.BOTTOM, PaperCharts.create(spec, FigureStyle.DEFAULT.withSize(ChartSize.FULL))
                .getLegend().getPosition());
    }

    @Test
    void predictedVsMeasuredHasAShadedBandAndLightMarkers() {
        JFreeChart chart = PaperCharts.create(SampleCharts.scatter());
        XYPlot plot = chart.getXYPlot();
        var band = ((org.jfree.chart.renderer.xy.AbstractXYItemRenderer) plot.getRenderer(1)).getAnnotations().stream().filter(XYPolygonAnnotation.class::isInstance)
                .toList();
        assertEquals(1, band.size(), "the ±10% band as one shaded polygon");
        XYErrorRenderer points = (XYErrorRenderer) plot.getRenderer(0);
        assertTrue(((Color) points.getSeriesPaint(0)).getAlpha() < 255, "translucent markers");
        assertFalse(points.getSeriesShapesFilled(0), "hollow markers");
        assertTrue(points.getSeriesShape(0).getBounds2D().getWidth() < 4.5, "small markers");
    }

    @Test
    void theRatioFigureShowsTheBandAsAStripAroundOne() {
        RatioChartSpec spec = RatioChartSpec.of(SampleCharts.scatter());
        assertEquals(0.55 / 0.5, spec.ratios().get(0).y()[0], 1e-12);
        XYPlot plot = PaperCharts.create(spec).getXYPlot();
        var band = plot.getRangeMarkers(Layer.BACKGROUND).stream()
                .filter(org.jfree.chart.plot.IntervalMarker.class::isInstance)
                .map(org.jfree.chart.plot.IntervalMarker.class::cast).findFirst().orElseThrow();
        assertEquals(0.9, band.getStartValue(), 1e-12);
        assertEquals(1.1, band.getEndValue(), 1e-12);
        var y = plot.getRangeAxis().getRange();
        assertTrue(y.getLowerBound() <= 0.9 && y.getUpperBound() >= 1.1, y.toString());
        // Within a decade, the band takes a good share of the axis: visible, unlike in the scatter.
        double share = (Math.log10(1.1) - Math.log10(0.9)) / (Math.log10(y.getUpperBound()) - Math.log10(y.getLowerBound()));
        assertTrue(share > 0.2, "band share " + share);
        assertThrows(IllegalArgumentException.class, () -> RatioChartSpec.of(SampleCharts.scatter().withBandPercent(0)));
    }

    @Test
    void wildRatiosAreCountedNotAllowedToFlattenTheBand() {
        Series wild = Series.of("noisy", new double[] {1e-6, 0.01, 0.1, 1, 10}, new double[] {1e-2, 0.011, 0.1, 1e-4, 12});
        ScatterChartSpec scatter = new ScatterChartSpec("", new Axis("measured latency", "ms"),
                new Axis("predicted latency", "ms"), List.of(wild), true, 10);
        JFreeChart chart = PaperCharts.create(RatioChartSpec.of(scatter));
        XYPlot plot = chart.getXYPlot();
        var y = plot.getRangeAxis().getRange();
        assertEquals(0.1, y.getLowerBound(), 1e-3);
        assertEquals(10, y.getUpperBound(), 1e-2);
        assertEquals(3, plot.getDataset().getItemCount(0), "the two points beyond a factor of ten are left out");
        String note = null;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                note = t.getText();
            }
        }
        assertEquals("not shown: 1 above 10, 1 below 0.1", note);
    }

    @Test
    void exitLatenciesAreStemsAtTheirValuesOnANumericAxis() {
        StepChartSpec spec = new StepChartSpec("exits", new Axis("latency per input", "ms"),
                new double[] {1.2, 2.5, 7.0}, new double[] {0.5, 0.3, 0.2});
        XYPlot plot = PaperCharts.create(spec).getXYPlot();
        assertInstanceOf(NumberAxis.class, plot.getDomainAxis());
        var stems = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset(1);
        assertEquals(3, stems.getItemCount(0));
        assertEquals(2.5, stems.getXValue(0, 1), 0);
        assertEquals(30, stems.getYValue(0, 1), 1e-9);
        assertEquals(0, stems.getStartYValue(0, 1), 0);
        var cdf = plot.getDataset(0);
        assertEquals(100, cdf.getYValue(0, cdf.getItemCount(0) - 1), 1e-9);
        assertEquals(80, cdf.getYValue(0, 2), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new StepChartSpec("", Axis.of("x"),
                new double[] {2, 1}, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> new StepChartSpec("", Axis.of("x"),
                new double[] {1, 2}, new double[] {0.5, 0.4}));
    }

    @Test
    void devicesSideBySideShareOneAxisAndOneLegend() {
        List<LineChartSpec> panels = new ArrayList<>();
        for (String device : List.of("V100", "Jetson TX2")) {
            panels.add(LineChartSpec.of(device, Axis.of("activation rate"), Axis.of("relative latency"),
                    List.of(Series.of("uniform", new double[] {0.1, 1}, new double[] {0.4, 1.1}),
                            Series.of("best", new double[] {0.1, 1}, new double[] {0.3, 1.0}))));
        }
        JFreeChart chart = PaperCharts.create(new PanelChartSpec("", Axis.of("latency / static"), panels, "S"));
        CombinedRangeXYPlot plot = (CombinedRangeXYPlot) chart.getPlot();
        assertEquals(2, plot.getSubplots().size());
        assertEquals("Jetson TX2", plot.getSubplots().get(1).getDomainAxis().getLabel());
        LegendItemCollection items = plot.getLegendItems();
        assertEquals(2, items.getItemCount(), "one legend entry per series name");
        XYLineAndShapeRenderer r0 = (XYLineAndShapeRenderer) plot.getSubplots().get(0).getRenderer();
        XYLineAndShapeRenderer r1 = (XYLineAndShapeRenderer) plot.getSubplots().get(1).getRenderer();
        assertEquals(r0.getSeriesPaint(1), r1.getSeriesPaint(1));
        assertThrows(IllegalArgumentException.class, () -> new PanelChartSpec("", Axis.of("y"),
                List.of(panels.get(0), panels.get(0)), ""));
    }

    @Test
    void sizesAndFontsParseWithFieldNamedErrors() {
        assertEquals(234, ChartSize.parse("column").width());
        assertEquals(486, ChartSize.parse("FULL").width());
        ChartSize custom = ChartSize.parse("3.3x2.2");
        assertEquals(238, custom.width());
        assertEquals(158, custom.height());
        assertEquals(custom.width(), custom.squared().height());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChartSize.parse("huge")).getMessage()
                .startsWith("size: unknown size 'huge'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChartSize.parse("30x2")).getMessage()
                .startsWith("size: '30x2'"));
        assertEquals(Typeface.SERIF, Typeface.parse("Serif"));
        assertEquals("font: unknown font 'comic'; expected serif or sans",
                assertThrows(IllegalArgumentException.class, () -> Typeface.parse("comic")).getMessage());
    }
}
