package dev.dynlat.predictor.execution;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.network.OutputCheck;
import dev.dynlat.calibration.network.ReferenceExecutor;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.execution.onnx.OnnxExport;
import dev.dynlat.predictor.execution.onnx.OrtEngine;
import dev.dynlat.predictor.workload.NetworkZoo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A dense program exported to ONNX computes, in ONNX Runtime, what the Java reference computes. */
class OnnxRuntimeTest {
    @ParameterizedTest
    @CsvSource({"resnet50, 64, 2", "regnety-800mf, 64, 1"})
    void onnxRuntimeAgreesWithTheReference(String model, int input, int batch) {
        NetworkProgram p = ProgramBuilder.build(model, Workload.dense(NetworkZoo.get(model, input)), batch, 3);
        float[] expected = ReferenceExecutor.run(p)[p.output()];
        byte[] onnx = OnnxExport.export(p, 3, input);
        try (OrtEngine e = new OrtEngine(onnx, p.inputValues(0), new long[] {batch, 3, input, input}, 2)) {
            OutputCheck c = OutputCheck.compare(e.run(), expected);
            assertTrue(c.passed(), c.describe());
        }
    }

    @Test
    void dynamicProgramsHaveNoOnnxForm() {
        NetworkProgram p = ProgramBuilder.build("s", new ValidationCase("resnet50", Paradigm.SPATIAL,
                ValidationSet.S4421, 0.5, 1).workload(), 1, 3);
        assertThrows(UnsupportedOperationException.class, () -> OnnxExport.export(p, 3, 224));
    }
}
