package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Executed MACs above dense are explained in the output (spatial blocks with 1×1 patches
 * recompute conv1 on every patch's halo), and the line is absent when there is nothing to explain.
 */
class ExecutedMacsNoteTest {
    @Test
    void executedMacsAboveDenseNameTheOperatorsThatAddThem() {
        CliTest.Result r = CliTest.run("predict", "--model", "resnet50", "--device", "tx2", "--mode", "spatial",
                "--granularity", "1", "--rate", "0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("executed MACs above dense by"), r.out());
        assertTrue(r.out().contains("spatial-masker"), r.out());
        assertTrue(r.out().contains("overlapping halos recomputed"), r.out());
        CliTest.Result s = CliTest.run("predict", "--model", "resnet50", "--device", "tx2");
        assertEquals(0, s.code(), s.err());
        assertFalse(s.out().contains("executed MACs above dense"), s.out());
    }

    /**
     * GFNet's executed MACs fall short of its dense MACs by 9.437 M per encoder: the laudnet
     * variant's omitted stride-1 projection (64·256·24·24), which equals its GRU's 3·(2048·1024 +
     * 1024²) by coincidence; the GRU's MACs are in the executed count.
     */
    @Test
    void gruMacsAreExecutedMacs() {
        CliTest.Result r = CliTest.run("predict", "--model", "gfnet-resnet50-96", "--device", "tx2", "--variant",
                "laudnet", "--detail");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("exit.gru") && l.contains("0.009 |")), r.out());
    }
}
