package dev.dynlat.calibration.plan;

import dev.dynlat.calibration.kernel.AvgPoolKernel;
import dev.dynlat.calibration.kernel.ChannelSkipConvKernel;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.ElementwiseAddKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.GlobalAvgPoolKernel;
import dev.dynlat.calibration.kernel.KernelKind;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.kernel.PatchConvKernel;
import dev.dynlat.calibration.kernel.PatchGrid;
import dev.dynlat.calibration.kernel.ScatterAddKernel;
import dev.dynlat.calibration.kernel.ScatterKernel;
import java.util.List;
import java.util.Map;

/**
 * The plan's vocabulary: one entry per native kernel kind, naming the kernel's integer dimensions in
 * the order of {@link KernelSpec#nativeDims()} (the order of {@code dl_desc.h}) and its index lists in
 * the order of {@link KernelSpec#nativeListA()} / {@link KernelSpec#nativeListB()}.
 *
 * <p>The plan file declares this table in its header ({@code kind} lines), so the native plan parser
 * knows no kind by name: it fills a {@code dl_desc} from the declared order. The plan writer and the
 * raw-sample reader both go through this table and {@link PlanShape}, so plan and reader cannot drift.
 * All dimensions are element counts (floats, channels, pixels) or kernel geometry, no units of time.
 */
public enum PlanKind {
    CONV2D("conv2d", KernelKind.CONV2D, List.of("n", "cin", "cout", "h", "w", "k", "stride", "pad", "groups"),
            List.of(), false, (v, a, b) -> new Conv2dKernel(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8])),
    FC("fc", KernelKind.FULLY_CONNECTED, List.of("n", "cin", "cout"), List.of(), false,
            (v, a, b) -> new FullyConnectedKernel(v[0], v[1], v[2])),
    GATHER("gather", KernelKind.GATHER, List.of("n", "c", "h", "w", "s", "halo"), List.of("active"), true,
            (v, a, b) -> new GatherKernel(v[0], v[1], v[2], v[3], v[4], v[5], a)),
    SCATTER("scatter", KernelKind.SCATTER, List.of("n", "c", "h", "w", "s"), List.of("active"), true,
            (v, a, b) -> new ScatterKernel(v[0], v[1], v[2], v[3], v[4], a)),
    SCATTER_ADD("scatter_add", KernelKind.SCATTER_ADD, List.of("n", "c", "h", "w", "s"), List.of("active"), true,
            (v, a, b) -> new ScatterAddKernel(v[0], v[1], v[2], v[3], v[4], a)),
    PATCH_CONV("patch_conv", KernelKind.PATCH_CONV, List.of("p", "cin", "cout", "s", "halo", "k", "groups"),
            List.of(), false, (v, a, b) -> new PatchConvKernel(v[0], v[1], v[2], v[3], v[4], v[5], v[6])),
    CHANNEL_SKIP_CONV("channel_skip_conv", KernelKind.CHANNEL_SKIP_CONV,
            List.of("n", "cin", "cout", "h", "w", "k", "stride", "g"), List.of("out_groups", "in_channels"), false,
            (v, a, b) -> new ChannelSkipConvKernel(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], a, b)),
    AVG_POOL("avg_pool", KernelKind.AVG_POOL, List.of("n", "c", "h", "w", "k", "stride"), List.of(), false,
            (v, a, b) -> new AvgPoolKernel(v[0], v[1], v[2], v[3], v[4], v[5])),
    GLOBAL_AVG_POOL("global_avg_pool", KernelKind.GLOBAL_AVG_POOL, List.of("n", "c", "h", "w"), List.of(), false,
            (v, a, b) -> new GlobalAvgPoolKernel(v[0], v[1], v[2], v[3])),
    ADD("add", KernelKind.ADD, List.of("n", "c", "h", "w"), List.of(), false,
            (v, a, b) -> new ElementwiseAddKernel(v[0], v[1], v[2], v[3]));

    /** Name of the shape parameter holding the length of list {@code list}. */
    public static String countName(String list) {
        return list + "_count";
    }

    /** Model-only parameter of patch convolutions: the side of the square map the patches come from. */
    public static final String MAP_SIDE = "map";

    /**
     * Model-only parameter of patch convolutions: the images (batch) the patches come from, the same
     * number of patches from each, so {@code p / images} patches lie on each {@code map x map} map.
     */
    public static final String IMAGES = "images";

    private final String planName;
    private final KernelKind kernelKind;
    private final List<String> dims;
    private final List<String> lists;
    private final boolean patchLists;
    private final Builder build;

    /** @param patchLists whether the lists are active patch indices over the whole batch ({@link PatchGrid}) */
    PlanKind(String planName, KernelKind kernelKind, List<String> dims, List<String> lists, boolean patchLists,
             Builder build) {
        this.planName = planName;
        this.kernelKind = kernelKind;
        this.dims = dims;
        this.lists = lists;
        this.patchLists = patchLists;
        this.build = build;
    }

    /** The kind's name in the plan and in {@code raw-samples.csv}. */
    public String planName() {
        return planName;
    }

    public KernelKind kernelKind() {
        return kernelKind;
    }

    /** Names of the native dimensions, in native order. */
    public List<String> dims() {
        return dims;
    }

    /** Names of the index lists (0, 1 or 2), in native order. */
    public List<String> lists() {
        return lists;
    }

    /** Parameters the model needs beyond the kernel's own (the map side and images of a patch convolution). */
    public List<String> extras() {
        return this == PATCH_CONV ? List.of(MAP_SIDE, IMAGES) : List.of();
    }

    /**
     * Index positions per image of list {@code list} when its indices run over the whole batch (the
     * active patches of gather and scatter: image i's patches are {@code i * perImage + j}), or 0 when
     * the list indexes something the batch does not repeat (channels, channel groups).
     *
     * @param params the case's scalar parameters (dims at least)
     */
    public int indicesPerImage(String list, Map<String, Integer> params) {
        if (!lists.contains(list)) {
            throw new IllegalArgumentException(planName + ": unknown list '" + list + "'");
        }
        return patchLists ? (int) new PatchGrid(1, params.get("h"), params.get("w"), params.get("s")).patchCount() : 0;
    }

    /** The kernel with these native dimensions and index lists (validated). */
    KernelSpec kernel(int[] nativeDims, int[] listA, int[] listB) {
        if (nativeDims.length != dims.size()) {
            throw new IllegalArgumentException(planName + ": expected " + dims.size() + " dimensions " + dims + ", got "
                    + nativeDims.length);
        }
        KernelSpec k = build.build(nativeDims, listA, listB);
        k.validate();
        return k;
    }

    /** The entry of a kernel kind. */
    public static PlanKind of(KernelKind kind) {
        for (PlanKind p : values()) {
            if (p.kernelKind == kind) {
                return p;
            }
        }
        throw new IllegalArgumentException("no plan kind for kernel kind " + kind);
    }

    /** The entry named {@code name} in a plan; throws naming the value when there is none. */
    public static PlanKind byPlanName(String name) {
        for (PlanKind p : values()) {
            if (p.planName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("kind: unknown plan kind '" + name + "'");
    }

    /** A kind's kernel constructor from native dimensions and index lists. */
    @FunctionalInterface
    private interface Builder {
        KernelSpec build(int[] v, int[] a, int[] b);
    }
}
