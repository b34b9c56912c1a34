package dev.dynlat.predictor.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.network.ProgramStep;
import dev.dynlat.calibration.network.StepKind;
import dev.dynlat.operators.spec.PatchGrid;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The program of a workload: the lowering's operators, real decisions at the requested rates, planned buffers. */
class ProgramBuilderTest {
    private static NetworkProgram program(Paradigm p, int[] opt, double rate, int batch) {
        return ProgramBuilder.build("t", new ValidationCase("resnet50", p, opt, rate, batch).workload(), batch, 11);
    }

    private static List<ProgramStep> steps(NetworkProgram p, StepKind kind) {
        return p.steps().stream().filter(s -> s.kind() == kind).toList();
    }

    @Test
    void spatialBlocksRunTheLoweringsActivePatchCountPerImage() {
        NetworkProgram p = program(Paradigm.SPATIAL, ValidationSet.S4421, 0.25, 2);
        List<ProgramStep> scatters = steps(p, StepKind.SCATTER_ADD);
        assertEquals(16, scatters.size(), "one scatter-add per residual block");
        for (ProgramStep s : scatters) {
            int[] d = s.dims();
            long expected = new PatchGrid(d[2], d[3], d[4]).activePatches(0.25);
            assertEquals(2 * expected, s.listA().length, s.name());
        }
        // the masker's extra output channel is computed by the fused conv1
        assertTrue(p.steps().stream().anyMatch(s -> s.kind() == StepKind.CONV2D && s.dims()[2] == 65));
    }

    @Test
    void layerSkippingRunsTheExpectedNumberOfBranches() {
        NetworkProgram p = program(Paradigm.LAYER, new int[] {1, 1, 1, 1}, 0.25, 1);
        long adds = steps(p, StepKind.ADD).size();
        assertEquals(4, adds, "0.25 of 16 blocks run their branch");
        assertEquals(16, steps(p, StepKind.FC).size() - 1, "every gate runs (pool + fc), plus the classifier");
        assertEquals(16 + 1, steps(p, StepKind.GLOBAL_AVG_POOL).size());
    }

    @Test
    void channelSkippingKeepsTheRatesShareOfChannelGroups() {
        NetworkProgram p = program(Paradigm.CHANNEL, new int[] {4, 4, 4, 4}, 0.5, 1);
        ProgramStep first = steps(p, StepKind.CHANNEL_SKIP_CONV).get(0);
        assertEquals(64 / 4 / 2, first.listA().length, "half of conv1's 16 groups of 4");
        ProgramStep middle = steps(p, StepKind.CHANNEL_SKIP_CONV).get(1);
        assertTrue(middle.compactInput());
        assertEquals(32, middle.listB().length);
    }

    @Test
    void buffersAreReusedAndProgramsAreDeterministic() {
        NetworkProgram a = program(Paradigm.SPATIAL, ValidationSet.S8421, 0.5, 1);
        NetworkProgram b = program(Paradigm.SPATIAL, ValidationSet.S8421, 0.5, 1);
        assertEquals(a, b);
        assertTrue(a.bufferLengths().size() < a.steps().size() / 4, a.bufferLengths().size() + " buffers for "
                + a.steps().size() + " steps");
    }

    /** SE is listed after the residual add; its input tensor puts it right after the grouped 3x3 conv. */
    @Test
    void squeezeExcitationRunsWhereItsInputTensorIsWritten() {
        var net = NetworkZoo.get("regnety-400mf");
        long seBlocks = net.residualStages().stream().flatMap(s -> s.blocks().stream())
                .filter(dev.dynlat.predictor.workload.ResidualBlock::hasSe).count();
        assertTrue(seBlocks > 0);
        NetworkProgram dense = ProgramBuilder.build("t", Workload.dense(net), 1, 11);
        List<ProgramStep> se = steps(dense, StepKind.SE);
        assertEquals(seBlocks, se.size());
        for (ProgramStep s : se) {
            int at = dense.steps().indexOf(s);
            ProgramStep before = dense.steps().get(at - 1);
            assertEquals(StepKind.CONV2D, before.kind());
            assertTrue(before.dims()[8] > 1, s.name() + " follows the grouped conv, not " + before.name());
            assertEquals(before.out(), s.in(), s.name() + " rescales that conv's output");
        }
        NetworkProgram spatial = ProgramBuilder.build("t",
                new ValidationCase("regnety-400mf", Paradigm.SPATIAL, ValidationSet.S4421, 0.5, 1).workload(), 1, 11);
        assertEquals(seBlocks, steps(spatial, StepKind.PATCH_SE).size());
    }

    @Test
    void operatorsTheRunnerCannotExecuteAreRefusedByName() {
        var vit = Workload.dense(NetworkZoo.get("deit-s"));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> ProgramBuilder.build("deit", vit, 1, 1));
        assertTrue(e.getMessage().contains("native"), e.getMessage());
    }
}
