package dev.dynlat.calibration.measured;

import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.TensorShape;
import java.util.List;
import java.util.function.Function;

/**
 * One operator of NeuSight's kernel files ({@code OPName}): the class it is reported under, the shape
 * columns it needs, and how a row becomes an operator spec at a batch and a shape family.
 *
 * <p>The specs are the ones the predictor builds for the same operators in a network: a convolution
 * at the row's batch; linear layers, batched products and row-wise operators as transformer blocks
 * lower them, with the batch folded into the shape (see {@code TransformerParts}) and costed at batch 1.
 *
 * @param name          the {@code OPName} value
 * @param operatorClass class in summaries and reports: conv, linear, bmm, elementwise, softmax or ln
 * @param columns       shape columns the row must have
 * @param mapping       the row's spec and batch
 * @param family        the row's shape family ({@link ShapeFamily})
 */
record NeuSightOp(String name, String operatorClass, List<String> columns, Function<CsvRow, Shaped> mapping,
                  Function<CsvRow, String> family) {

    /** A spec at the batch its cost model runs it at. */
    record Shaped(OperatorSpec spec, int batch) {
    }

    static final String B = "B";
    static final String H = "H";
    static final String M = "M";
    static final String N = "N";
    static final String K = "K";

    /** 3×3 (any square) convolutions on square maps, groups 1: NCHW at batch B. */
    static NeuSightOp conv() {
        return new NeuSightOp("conv", "conv", List.of(B, "Input_Channel", "Output_Channel", "Kernel_Szie",
                "Input_Size", "Stride", "Padding"),
                r -> {
                    int side = r.positiveInt("Input_Size");
                    return new Shaped(Conv2dSpec.padded(r.positiveInt("Input_Channel"), r.positiveInt("Output_Channel"),
                            side, side, r.positiveInt("Kernel_Szie"), r.positiveInt("Stride"),
                            r.nonNegativeInt("Padding"), 1), r.positiveInt(B));
                },
                r -> ShapeFamily.conv(r.positiveInt("Input_Channel"), r.positiveInt("Output_Channel"),
                        r.positiveInt("Input_Size")));
    }

    /**
     * {@code torch.nn.Linear} (with bias: PyTorch's {@code addmm}) on a [B, M, N] input to K features:
     * a linear layer of N inputs and K outputs at a batch of B·M rows. The README of the shared data
     * says "K in, N out"; the rows' own cuBLAS launches say otherwise: in every linear row the grid is
     * {@code ⌈K / tile columns⌉ × ⌈B·M / tile rows⌉}, so K is the output width (N the reduction).
     */
    static NeuSightOp linear() {
        return new NeuSightOp("linear", "linear", List.of(B, M, N, K),
                r -> new Shaped(new LinearSpec(r.positiveInt(N), r.positiveInt(K)),
                        Math.toIntExact((long) r.positiveInt(B) * r.positiveInt(M))),
                r -> ShapeFamily.linear((long) r.positiveInt(B) * r.positiveInt(M), r.positiveInt(N),
                        r.positiveInt(K)));
    }

    /**
     * {@code torch.bmm} of B independent [M × N] · [N × K] products, each with a right operand of its
     * own: a batched {@code MatmulSpec} of B batches (one strided-batched GEMM in cuBLAS). As for
     * {@link #linear}, the launches (grid {@code ⌈K / cols⌉ × ⌈M / rows⌉ × B}) show N is the reduction.
     */
    static NeuSightOp bmm() {
        return new NeuSightOp("bmm", "bmm", List.of(B, M, N, K),
                r -> new Shaped(new MatmulSpec(r.positiveInt(B), r.positiveInt(M), r.positiveInt(N),
                        r.positiveInt(K)), 1),
                r -> ShapeFamily.bmm(r.positiveInt(B), r.positiveInt(M), r.positiveInt(N), r.positiveInt(K)));
    }

    /** An operator on B rows of H elements, the batch in the shape (as transformers lower them). */
    static NeuSightOp rows(String name, String operatorClass, Function<TensorShape, OperatorSpec> spec) {
        return new NeuSightOp(name, operatorClass, List.of(B, H),
                r -> new Shaped(spec.apply(TensorShape.of(r.positiveInt(B), r.positiveInt(H))), 1),
                r -> ShapeFamily.rows(r.positiveInt(B), r.positiveInt(H)));
    }

    /** {@code a OP b}, two full tensors read. */
    static NeuSightOp binary(BinaryOp op) {
        return rows(op.id(), "elementwise", s -> ElementwiseSpec.ofShape(op, s));
    }

    /** {@code a OP scalar} (NeuSight's trailing {@code u}): one tensor read. */
    static NeuSightOp withScalar(BinaryOp op) {
        return rows(op.id() + "u", "elementwise", s -> ElementwiseSpec.withScalar(op, s));
    }

    /** A pointwise activation: one tensor read, one written. */
    static NeuSightOp activation(ActivationFunction f) {
        return rows(f.id(), "elementwise", s -> new ActivationSpec(f, s));
    }
}
