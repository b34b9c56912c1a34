package dev.dynlat.predictor.calibration;

import dev.dynlat.predictor.workload.OperatorUse;

import dev.dynlat.calibration.suite.BlockCase;
import dev.dynlat.calibration.suite.BlockParadigm;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.engine.BlockComposer;
import dev.dynlat.predictor.engine.BlockGraphs;
import dev.dynlat.predictor.engine.Composition;
import dev.dynlat.predictor.engine.ChannelBlockComposer;
import dev.dynlat.predictor.engine.LayerBlockComposer;
import dev.dynlat.predictor.engine.SpatialBlockComposer;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.ResidualBlock;
import java.util.List;

/**
 * The calibration blocks' lowering: each block composed by the same {@link BlockComposer}s a network
 * prediction uses, handed to the suite as operator graphs (see
 * {@link dev.dynlat.calibration.suite.BlockLowering}); the suite measures and costs those graphs.
 *
 * <p>The schedule matches what the suite times: the spatial masker fused into conv1 (one dense 1×1
 * conv with an extra output channel), a separate gather kernel, and scatter fused with the residual
 * add. Batch 1.
 */
public final class ComposerBlockLowering {
    public static final Schedule SCHEDULE = new Schedule(Schedule.MaskerFusion.FUSED, Schedule.GatherMode.KERNEL,
            true, 1, null, 2);

    private ComposerBlockLowering() {
    }

    /** The operators the predictor composes for {@code b}. */
    public static List<OperatorUse> operators(BlockCase b, ModelVariant variant) {
        return BlockGraphs.uses(lower(b.paradigm(), b.inChannels(), b.width(), b.outChannels(), b.size(), b.rate(),
                b.granularity(), variant));
    }

    /** The graph of a calibration block; matches {@link dev.dynlat.calibration.suite.BlockLowering}. */
    public static OperatorGraph lower(BlockParadigm paradigm, int inChannels, int width, int outChannels, int size,
                                      double rate, int granularity, ModelVariant variant) {
        ResidualBlock block = ResidualBlock.bottleneck("calibration block", inChannels, width, outChannels, size, 1,
                1, 3, 0);
        BlockComposer composer = switch (paradigm) {
            case SPATIAL -> new SpatialBlockComposer();
            case CHANNEL -> new ChannelBlockComposer();
            case LAYER -> new LayerBlockComposer();
        };
        int s = paradigm == BlockParadigm.SPATIAL ? granularity : 1;
        int g = paradigm == BlockParadigm.CHANNEL ? granularity : 1;
        StageDynamics stage = new StageDynamics(true, s, g, new double[] {rate});
        return composer.compose(block, stage, rate, SCHEDULE, Composition.of(variant));
    }
}
