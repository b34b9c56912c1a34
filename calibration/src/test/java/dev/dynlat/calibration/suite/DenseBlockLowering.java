package dev.dynlat.calibration.suite;

import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;

/**
 * A stand-in lowering for tests of the calibration module, which cannot reach the predictor's
 * composers: every block as its dense bottleneck (conv1, conv2, conv3, residual add). Enough for runs
 * whose block predictions are scripted; the real lowering is tested on the predictor side.
 */
final class DenseBlockLowering {
    private DenseBlockLowering() {
    }

    static OperatorGraph lower(BlockParadigm paradigm, int in, int width, int out, int size, double rate,
                               int granularity, ModelVariant variant) {
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        int a = g.add("conv1 1x1", BlockRole.CONV, Conv2dSpec.dense(in, width, size, size, 1, 1, 1), 1, g.input());
        int b = g.add("conv2 3x3", BlockRole.CONV, Conv2dSpec.dense(width, width, size, size, 3, 1, 1), 1, a);
        int c = g.add("conv3 1x1", BlockRole.CONV, Conv2dSpec.dense(width, out, size, size, 1, 1, 1), 1, b);
        int sum = g.add("residual add", BlockRole.RESIDUAL_ADD, new ElementwiseSpec(BinaryOp.ADD, out, size, size, 2),
                1, c, g.input());
        return g.build(sum);
    }
}
