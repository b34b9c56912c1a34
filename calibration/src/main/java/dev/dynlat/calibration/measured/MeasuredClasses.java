package dev.dynlat.calibration.measured;

/**
 * The class a measured operator is reported and summarised under: for NeuSight's operators their
 * family (conv, linear, bmm, elementwise, softmax, ln: linear and bmm are told apart although both are
 * matmuls, because their operands differ), for any other source the operator spec's kind.
 */
public final class MeasuredClasses {
    private MeasuredClasses() {
    }

    public static String of(MeasuredOperator m) {
        return NeuSightCsv.operatorClass(m.opName()).orElse(m.spec().kind());
    }
}
