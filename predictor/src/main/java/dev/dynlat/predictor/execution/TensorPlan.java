package dev.dynlat.predictor.execution;

import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.network.ProgramStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Logical tensors of a program and their placement in buffers. As an inference engine's memory
 * planner does, a buffer is reused once the last step reading its tensor has run (the smallest free
 * buffer that fits, grown when none does), so activations occupy what a real run occupies rather
 * than one fresh buffer per operator. The input and the output keep their own buffers: the input
 * is seeded once at load and must survive repeated runs.
 */
final class TensorPlan {
    private final List<Tensor> tensors = new ArrayList<>();

    Tensor tensor(int n, int c, int h, int w) {
        Tensor t = new Tensor(tensors.size(), n, c, h, w);
        tensors.add(t);
        return t;
    }

    NetworkProgram finish(String name, List<ProgramBuilder.PlannedStep> steps, Tensor input, Tensor output, long seed) {
        int[] lastUse = new int[tensors.size()];
        java.util.Arrays.fill(lastUse, -1);
        for (int i = 0; i < steps.size(); i++) {
            ProgramBuilder.PlannedStep s = steps.get(i);
            lastUse[s.in().id()] = i;
            if (s.in2() != null) {
                lastUse[s.in2().id()] = i;
            }
            lastUse[s.out().id()] = Math.max(lastUse[s.out().id()], i);
        }
        List<Long> capacity = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        Map<Integer, Integer> bufferOf = new HashMap<>();
        bufferOf.put(input.id(), newBuffer(capacity, input.length()));
        if (output.id() != input.id()) {
            bufferOf.put(output.id(), newBuffer(capacity, output.length()));
        }
        List<ProgramStep> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            ProgramBuilder.PlannedStep s = steps.get(i);
            Tensor t = s.out();
            if (!bufferOf.containsKey(t.id())) {
                bufferOf.put(t.id(), take(capacity, free, t.length()));
            }
            out.add(s.toStep(bufferOf.get(s.in().id()), s.in2() == null ? null : bufferOf.get(s.in2().id()),
                    bufferOf.get(t.id())));
            for (Tensor r : new Tensor[] {s.in(), s.in2(), t}) {
                if (r != null && lastUse[r.id()] == i && r.id() != input.id() && r.id() != output.id()) {
                    Integer b = bufferOf.get(r.id());
                    if (!free.contains(b)) {
                        free.add(b);
                    }
                }
            }
        }
        return new NetworkProgram(name, capacity, out, List.of(bufferOf.get(input.id())), bufferOf.get(output.id()),
                seed);
    }

    private static int newBuffer(List<Long> capacity, long length) {
        capacity.add(length);
        return capacity.size() - 1;
    }

    /** The smallest free buffer holding {@code length} floats, else the largest free one grown, else a new one. */
    private static int take(List<Long> capacity, List<Integer> free, long length) {
        int best = -1;
        for (int b : free) {
            if (capacity.get(b) >= length && (best < 0 || capacity.get(b) < capacity.get(best))) {
                best = b;
            }
        }
        if (best < 0 && !free.isEmpty()) {
            best = free.get(0);
            for (int b : free) {
                if (capacity.get(b) > capacity.get(best)) {
                    best = b;
                }
            }
            capacity.set(best, length);
        }
        if (best < 0) {
            return newBuffer(capacity, length);
        }
        free.remove(Integer.valueOf(best));
        return best;
    }
}
