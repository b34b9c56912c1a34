package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.GruCellSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MaskerScheduleSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.operators.spec.UnfoldSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One cost variant's complete table: a cost function for every kind of the sealed
 * {@link OperatorSpec} hierarchy, plus the parts the composites are built from. Immutable, built
 * once per variant, and free of any device state: every function takes the device model.
 *
 * <h2>How a variant's table is assembled</h2>
 * A variant fills a {@link Builder} in three layers, and {@link Builder#build} completes it:
 * <ol>
 *   <li><b>Kernels</b>, from the shared formula classes with the variant's knobs as arguments
 *       ({@code TiledKernels} for the GPU-style variants; {@code CpuGemm}, {@code CpuPasses},
 *       {@code WindowPool} for the CPU one): {@link Conv2dSpec conv}, {@link LinearSpec linear},
 *       {@link ReduceSpec reduce}, broadcast-multiply, average and max pooling, concat, crop,
 *       resize, and the parts {@link ElementwisePass elementwise pass}, {@link PatchCopyKernel
 *       patch copy}, {@link Scheduled patch conv} and the {@link TileOrder tile order}.</li>
 *   <li><b>Parts in which the variants differ</b>, each with the calibrated correction as its
 *       default: {@link GlobalPool global pool} (a reduction), layer gate (pool and FC), dynamic
 *       SE pool (the active rows' reduction) and fused scatter-add (an elementwise pass over the
 *       map). The laudnet variant sets the reference's own.</li>
 *   <li><b>Shared composites</b>, derived at {@code build()} from the final entries of the first
 *       two layers unless the variant put its own: matmul from conv; elementwise and GRU from the
 *       elementwise pass; activation, layer norm and softmax from the elementwise and reduce
 *       entries; squeeze-excitation, channel masker and GRU from linear; gather and scatter from
 *       the patch copy; the spatial masker from conv and the patch conv; unfold as a plain copy.</li>
 * </ol>
 * Because composites are derived from the final entries, replacing a kernel also reprices every
 * composite built from it (a library GEMM for {@code LinearSpec} also prices the FCs of SE blocks,
 * maskers and GRU cells). To cost kinds with another model (say the GPU library kernels), start
 * from the variant's builder and {@link Builder#put put} the new functions before building, as
 * {@code CalibratedGpuVariant.tableBuilder()} documents. {@code build()} fails, naming the kind, if
 * a kind of the hierarchy is left without a function, so adding a spec kind without costing it in
 * every variant fails as soon as the variant is loaded.
 *
 * <p>Four kinds are derived from the scheduled parts only, never {@code put}: the patch conv
 * ({@link SpatialConvSpec}), the scatter ({@link ScatterSpec}) and the spatial masker with its two
 * schedules ({@link SpatialMaskerSpec}, {@link MaskerScheduleSpec}); {@link CostModels} rebuilds
 * them around its schedule caches, so the parts are the single source for both.
 *
 * <p>Every function returns seconds per batch (in {@link OperatorCost}) for the device model's
 * batch, launch overhead included, before the operator class's calibrated efficiency, which
 * {@link CostModels} applies to each operator and the composites to each part.
 */
public final class CostTable {

    /** An elementwise pass reading {@code operandReads} full-size operands (fractions allowed) and writing one. */
    @FunctionalInterface
    public interface ElementwisePass {
        OperatorCost cost(ElementwiseSpec spec, double operandReads, DeviceModel d);
    }

    /** Gather or plain scatter: {@code patches} windows of {@code (S + 2·halo)²} pixels per channel moved. */
    @FunctionalInterface
    public interface PatchCopyKernel {
        OperatorCost cost(int channels, int height, int width, int granularity, int halo, long patches,
                          DeviceModel d);
    }

    /**
     * Global pooling of a {@code channels × h × w} map to one value per channel, costed as a part
     * (class efficiency applied).
     */
    @FunctionalInterface
    public interface GlobalPool {
        OperatorCost cost(int channels, int h, int w, DeviceModel d);
    }

    /**
     * A dynamic operator whose schedule is fixed before the mask is known: searched once,
     * independently of the rate ({@link #schedule}), then evaluated at the operator's rate
     * ({@link #evaluate}), so a rate sweep costs one search plus arithmetic.
     */
    public interface Scheduled<S extends OperatorSpec> extends CostModel<S> {
        /** The rate-independent schedule ({@link Tiling#NONE} where none is searched). */
        Tiling schedule(S spec, DeviceModel d);

        /** The cost at the spec's rate under a schedule from {@link #schedule}. */
        OperatorCost evaluate(S spec, Tiling schedule, DeviceModel d);

        @Override
        default OperatorCost cost(S spec, DeviceModel d) {
            return evaluate(spec, schedule(spec, d), d);
        }

        /** An operator with nothing to schedule: {@link Tiling#NONE}, then the model at the rate. */
        static <S extends OperatorSpec> Scheduled<S> unscheduled(CostModel<S> model) {
            return new Scheduled<>() {
                @Override
                public Tiling schedule(S spec, DeviceModel d) {
                    return Tiling.NONE;
                }

                @Override
                public OperatorCost evaluate(S spec, Tiling schedule, DeviceModel d) {
                    return model.cost(spec, d);
                }
            };
        }
    }

    private final Map<Class<? extends OperatorSpec>, CostModel<?>> models;
    private final Scheduled<SpatialConvSpec> patchConv;
    private final Scheduled<ScatterSpec> scatterAdd;
    private final PatchCopyKernel patchCopy;

    private CostTable(Map<Class<? extends OperatorSpec>, CostModel<?>> models, Scheduled<SpatialConvSpec> patchConv,
                      Scheduled<ScatterSpec> scatterAdd, PatchCopyKernel patchCopy) {
        this.models = Map.copyOf(models);
        this.patchConv = patchConv;
        this.scatterAdd = scatterAdd;
        this.patchCopy = patchCopy;
    }

    /** An empty builder; a variant fills it (see the class comment). */
    public static Builder builder() {
        return new Builder();
    }

    /** The kinds this table costs: every concrete kind of the sealed {@link OperatorSpec} hierarchy. */
    public Set<Class<? extends OperatorSpec>> kinds() {
        return models.keySet();
    }

    /** The cost function of one kind. */
    @SuppressWarnings("unchecked") // put() only stores a CostModel<S> under Class<S>
    public <S extends OperatorSpec> CostModel<S> model(Class<S> kind) {
        CostModel<S> m = (CostModel<S>) models.get(kind);
        if (m == null) {
            throw new IllegalArgumentException("no cost model for operator kind " + kind.getSimpleName());
        }
        return m;
    }

    /**
     * The cost of one operator, uncached and before the class efficiency of its kind (what
     * {@link CostModels#cost} memoises and then scales).
     */
    public OperatorCost cost(OperatorSpec spec, DeviceModel d) {
        return costAs(spec.getClass(), spec, d);
    }

    private <S extends OperatorSpec> OperatorCost costAs(Class<S> kind, OperatorSpec spec, DeviceModel d) {
        return model(kind).cost(kind.cast(spec), d);
    }

    /** The patch conv's scheduled part (what {@link SpatialConvSpec} is costed with). */
    public Scheduled<SpatialConvSpec> patchConv() {
        return patchConv;
    }

    /** The fused scatter-add's scheduled part. */
    public Scheduled<ScatterSpec> scatterAdd() {
        return scatterAdd;
    }

    /** The gather / plain-scatter kernel. */
    public PatchCopyKernel patchCopy() {
        return patchCopy;
    }

    /** The concrete kinds of the sealed hierarchy, walked recursively. */
    static List<Class<? extends OperatorSpec>> hierarchyKinds() {
        List<Class<? extends OperatorSpec>> out = new ArrayList<>();
        collect(OperatorSpec.class, out);
        return out;
    }

    @SuppressWarnings("unchecked") // every permitted subclass of OperatorSpec is an OperatorSpec
    private static void collect(Class<?> type, List<Class<? extends OperatorSpec>> out) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, out);
            }
        } else {
            out.add((Class<? extends OperatorSpec>) type);
        }
    }

    /** Collects a variant's kernels and parts; {@link #build} derives the shared composites. */
    public static final class Builder {
        /** Kinds derived from the scheduled parts only (see the class comment). */
        private static final Set<Class<? extends OperatorSpec>> FROM_SCHEDULED_PARTS = Set.of(SpatialConvSpec.class,
                ScatterSpec.class, SpatialMaskerSpec.class, MaskerScheduleSpec.class);

        private final Map<Class<? extends OperatorSpec>, CostModel<?>> models = new HashMap<>();
        private TileOrder tileOrder;
        private ElementwisePass elementwisePass;
        private PatchCopyKernel patchCopy;
        private GlobalPool globalPool;
        private CostModel<SqueezeExcitationSpec> dynamicSePool;
        private Scheduled<SpatialConvSpec> patchConv;
        private Scheduled<ScatterSpec> scatterAdd;

        private Builder() {
        }

        /** Sets (or replaces) the cost function of one kind. */
        public <S extends OperatorSpec> Builder put(Class<S> kind, CostModel<S> model) {
            if (FROM_SCHEDULED_PARTS.contains(kind)) {
                throw new IllegalArgumentException(kind.getSimpleName()
                        + " is derived from the patch-conv, scatter-add and patch-copy parts; set those instead");
            }
            models.put(kind, model);
            return this;
        }

        /** Drops the cost function of one kind (a composite is then derived again at build). */
        public Builder remove(Class<? extends OperatorSpec> kind) {
            models.remove(kind);
            return this;
        }

        /** The candidate order of the tile searches that composites run themselves (the SE's scaling). */
        public Builder tileOrder(TileOrder order) {
            this.tileOrder = order;
            return this;
        }

        public Builder elementwisePass(ElementwisePass pass) {
            this.elementwisePass = pass;
            return this;
        }

        public Builder patchCopy(PatchCopyKernel kernel) {
            this.patchCopy = kernel;
            return this;
        }

        public Builder patchConv(Scheduled<SpatialConvSpec> part) {
            this.patchConv = part;
            return this;
        }

        /** The masker's global pooling; by default a reduction ({@link ReduceSpec}) over the map. */
        public Builder globalPool(GlobalPool part) {
            this.globalPool = part;
            return this;
        }

        /** The pooling of a spatially dynamic SE; by default the reduction over the active rows. */
        public Builder dynamicSePool(CostModel<SqueezeExcitationSpec> part) {
            this.dynamicSePool = part;
            return this;
        }

        /** The fused scatter-add; by default an elementwise pass over the map (no schedule). */
        public Builder scatterAdd(Scheduled<ScatterSpec> part) {
            this.scatterAdd = part;
            return this;
        }

        /** Derives the shared composites from the final entries and checks that every kind is costed. */
        public CostTable build() {
            Map<Class<? extends OperatorSpec>, CostModel<?>> m = new HashMap<>(models);
            ElementwisePass pass = required(elementwisePass, "elementwise pass");
            PatchCopyKernel copy = required(patchCopy, "patch copy");
            Scheduled<SpatialConvSpec> patch = required(patchConv, "patch conv");
            TileOrder order = required(tileOrder, "tile order");
            CostModel<Conv2dSpec> conv = entry(m, Conv2dSpec.class);
            CostModel<LinearSpec> linear = entry(m, LinearSpec.class);
            CostModel<ReduceSpec> reduce = entry(m, ReduceSpec.class);

            m.putIfAbsent(ElementwiseSpec.class, (CostModel<ElementwiseSpec>) (s, d) -> pass.cost(s, 2, d));
            CostModel<ElementwiseSpec> elementwise = entry(m, ElementwiseSpec.class);
            GlobalPool pool = globalPool != null ? globalPool
                    : (c, h, w, d) -> Parts.of(reduce, new ReduceSpec(c, h, w), d);
            Scheduled<ScatterSpec> fusedScatter = scatterAdd != null ? scatterAdd : new DenseScatterAdd(pass);
            CostModel<SqueezeExcitationSpec> sePool = dynamicSePool != null ? dynamicSePool
                    : SqueezeExcitationCostModel::activeRowsPool;

            m.putIfAbsent(MatmulSpec.class, new MatmulCostModel(conv));
            m.putIfAbsent(ActivationSpec.class, new ActivationCostModel(elementwise));
            m.putIfAbsent(NormSpec.class, new NormCostModel(reduce, elementwise));
            m.putIfAbsent(SoftmaxSpec.class, new SoftmaxCostModel(reduce, elementwise));
            m.putIfAbsent(GruCellSpec.class, new GruCellCostModel(linear, pass));
            m.putIfAbsent(SqueezeExcitationSpec.class, new SqueezeExcitationCostModel(linear, order, sePool));
            m.putIfAbsent(ChannelMaskerSpec.class, new ChannelMaskerCostModel(pool, linear));
            m.putIfAbsent(LayerGateSpec.class, new LayerGateCostModel(pool, linear));
            m.putIfAbsent(UnfoldSpec.class, new UnfoldCostModel());
            m.putIfAbsent(GatherSpec.class, new GatherCostModel(copy));
            SpatialMaskerCostModel maskers = new SpatialMaskerCostModel(conv, patch);
            m.put(SpatialConvSpec.class, patch);
            m.put(ScatterSpec.class, new ScatterCostModel(copy, fusedScatter));
            m.put(SpatialMaskerSpec.class, maskers);
            m.put(MaskerScheduleSpec.class, (CostModel<MaskerScheduleSpec>) maskers::schedule);

            List<String> missing = new ArrayList<>();
            for (Class<? extends OperatorSpec> kind : hierarchyKinds()) {
                if (!m.containsKey(kind)) {
                    missing.add(kind.getSimpleName());
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("cost table without a cost model for " + String.join(", ", missing));
            }
            return new CostTable(m, patch, fusedScatter, copy);
        }

        @SuppressWarnings("unchecked") // put() only stores a CostModel<S> under Class<S>
        private static <S extends OperatorSpec> CostModel<S> entry(Map<Class<? extends OperatorSpec>, CostModel<?>> m,
                                                                   Class<S> kind) {
            return (CostModel<S>) required(m.get(kind), kind.getSimpleName());
        }

        private static <T> T required(T part, String what) {
            if (part == null) {
                throw new IllegalStateException("cost table without a cost model for " + what);
            }
            return part;
        }
    }
}
