package dev.dynlat.predictor.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Files exported by torch.onnx, from Debian's libonnx-testdata (see the README beside them): the
 * imported output shape equals the shape of the output PyTorch computed, and the MACs equal a
 * count from the file's own weights and that output.
 */
class RealModelFilesTest {
    private static Path file(String name) {
        try {
            return Path.of(RealModelFilesTest.class.getResource("real/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] recordedOutput(String name) throws IOException {
        try (InputStream in = RealModelFilesTest.class.getResourceAsStream("real/" + name + ".output_0.pb")) {
            return TensorProto.parseFrom(in).getDimsList().stream().mapToLong(Long::longValue).toArray();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_Conv2d_strided", "test_Conv2d_depthwise_strided",
        "test_Conv2d_depthwise_with_multiplier", "test_Conv2d_padding", "test_MaxPool2d", "test_AvgPool2d_stride",
        "test_BatchNorm2d_eval"})
    void importedShapesAndMacsMatchWhatPyTorchComputed(String name) throws IOException {
        OnnxReader.OnnxModel model = OnnxReader.read(file(name + ".onnx"));
        assertEquals("pytorch", model.proto().getProducerName());
        Network net = OnnxImportTest.load(model, InputDims.NONE);
        long[] out = recordedOutput(name);
        NetworkNode last = net.stages().get(net.stages().size() - 1).nodes().get(
                net.stages().get(net.stages().size() - 1).nodes().size() - 1);
        assertEquals(out[1] + "x" + out[2] + "x" + out[3], last.output().describe(), name);
        Map<String, TensorProto> weights = model.proto().getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, t -> t));
        double macs = 0;
        for (NodeProto n : model.proto().getGraph().getNodeList()) {
            if (n.getOpType().equals("Conv")) {
                List<Long> w = weights.get(n.getInput(1)).getDimsList();
                macs += (double) out[1] * out[2] * out[3] * w.get(1) * w.get(2) * w.get(3);
            }
        }
        assertEquals(macs, net.denseMacs(), 1e-9, name);
    }

    @Test
    void aRealFileWithAnUnsupportedOperatorNamesIt() {
        ImportException e = assertThrows(ImportException.class,
                () -> OnnxImporter.importFile(file("test_PReLU_2d.onnx"), InputDims.NONE));
        assertEquals("model: unsupported ONNX operators: PRelu ×1 (PRelu_0)", e.getMessage());
    }

    @Test
    void aNonSquareTransposedConvolutionIsRefusedWithItsShapes() {
        ImportException e = assertThrows(ImportException.class,
                () -> OnnxImporter.importFile(file("test_ConvTranspose2d.onnx"), InputDims.NONE));
        assertTrue(e.getMessage().contains("output [1, 4, 20, 12]"), e.getMessage());
    }
}
