package dev.dynlat.calibration.plan;

import dev.dynlat.calibration.kernel.KernelSpec;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The work of one plan case that no implementation of it avoids: its floating-point operations and the
 * DRAM bytes it must move at the least, every needed input element read once and every output element
 * written once (fp32). What sizes a plan for a device ({@link PlanSizing}); not a latency model.
 *
 * <p>By kind: dense operators read all operands and write the output. A gather reads only the interiors
 * of the active patches (halo pixels belong to neighbours or lie outside the map); a scatter reads the
 * patches and writes the same number of elements (inactive positions are not written); a
 * channel-skipping convolution reads only the kept input channels and the kept weights.
 *
 * @param flop      floating-point operations (a multiply-add is 2)
 * @param dramBytes bytes read and written at the least
 */
public record PlanWork(double flop, double dramBytes) {
    private static final int FLOAT_BYTES = 4;

    /** The work of a plan case (its kernel's operands and output; lists enter through their counts). */
    public static PlanWork of(PlanShape shape) {
        KernelSpec k = shape.kernel();
        Map<String, Integer> p = shape.params();
        long[] operands = k.operandLengths();
        long output = k.outputLength();
        double elements = switch (shape.kind()) {
            case GATHER -> Math.min(operands[0], (double) count(p, "active") * p.get("c") * p.get("s") * p.get("s"))
                    + output;
            case SCATTER -> operands[0] + Math.min(output, operands[0]);
            case CHANNEL_SKIP_CONV -> (double) p.get("n") * count(p, "in_channels") * p.get("h") * p.get("w")
                    + (double) count(p, "out_groups") * p.get("g") * count(p, "in_channels") * p.get("k") * p.get("k")
                    + output;
            default -> LongStream.of(operands).sum() + (double) output;
        };
        return new PlanWork(k.flops(), FLOAT_BYTES * elements);
    }

    /** Bytes of device memory the case's operands and output take (what the benchmark allocates). */
    public static long deviceBytes(PlanShape shape) {
        KernelSpec k = shape.kernel();
        return FLOAT_BYTES * (LongStream.of(k.operandLengths()).sum() + k.outputLength());
    }

    private static int count(Map<String, Integer> params, String list) {
        return params.get(PlanKind.countName(list));
    }
}
