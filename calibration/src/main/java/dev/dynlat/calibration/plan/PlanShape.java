package dev.dynlat.calibration.plan;

import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.kernel.PatchConvKernel;
import dev.dynlat.calibration.model.KernelSpecMapper;
import dev.dynlat.calibration.model.MappedOperator;
import dev.dynlat.calibration.suite.OperatorCase;
import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.spec.SpatialConvSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One operator in the plan's vocabulary: its kind and its scalar shape parameters (the native
 * dimensions, the length of each index list as {@code <list>_count}, and the model-only extras), plus
 * the index lists themselves where known. The plan carries the lists; {@code raw-samples.csv} rows carry
 * only the scalars, which is enough for the model: a list enters the operator spec through its length
 * alone (a patch density, a kept-channel fraction), so {@link #operator()} is the same with or without
 * the lists.
 *
 * @param kind   the kernel kind
 * @param params scalar parameters in plan order: dims, list counts, extras
 * @param lists  index lists by name; empty when the shape came from a raw-sample row
 */
public record PlanShape(PlanKind kind, Map<String, Integer> params, Map<String, int[]> lists) {

    public PlanShape {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Map<String, int[]> copy = new LinkedHashMap<>();
        lists.forEach((k, v) -> copy.put(k, v.clone()));
        lists = java.util.Collections.unmodifiableMap(copy);
        List<String> expected = paramNames(kind);
        if (!new ArrayList<>(params.keySet()).equals(expected)) {
            throw new IllegalArgumentException(kind.planName() + ": parameters " + params.keySet() + ", expected "
                    + expected);
        }
        for (Map.Entry<String, int[]> e : lists.entrySet()) {
            if (!kind.lists().contains(e.getKey())) {
                throw new IllegalArgumentException(kind.planName() + ": unknown list '" + e.getKey() + "'");
            }
            int count = params.get(PlanKind.countName(e.getKey()));
            if (e.getValue().length != count) {
                throw new IllegalArgumentException(kind.planName() + ": list " + e.getKey() + " has "
                        + e.getValue().length + " entries, " + PlanKind.countName(e.getKey()) + " = " + count);
            }
        }
        if (!lists.isEmpty() && lists.size() != kind.lists().size()) {
            throw new IllegalArgumentException(kind.planName() + ": lists " + lists.keySet() + ", expected all of "
                    + kind.lists());
        }
    }

    /** Scalar parameter names of a kind, in plan order: dims, list counts, extras. */
    public static List<String> paramNames(PlanKind kind) {
        List<String> names = new ArrayList<>(kind.dims());
        kind.lists().forEach(l -> names.add(PlanKind.countName(l)));
        names.addAll(kind.extras());
        return List.copyOf(names);
    }

    /** The shape of a suite case: the kernel's native dims and lists, and the map side of a patch conv. */
    public static PlanShape of(OperatorCase c) {
        KernelSpec k = c.kernel();
        PlanKind kind = PlanKind.of(k.kind());
        Map<String, Integer> params = new LinkedHashMap<>();
        int[] dims = k.nativeDims();
        for (int i = 0; i < dims.length; i++) {
            params.put(kind.dims().get(i), dims[i]);
        }
        Map<String, int[]> lists = new LinkedHashMap<>();
        int[][] native_ = {k.nativeListA(), k.nativeListB()};
        for (int i = 0; i < kind.lists().size(); i++) {
            params.put(PlanKind.countName(kind.lists().get(i)), native_[i].length);
            lists.put(kind.lists().get(i), native_[i]);
        }
        if (kind == PlanKind.PATCH_CONV) {
            if (!(c.operator().spec() instanceof SpatialConvSpec s)) {
                throw new IllegalArgumentException(c.key() + ": a patch conv case must price a spatial conv");
            }
            params.put(PlanKind.MAP_SIDE, s.conv().outHeight());
            params.put(PlanKind.IMAGES, c.operator().batch());
        }
        return new PlanShape(kind, params, lists);
    }

    /**
     * The same operator on {@code factor} times the batch: the first (batch-like) dimension, {@code n} or
     * a patch convolution's patches {@code p}, times {@code factor}; active-patch lists repeated for every
     * added image (image i's copy shifted by i patch grids), so every image has the same mask; lists of
     * channels unchanged; a patch convolution's {@code images} times {@code factor}. Needs the lists.
     */
    public PlanShape scaled(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor: must be >= 1, got " + factor);
        }
        if (lists.size() != kind.lists().size()) {
            throw new IllegalArgumentException(kind.planName() + ": scaling needs the index lists");
        }
        Map<String, Integer> p = new LinkedHashMap<>(params);
        String batchDim = kind.dims().get(0);
        p.put(batchDim, Math.multiplyExact(params.get(batchDim), factor));
        if (kind.extras().contains(PlanKind.IMAGES)) {
            p.put(PlanKind.IMAGES, Math.multiplyExact(params.get(PlanKind.IMAGES), factor));
        }
        Map<String, int[]> l = new LinkedHashMap<>();
        for (String name : kind.lists()) {
            int[] values = lists.get(name);
            int stride = kind.indicesPerImage(name, params) * params.get(batchDim);
            if (stride == 0) {
                l.put(name, values);
                continue;
            }
            int[] repeated = new int[Math.multiplyExact(values.length, factor)];
            for (int i = 0; i < factor; i++) {
                for (int j = 0; j < values.length; j++) {
                    repeated[i * values.length + j] = Math.addExact(Math.multiplyExact(i, stride), values[j]);
                }
            }
            l.put(name, repeated);
            p.put(PlanKind.countName(name), repeated.length);
        }
        return new PlanShape(kind, p, l);
    }

    /**
     * The kernel that runs. Needs the lists; a shape from a raw-sample row has none and gets the first
     * {@code count} indices, which only its {@link #operator()} may rely on.
     */
    public KernelSpec kernel() {
        int[] v = kind.dims().stream().mapToInt(params::get).toArray();
        int[][] ab = {new int[0], new int[0]};
        for (int i = 0; i < kind.lists().size(); i++) {
            String name = kind.lists().get(i);
            ab[i] = lists.containsKey(name) ? lists.get(name)
                    : IntStream.range(0, params.get(PlanKind.countName(name))).toArray();
        }
        return kind.kernel(v, ab[0], ab[1]);
    }

    /** The operator spec and batch the model prices for this shape (the mapping the suite uses). */
    public MappedOperator operator() {
        KernelSpec k = kernel();
        if (kind == PlanKind.PATCH_CONV) {
            return KernelSpecMapper.mapPatchConv((PatchConvKernel) k, params.get(PlanKind.MAP_SIDE),
                    params.get(PlanKind.IMAGES));
        }
        return KernelSpecMapper.map(k);
    }

    /** Scalars as {@code name=value} separated by single spaces (the plan's and raw-samples' form). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Parses {@link #text()} of a shape of {@code kind} (no lists); throws naming the bad token. */
    public static PlanShape parse(PlanKind kind, String text) {
        Map<String, Integer> params = new LinkedHashMap<>();
        for (String token : text.trim().split(" +")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("shape: expected name=value, got '" + token + "'");
            }
            String name = token.substring(0, eq);
            if (params.put(name, integer(name, token.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("shape: parameter " + name + " given twice");
            }
        }
        return new PlanShape(kind, params, Map.of());
    }

    static int integer(String name, String value) {
        if (!DecimalText.isInteger(value)) {
            throw new IllegalArgumentException(name + ": not an integer: '" + value + "'");
        }
        return DecimalText.parseInt(name, value);
    }

    /**
     * Shape family for the held-out split (src/docs/gpu/held-out-split.md): the kind and the base-2
     * magnitude of each dimension that sets the work (the batch-like first dimension and list
     * contents excluded, as the NeuSight families exclude the conv batch).
     */
    public String family() {
        StringBuilder sb = new StringBuilder();
        for (String d : kind.dims().subList(1, kind.dims().size())) {
            int v = params.get(d);
            sb.append(sb.length() == 0 ? "" : "-").append(d).append(v > 0 ? 31 - Integer.numberOfLeadingZeros(v) : 0);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PlanShape s) || kind != s.kind || !params.equals(s.params)
                || !lists.keySet().equals(s.lists.keySet())) {
            return false;
        }
        return lists.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), s.lists.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + params.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s", kind.planName(), text());
    }
}
