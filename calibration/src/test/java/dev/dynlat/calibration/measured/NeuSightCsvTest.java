package dev.dynlat.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.TensorShape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NeuSight's kernel CSV layout: every operator's mapping to a spec, and every kind of bad file. */
class NeuSightCsvTest {
    static final String COMMON = "OPName,Latency,Device,Torch Version,CUDNN Version,Kernel Name,Warps per SM,"
            + "Blocks per SM,Grid x,Grid y,Grid z,Block x,Block y,Block z,CUDA Version";
    static final String LAUNCH = "p2.1.0,8902,\"void k<4, f<float>, a<char*, 3> >(int, f<float>)\","
            + "4.2,1.05,42,1,1,128,1,1,cu121";

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static String row(String op, String latency, String device, String shape) {
        return op + "," + latency + "," + device + "," + LAUNCH + "," + shape;
    }

    @Test
    void convRowIsAPaddedConvolutionAtItsBatch() throws IOException {
        Path f = write("conv.csv",
                COMMON + ",Kernels,B,Input_Channel,Output_Channel,Kernel_Szie,Input_Size,Stride,Padding",
                "conv,2.7097,Tesla T4," + LAUNCH + ",\";void a(x, y);volta_sgemm_64x64_nn;void b(p, q)\","
                        + "38,893,326,3,5,1,1");
        MeasuredOperator m = MeasurementSources.read(f).get(0);
        assertEquals(Conv2dSpec.padded(893, 326, 5, 5, 3, 1, 1, 1), m.spec());
        assertEquals(38, m.batch());
        assertEquals(326.0 * 893 * 9 * 5 * 5, m.spec().macsPerSample());
        assertEquals(2.7097, m.latencyMs());
        assertEquals("Tesla T4", m.device());
        assertEquals("conv", m.opName());
        assertEquals("c9-o8-s2", m.family());
        assertEquals(2, m.line());
        assertEquals("conv", MeasuredClasses.of(m));
        // Every column is carried through, quoted commas and semicolons intact, in file order.
        assertEquals(";void a(x, y);volta_sgemm_64x64_nn;void b(p, q)", m.columns().get("Kernels"));
        assertEquals("void k<4, f<float>, a<char*, 3> >(int, f<float>)", m.columns().get("Kernel Name"));
        assertEquals(List.of("OPName", "Latency", "Device"), List.copyOf(m.columns().keySet()).subList(0, 3));
    }

    @Test
    void linearIsALayerOfNInputsAndKOutputsAtBTimesMRowsAndBmmIsABatchedProduct() throws IOException {
        String header = COMMON + ",Kernels,B,M,N,K";
        MeasuredOperator lin = MeasurementSources.read(write("linear.csv", header,
                row("linear", "0.0522", "Tesla T4", ";volta_sgemm_32x128_tn,2,58,13,141"))).get(0);
        // The recorded grid (5, 1) is ceil(141 / 32) x ceil(116 / 128): K = 141 is the output width.
        assertEquals(new LinearSpec(13, 141), lin.spec());
        assertEquals(116, lin.batch(), "B x M rows are the layer's batch");
        assertEquals(141.0 * 13, lin.spec().macsPerSample());
        assertEquals("m6-n3-k7", lin.family());
        assertEquals("linear", MeasuredClasses.of(lin));
        MeasuredOperator bmm = MeasurementSources.read(write("bmm.csv", header,
                row("bmm", "0.0355", "Tesla T4", ";volta_sgemm_64x64_nn,13,27,15,29"))).get(0);
        assertEquals(new MatmulSpec(13, 27, 15, 29), bmm.spec(), "13 products [27 x 15] . [15 x 29]");
        assertEquals(13.0 * 27 * 29 * 15, bmm.spec().macsPerSample());
        assertEquals("b3-m4-n3-k4", bmm.family());
        assertEquals("bmm", MeasuredClasses.of(bmm));
    }

    @Test
    void rowWiseOperatorsReadTheRightNumberOfTensors() throws IOException {
        String header = COMMON + ",B,H";
        String[] ops = {"add", "mul", "div", "pow", "addu", "mulu", "divu", "powu", "relu", "gelu", "tanh", "softmax",
            "ln"};
        String[] lines = new String[ops.length + 1];
        lines[0] = header;
        for (int i = 0; i < ops.length; i++) {
            lines[i + 1] = row(ops[i], "0.0259", "Tesla T4", "127,168");
        }
        List<MeasuredOperator> ms = MeasurementSources.read(write("rows.csv", lines));
        assertEquals(ops.length, ms.size());
        TensorShape shape = TensorShape.of(127, 168);
        BinaryOp[] binaries = {BinaryOp.ADD, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.POW};
        for (int i = 0; i < 4; i++) {
            ElementwiseSpec two = assertInstanceOf(ElementwiseSpec.class, ms.get(i).spec());
            assertEquals(binaries[i], two.op());
            assertEquals(2, two.tensorOperands(), ops[i] + ": two full tensors");
            ElementwiseSpec one = assertInstanceOf(ElementwiseSpec.class, ms.get(i + 4).spec());
            assertEquals(binaries[i], one.op());
            assertEquals(1, one.tensorOperands(), ops[i + 4] + ": a scalar operand reads no tensor");
            assertEquals(127L * 168, (long) one.channels() * one.height() * one.width());
        }
        assertEquals(new ActivationSpec(ActivationFunction.RELU, shape), ms.get(8).spec());
        assertEquals(new ActivationSpec(ActivationFunction.GELU, shape), ms.get(9).spec());
        assertEquals(new ActivationSpec(ActivationFunction.TANH, shape), ms.get(10).spec());
        assertEquals(new SoftmaxSpec(shape), ms.get(11).spec());
        assertEquals(new NormSpec(shape), ms.get(12).spec());
        for (int i = 0; i < ops.length; i++) {
            MeasuredOperator m = ms.get(i);
            assertEquals(1, m.batch());
            assertEquals(0, m.spec().macsPerSample());
            assertEquals("b6-h7", m.family());
            assertEquals(i < 11 ? "elementwise" : ops[i], MeasuredClasses.of(m));
        }
    }

