package dev.dynlat.calibration.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole network as one native sequence: buffers (float counts), steps in execution order, the
 * buffers seeded as inputs, and the buffer holding the result. Weights are not stored: each weighted
 * step owns a region of one arena, filled from {@code seed} when the program is loaded, so the
 * native runner and {@link ReferenceExecutor} see identical values.
 *
 * @param name          label, e.g. {@code resnet50 b1 spatial S=4-4-2-1 r=0.50}
 * @param bufferLengths float count of each buffer
 * @param steps         the kernels in order
 * @param inputs        buffers filled with seeded data (input {@code q} is seeded as operand {@code q})
 * @param output        buffer holding the network's output after a run
 * @param seed          seed of inputs and weights
 */
public record NetworkProgram(String name, List<Long> bufferLengths, List<ProgramStep> steps, List<Integer> inputs,
                             int output, long seed) {
    /** Ints per encoded step; must match NR_STEP_INTS in network_runner.c. */
    static final int STEP_INTS = 32;
    /** First seeded operand number of weight regions (network_runner.c seeds region s as 1000 + s). */
    static final int WEIGHT_OPERAND_BASE = 1000;

    public NetworkProgram {
        Objects.requireNonNull(name, "name");
        bufferLengths = List.copyOf(bufferLengths);
        steps = List.copyOf(steps);
        inputs = List.copyOf(inputs);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("program " + name + " has no steps");
        }
        if (output < 0 || output >= bufferLengths.size()) {
            throw new IllegalArgumentException("output buffer " + output + " does not exist in " + name);
        }
        for (ProgramStep s : steps) {
            checkSlice(name, s, s.out(), s.outputLength(), bufferLengths);
        }
    }

    private static void checkSlice(String name, ProgramStep s, Slice slice, long length, List<Long> lengths) {
        if (slice.buffer() >= lengths.size() || slice.offset() + length > lengths.get(slice.buffer())) {
            throw new IllegalArgumentException(name + ": step " + s.name() + " writes " + length + " floats at "
                    + slice + ", outside its buffer");
        }
    }

    /** Weight-arena offset of each weighted step, in step order (index = weighted step number). */
    long[] weightOffsets() {
        List<Long> offsets = new ArrayList<>();
        long at = 0;
        for (ProgramStep s : steps) {
            if (s.kind().weighted()) {
                offsets.add(at);
                at += s.weightLength();
            }
        }
        return offsets.stream().mapToLong(Long::longValue).toArray();
    }

    long weightTotal() {
        return steps.stream().mapToLong(ProgramStep::weightLength).sum();
    }

    /**
     * The weights of step {@code index} exactly as the native runner seeds them (region {@code r} of
     * the r-th weighted step, seeded as operand {@code 1000 + r}, times the step's scale).
     */
    public float[] weightsOf(int index) {
        ProgramStep s = steps.get(index);
        if (!s.kind().weighted()) {
            throw new IllegalArgumentException("step " + s.name() + " has no weights");
        }
        int region = 0;
        for (int i = 0; i < index; i++) {
            region += steps.get(i).kind().weighted() ? 1 : 0;
        }
        float[] w = dev.dynlat.calibration.kernel.SeededData.values(seed, WEIGHT_OPERAND_BASE + region,
                Math.toIntExact(s.weightLength()));
        for (int i = 0; i < w.length; i++) {
            w[i] *= s.weightScale();
        }
        return w;
    }

    /** Input {@code q} exactly as the native runner seeds it. */
    public float[] inputValues(int q) {
        return dev.dynlat.calibration.kernel.SeededData.values(seed, q,
                Math.toIntExact(bufferLengths.get(inputs.get(q))));
    }

    /** Weights of all steps (floats): what a batch-1 inference streams from memory at least once. */
    public long weightFloats() {
        return weightTotal();
    }

    /** Multiply-accumulates of one run. */
    public double macs() {
        return steps.stream().mapToDouble(ProgramStep::macs).sum();
    }

    float[] weightScales() {
        List<ProgramStep> weighted = steps.stream().filter(s -> s.kind().weighted()).toList();
        float[] out = new float[weighted.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = weighted.get(i).weightScale();
        }
        return out;
    }

    /** The steps as the native runner reads them, and the concatenated index lists. */
    record Encoded(int[] steps, int[] lists) {
    }

    Encoded encode() {
        int[] out = new int[steps.size() * STEP_INTS];
        List<Integer> lists = new ArrayList<>();
        long[] offsets = weightOffsets();
        int weighted = 0;
        for (int i = 0; i < steps.size(); i++) {
            ProgramStep s = steps.get(i);
            int b = i * STEP_INTS;
            int[] dims = s.dims();
            out[b] = s.kind().code();
            out[b + 1] = dims.length;
            System.arraycopy(dims, 0, out, b + 2, dims.length);
            out[b + 14] = s.in().buffer();
            out[b + 15] = s.in().offset();
            out[b + 16] = s.in2() == null ? 0 : s.in2().buffer();
            out[b + 17] = s.in2() == null ? 0 : s.in2().offset();
            out[b + 18] = s.out().buffer();
            out[b + 19] = s.out().offset();
            if (s.kind().weighted()) {
                out[b + 20] = Math.toIntExact(offsets[weighted++]);
                out[b + 21] = Math.toIntExact(s.weightLength());
            }
            out[b + 22] = lists.size();
            out[b + 23] = s.listA().length;
            for (int v : s.listA()) {
                lists.add(v);
            }
            out[b + 24] = lists.size();
            out[b + 25] = s.listB().length;
            for (int v : s.listB()) {
                lists.add(v);
            }
            out[b + 26] = s.compactInput() ? 1 : 0;
        }
        return new Encoded(out, lists.stream().mapToInt(Integer::intValue).toArray());
    }
}
