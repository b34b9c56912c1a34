package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.OperatorSpec;

/**
 * The calibrated efficiency of an operator's class (the fraction of the analytic model's speed
 * that this device's kernels of that class reach, on compute and memory alike) and its fixed
 * per-kernel overhead (set-up work beyond the launch), applied to an analytic cost. Neither exists
 * in the laudnet variant, whose device models carry factor 1 and overhead 0.
 */
final class ClassEfficiency {
    private ClassEfficiency() {
    }

    static OperatorCost apply(OperatorSpec spec, OperatorCost c, DeviceModel device) {
        double factor = device.classFactor(spec.kind());
        double overhead = device.classOverheadS(spec.kind());
        if (factor == 1 && overhead == 0) {
            return c;
        }
        double body = (c.latencyS() - c.launchS()) / factor;
        return new OperatorCost(body + c.launchS() + overhead, c.computeS() / factor, c.memoryS() / factor,
                c.launchS() + overhead, c.tiling(), c.macs(), c.dramBytes());
    }
}
