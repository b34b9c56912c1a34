package dev.dynlat.calibration.measured;

import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@code OPName} of NeuSight's kernel files, by name: the registry {@link NeuSightCsv} reads rows with. */
final class NeuSightOps {
    private static final Map<String, NeuSightOp> BY_NAME = index(List.of(
            NeuSightOp.conv(), NeuSightOp.linear(), NeuSightOp.bmm(),
            NeuSightOp.binary(BinaryOp.ADD), NeuSightOp.binary(BinaryOp.MUL), NeuSightOp.binary(BinaryOp.DIV),
            NeuSightOp.binary(BinaryOp.POW),
            NeuSightOp.withScalar(BinaryOp.ADD), NeuSightOp.withScalar(BinaryOp.MUL),
            NeuSightOp.withScalar(BinaryOp.DIV), NeuSightOp.withScalar(BinaryOp.POW),
            NeuSightOp.activation(ActivationFunction.RELU), NeuSightOp.activation(ActivationFunction.GELU),
            NeuSightOp.activation(ActivationFunction.TANH),
            NeuSightOp.rows("softmax", "softmax", SoftmaxSpec::new),
            NeuSightOp.rows("ln", "ln", NormSpec::new)));

    private NeuSightOps() {
    }

    static Optional<NeuSightOp> find(String opName) {
        return Optional.ofNullable(BY_NAME.get(opName));
    }

    /** The known names, in registry order, for messages. */
    static String names() {
        return String.join(", ", BY_NAME.keySet());
    }

    private static Map<String, NeuSightOp> index(List<NeuSightOp> ops) {
        Map<String, NeuSightOp> m = new LinkedHashMap<>();
        for (NeuSightOp op : ops) {
            if (m.put(op.name(), op) != null) {
                throw new IllegalStateException("two NeuSight operators named " + op.name());
            }
        }
        return m;
    }
}
