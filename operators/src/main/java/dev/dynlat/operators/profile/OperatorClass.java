package dev.dynlat.operators.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The name of an operator class that calibrated coefficients may address ({@code class_efficiency},
 * {@code class_overhead_us}). A class is an operator kind ({@code OperatorSpec.kind()}) or one of the
 * calibration's extra classes (parts of a kernel fitted on their own). The list lives here, once; a
 * test checks it covers every kind the spec records return. A misspelt class in a profile would
 * otherwise load silently and never apply.
 *
 * @param name the class name, e.g. {@code grouped-conv}
 */
public record OperatorClass(String name) implements Comparable<OperatorClass> {
    /** Every value of {@code OperatorSpec.kind()}. */
    public static final List<String> OPERATOR_KINDS = List.of(
            "activation", "channel-masker", "concat", "conv", "crop", "depthwise", "elementwise", "embedding", "fc",
            "gather", "grouped-conv", "gru", "layer-gate", "layernorm", "matmul", "max-pool", "pool", "reduce", "resize",
            "scatter", "scatter-add", "se", "softmax", "spatial-conv", "spatial-masker", "unfold");

    /** Classes the calibration fits that are not operator kinds. */
    public static final List<String> CALIBRATION_CLASSES = List.of("gemm-copies");

    /** The copies around the CPU convolutions' GEMM (im2col and packing), fitted on their own. */
    public static final OperatorClass GEMM_COPIES = new OperatorClass("gemm-copies");

    /** Every accepted name, sorted. */
    public static final List<String> NAMES = sorted();

    public OperatorClass {
        Objects.requireNonNull(name, "name");
        if (!OPERATOR_KINDS.contains(name) && !CALIBRATION_CLASSES.contains(name)) {
            throw new IllegalArgumentException("operator class: unknown class '" + name + "'; " + expected());
        }
    }

    /** The class called {@code name}, if it is one. */
    public static Optional<OperatorClass> find(String name) {
        return isKnown(name) ? Optional.of(new OperatorClass(name)) : Optional.empty();
    }

    public static boolean isKnown(String name) {
        return name != null && (OPERATOR_KINDS.contains(name) || CALIBRATION_CLASSES.contains(name));
    }

    /** "expected one of a, b, …" for messages. */
    public static String expected() {
        return "expected one of " + String.join(", ", NAMES);
    }

    private static List<String> sorted() {
        List<String> all = new ArrayList<>(new TreeSet<>(OPERATOR_KINDS));
        all.addAll(CALIBRATION_CLASSES);
        Collections.sort(all);
        return List.copyOf(all);
    }

    @Override
    public int compareTo(OperatorClass o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
