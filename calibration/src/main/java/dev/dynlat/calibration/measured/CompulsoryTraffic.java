package dev.dynlat.calibration.measured;

import dev.dynlat.calibration.model.RooflineBaseline;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The bytes an operator cannot avoid moving (every fp32 operand read once, the output written once),
 * per spec kind, and the plain roofline of a measured operator on a profile's datasheet: the baseline
 * the measurement reports put beside the cost models. Kinds that measurement files do not hold have no
 * rule and are refused.
 */
public final class CompulsoryTraffic {
    private static final double FP32_BYTES = 4;

    /** Elements moved by one call of a spec at a batch; the one place that knows each kind's operands. */
    private static final Map<Class<? extends OperatorSpec>, BiFunction<OperatorSpec, Integer, Double>> ELEMENTS =
            Map.of(
            Conv2dSpec.class, (s, b) -> {
                Conv2dSpec c = (Conv2dSpec) s;
                double weights = (double) c.outChannels() * (c.inChannels() / c.groups()) * c.kernel() * c.kernel();
                return b * ((double) c.inChannels() * c.inHeight() * c.inWidth()
                        + (double) c.outChannels() * c.outHeight() * c.outWidth()) + weights;
            },
            // Each batch of a batched product has a right operand of its own; rows of one batch share it.
            MatmulSpec.class, (s, b) -> {
                MatmulSpec m = (MatmulSpec) s;
                return b * ((double) m.totalRows() * m.inner() + (double) m.totalRows() * m.cols())
                        + (double) m.batches() * m.inner() * m.cols();
            },
            LinearSpec.class, (s, b) -> {
                LinearSpec l = (LinearSpec) s;
                return b * ((double) l.inFeatures() + l.outFeatures()) + (double) l.inFeatures() * l.outFeatures();
            },
            ElementwiseSpec.class, (s, b) -> {
                ElementwiseSpec e = (ElementwiseSpec) s;
                return b * (double) e.channels() * e.height() * e.width() * (e.tensorOperands() + 1);
            },
            ActivationSpec.class, (s, b) -> b * 2.0 * ((ActivationSpec) s).shape().elements(),
            SoftmaxSpec.class, (s, b) -> b * 2.0 * ((SoftmaxSpec) s).shape().elements(),
            // Layer norm also reads its scale and shift, one value of each per element of a row.
            NormSpec.class, (s, b) -> b * 2.0 * ((NormSpec) s).shape().elements()
                    + 2.0 * ((NormSpec) s).shape().last());

    private CompulsoryTraffic() {
    }

    /**
     * Compulsory bytes of one call of {@code m}.
     *
     * @throws IllegalArgumentException for an operator kind with no rule
     */
    public static double bytes(MeasuredOperator m) {
        var rule = ELEMENTS.get(m.spec().getClass());
        if (rule == null) {
            throw new IllegalArgumentException("roofline: no compulsory-traffic rule for operator kind '"
                    + m.spec().kind() + "' (" + m.opName() + ")");
        }
        return FP32_BYTES * rule.apply(m.spec(), m.batch());
    }

    /** Floating-point operations of one call: two per multiply-accumulate. */
    public static double flops(MeasuredOperator m) {
        return 2 * m.spec().macsPerSample() * m.batch();
    }

    /**
     * The datasheet roofline of a profile: peak FP32 rate, peak DRAM bandwidth and the laudnet launch
     * overhead, with no tiling and no per-class knowledge.
     */
    public static RooflineBaseline datasheetRoofline(DeviceProfile p) {
        return new RooflineBaseline(p.datasheet().peakFp32Tflops() * 1e12, p.datasheet().dramBandwidthGBps() * 1e9,
                p.laudnet().launchOverheadUs() * 1e-6);
    }

    /** The roofline's latency of {@code m}, seconds. */
    public static double rooflineS(RooflineBaseline roofline, MeasuredOperator m) {
        return roofline.predictSeconds(flops(m), bytes(m));
    }
}
