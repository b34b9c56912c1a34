package dev.dynlat.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartFilesTest {

    private static final ChartSize SIZE = new ChartSize(300, 210, 150);

    @TempDir
    Path dir;

    static Stream<Arguments> charts() {
        return Stream.of(
                Arguments.of("line", SampleCharts.line(),
                        List.of("channel", "spatial", "layer", "activation rate", "latency [ms]", "static")),
                Arguments.of("scatter", SampleCharts.scatter(),
                        List.of("GPU", "CPU", "y = x", "\u00B110%", "measured latency [ms]", "predicted latency [ms]")),
                Arguments.of("bars", SampleCharts.stackedBars(),
                        List.of("masker", "gather", "conv", "scatter", "stage1", "stage", "latency [ms]")),
                Arguments.of("heatmap", SampleCharts.heatmap(),
                        List.of("stage1", "stage4", "granularity S", "speedup over static [x]", "1.80", "0.95")),
                Arguments.of("histogram", SampleCharts.histogram(),
                        List.of("spatial", "channel", "paradigm:", "latency per image [ms]", "configurations [count]",
                            "static")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void pngDecodesAtRequestedSize(String name, ChartSpec spec, List<String> texts) throws IOException {
        Path png = dir.resolve("png/" + name + ".png");
        ChartFiles.write(spec, png, SIZE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "PNG did not decode");
        assertEquals(SIZE.pixelWidth(), image.getWidth());
        assertEquals(SIZE.pixelHeight(), image.getHeight());
        assertEquals(0xFFFFFFFF, image.getRGB(1, 1), "background should be white");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void svgParsesAndContainsLabelsAsText(String name, ChartSpec spec, List<String> texts) throws Exception {
        Path svg = dir.resolve(name + ".SVG");
        ChartFiles.write(spec, svg, SIZE);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The SVG declares the W3C DTD; the build has no network, and the DTD adds nothing here.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getLocalName() == null
                ? document.getDocumentElement().getTagName() : document.getDocumentElement().getLocalName());
        List<String> shown = textElements(document);
        assertTrue(shown.contains(spec.title()), "title missing from " + shown);
        for (String text : texts) {
            assertTrue(shown.contains(text), "'" + text + "' missing from " + shown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void svgIsByteIdenticalAcrossRenders(String name, ChartSpec spec, List<String> texts) throws IOException {
        Path first = dir.resolve("a/" + name + ".svg");
        Path second = dir.resolve("b/" + name + ".svg");
        ChartFiles.write(spec, first, SIZE);
        ChartFiles.write(spec, second, SIZE);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void pdfLoadsWithOnePageOfRequestedSizeAndIsReproducible(String name, ChartSpec spec, List<String> texts)
            throws IOException {
        Path first = dir.resolve("a/" + name + ".pdf");
        Path second = dir.resolve("b/" + name + ".pdf");
        ChartFiles.write(spec, first, SIZE);
        ChartFiles.write(spec, second, SIZE);
        byte[] bytes = Files.readAllBytes(first);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertEquals(1, pdf.getNumberOfPages());
            PDRectangle box = pdf.getPage(0).getMediaBox();
            assertEquals(SIZE.width(), box.getWidth(), 1e-3);
            assertEquals(SIZE.height(), box.getHeight(), 1e-3);
            assertEquals(spec.title(), pdf.getDocumentInformation().getTitle());
            assertEquals(null, pdf.getDocumentInformation().getCreationDate());
        }
        assertArrayEquals(bytes, Files.readAllBytes(second));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void defaultSizeIsUsedWhenNoneIsGiven(String name, ChartSpec spec, List<String> texts) throws IOException {
        Path png = dir.resolve(name + ".png");
        ChartFiles.write(spec, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(ChartSize.DEFAULT.pixelWidth(), image.getWidth());
        assertEquals(ChartSize.DEFAULT.pixelHeight(), image.getHeight());
    }

    private static List<String> textElements(Document document) {
        NodeList nodes = document.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
