package dev.dynlat.predictor.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.network.NativeNetwork;
import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.network.OutputCheck;
import dev.dynlat.calibration.network.ProgramStep;
import dev.dynlat.calibration.network.ReferenceExecutor;
import dev.dynlat.calibration.network.StepKind;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Dynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole networks, lowered by the predictor's own lowering, run natively and compared element by
 * element with the Java reference on small inputs (every paradigm, batch 1 and 2).
 */
class NativeNetworkCheckTest {
    @BeforeAll
    static void nativeAvailable() {
        assumeTrue(NativeNetwork.unavailableReason() == null, "native cpu library not built");
    }

    static Workload workload(String model, int input, String mode, int option, double rate) {
        Network net = NetworkZoo.get(model, input);
        Dynamics d = switch (mode) {
            case "static" -> Dynamics.NONE;
            case "spatial" -> CnnDynamics.uniform(Paradigm.SPATIAL, net, new int[] {option, option, option, 1}, rate);
            case "channel" -> CnnDynamics.uniform(Paradigm.CHANNEL, net, new int[] {option, option, option, option}, rate);
            default -> CnnDynamics.uniform(Paradigm.LAYER, net, new int[] {1, 1, 1, 1}, rate);
        };
        return new Workload(net, d);
    }

    @ParameterizedTest
    @CsvSource({
        "resnet50, 64, static, 1, 1.0, 1",
        "resnet50, 64, static, 1, 1.0, 2",
        "resnet50, 64, spatial, 2, 0.5, 1",
        "resnet50, 64, spatial, 1, 0.25, 2",
        "resnet50, 64, channel, 2, 0.5, 2",
        "resnet50, 64, channel, 4, 0.75, 1",
        "resnet50, 64, layer, 1, 0.5, 2",
        "regnety-800mf, 64, static, 1, 1.0, 2",
        "regnety-800mf, 64, spatial, 1, 0.5, 2",
        "regnety-800mf, 64, layer, 1, 0.25, 1",
        "mobilenetv3-large-1.0, 64, static, 1, 1.0, 2",
        "mobilenetv3-large-1.0, 64, layer, 1, 0.5, 1",
    })
    void nativeOutputMatchesJavaReference(String model, int input, String mode, int option, double rate, int batch) {
        NetworkProgram p = ProgramBuilder.build(model, workload(model, input, mode, option, rate), batch, 7);
        float[] expected = ReferenceExecutor.run(p)[p.output()];
        try (NativeNetwork n = NativeNetwork.load(p)) {
            n.run();
            OutputCheck c = OutputCheck.compare(n.buffer(p.output()), expected);
            assertTrue(c.passed(), c.describe());
            assertEquals(1000L * batch, c.elements());
        }
    }

    @ParameterizedTest
    @CsvSource({"spatial, SCATTER_ADD", "channel, CHANNEL_SKIP_CONV", "layer, FC", "static, MAX_POOL"})
    void everyParadigmRunsItsOwnKernels(String mode, StepKind kind) {
        NetworkProgram p = ProgramBuilder.build("r", workload("resnet50", 64, mode, 2, 0.5), 1, 7);
        Set<StepKind> kinds = p.steps().stream().map(ProgramStep::kind).collect(Collectors.toSet());
        assertTrue(kinds.contains(kind), kinds.toString());
        assertFalse(p.steps().isEmpty());
    }
}