    @Test
    void gzippedFilesAndCrlfLineEndsReadTheSame(@TempDir Path gzDir) throws IOException {
        String text = COMMON + ",B,H\r\n" + row("relu", "0.03", "Tesla P4", "3,5") + "\r\n"
                + row("relu", "0.04", "Tesla P4", "4,5") + "\r\n";
        Path gz = gzDir.resolve("relu.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        List<MeasuredOperator> ms = MeasurementSources.read(gz);
        assertEquals(2, ms.size());
        assertEquals(3, ms.get(1).line());
        assertEquals(0.04, ms.get(1).latencyMs());
        assertEquals("Tesla P4", ms.get(1).device());
    }

    @Test
    void aSliceOfTheSharedFilesReadsEveryRow() throws IOException {
        Path f = ShapeFamilyTest.KERNELS.resolve("ln").resolve("Tesla_T4.csv.gz");
        List<MeasuredOperator> ms = MeasurementSources.read(f);
        assertEquals(1401 - 1, ms.size(), "1401 lines: the header and 1400 rows");
        assertTrue(ms.stream().allMatch(m -> m.spec() instanceof NormSpec && m.device().equals("Tesla T4")));
        assertTrue(ms.get(0).columns().get("Kernels").startsWith(";void at::native::"));
    }

    private String error(Path f) {
        return assertThrows(MeasurementInputException.class, () -> MeasurementSources.read(f)).getMessage();
    }

    @Test
    void badFilesAreOneLineNamingFileLineColumnAndValue() throws IOException {
        String header = COMMON + ",B,H";
        Path unknownOp = write("op.csv", header, row("relu", "0.03", "Tesla P4", "3,5"), row("sigmoidx", "0.03",
                "Tesla P4", "3,5"));
        assertEquals(unknownOp + ":3 column 'OPName': unknown operator 'sigmoidx'; known: " + NeuSightOps.names(),
                error(unknownOp));
        Path badLatency = write("lat.csv", header, row("relu", "fast", "Tesla P4", "3,5"));
        assertEquals(badLatency + ":2 column 'Latency': expected a positive number, got 'fast'", error(badLatency));
        Path zeroLatency = write("zero.csv", header, row("relu", "0", "Tesla P4", "3,5"));
        assertTrue(error(zeroLatency).startsWith(zeroLatency + ":2 column 'Latency'"));
        Path badShape = write("shape.csv", header, row("relu", "0.1", "Tesla P4", "3,-5"));
        assertEquals(badShape + ":2 column 'H': expected a positive integer, got '-5'", error(badShape));
        Path missingColumn = write("col.csv", COMMON + ",B", row("relu", "0.1", "Tesla P4", "3"));
        assertEquals(missingColumn + ":2: operator 'relu' needs column 'H', which the header lacks",
                error(missingColumn));
        Path shortRow = write("short.csv", header, row("relu", "0.1", "Tesla P4", "3"));
        assertTrue(error(shortRow).startsWith(shortRow + ":2: 16 fields, but the header has 17 columns"),
                error(shortRow));
        Path openQuote = write("quote.csv", header, "relu,0.1,Tesla P4,\"unterminated");
        assertEquals(openQuote + ":2: a quoted field is not closed", error(openQuote));
        Path kernelTooBig = write("k.csv", COMMON + ",B,Input_Channel,Output_Channel,Kernel_Szie,Input_Size,Stride,"
                + "Padding", row("conv", "1", "Tesla T4", "1,3,3,7,2,1,0"));
        assertTrue(error(kernelTooBig).startsWith(kernelTooBig + ":2: conv shape: "), error(kernelTooBig));
    }

    @Test
    void missingEmptyAndUnknownFilesAreRefused() throws IOException {
        Path missing = dir.resolve("none.csv");
        assertEquals(missing + ": cannot read: no such file", error(missing));
        Path empty = write("empty.csv");
        Files.writeString(empty, "");
        assertTrue(error(empty).startsWith(empty + ": empty file"), error(empty));
        Path other = write("other.csv", "a,b,c", "1,2,3");
        assertTrue(error(other).startsWith(other + ":1: unknown measurement layout (header 'a,b,c'); expected "
                + "NeuSight kernel CSV"), error(other));
        assertTrue(error(dir).contains("is a directory"));
    }
}
