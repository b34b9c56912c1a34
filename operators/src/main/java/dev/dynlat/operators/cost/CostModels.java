package dev.dynlat.operators.cost;

import dev.dynlat.operators.gpu.GpuDatasheet;
import dev.dynlat.operators.gpu.GpuLibraryCosts;
import dev.dynlat.operators.gpu.GpuLibraryModel;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.CropSpec;
import dev.dynlat.operators.spec.GruCellSpec;
import dev.dynlat.operators.spec.MaskerScheduleSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;
import dev.dynlat.operators.spec.ResizeSpec;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.BroadcastMulSpec;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.LayerGateSpec;
import dev.dynlat.operators.spec.LinearSpec;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * All cost models for one device, with memoisation: a network repeats the same shapes many
 * times, and a rate sweep repeats the same schedules, so each shape is searched once. Not
 * thread-safe; use one instance per thread.
 */
public final class CostModels {
    private final DeviceModel device;
    /** The GPU library model of a calibrated GPU profile with library terms; null otherwise. */
    private final GpuLibraryCosts library;
    private final CostVariant variant;
    private final Map<OperatorSpec, OperatorCost> costs = new HashMap<>();
    private final Map<SpatialConvSpec, Tiling> convSchedules = new HashMap<>();
    private final Map<ScatterSpec, Tiling> scatterSchedules = new HashMap<>();

    private final SpatialConvCostModel spatialConv = new SpatialConvCostModel();
    private final ScatterCostModel scatter = new ScatterCostModel();
    private final SpatialMaskerCostModel spatialMasker = new SpatialMaskerCostModel();
    /** The one place that maps every operator kind to its cost model; see {@link #registry}. */
    private final Map<Class<? extends OperatorSpec>, Function<OperatorSpec, OperatorCost>> models;

    public CostModels(DeviceModel device) {
        this.device = device;
        this.library = device.gpuLibrary().map(t -> new GpuLibraryCosts(new GpuLibraryModel(
                GpuDatasheet.of(t.datasheet()), t.coefficients()))).orElse(null);
        this.variant = CostVariant.of(device);
        this.models = registry();
    }

    /**
     * Every operator kind and its cost model. Adding a kind to the sealed {@link OperatorSpec}
     * hierarchy means adding one line here; a test walks the hierarchy and fails for a kind
     * without one.
     */
    private Map<Class<? extends OperatorSpec>, Function<OperatorSpec, OperatorCost>> registry() {
        Map<Class<? extends OperatorSpec>, Function<OperatorSpec, OperatorCost>> m = new HashMap<>();
        register(m, Conv2dSpec.class, new Conv2dCostModel());
        register(m, LinearSpec.class, new LinearCostModel());
        register(m, MatmulSpec.class, new MatmulCostModel());
        register(m, ElementwiseSpec.class, new ElementwiseCostModel());
        register(m, AvgPoolSpec.class, new AvgPoolCostModel());
        register(m, MaxPoolSpec.class, new MaxPoolCostModel());
        register(m, ReduceSpec.class, new ReduceCostModel());
        register(m, BroadcastMulSpec.class, new BroadcastMulCostModel());
        register(m, SqueezeExcitationSpec.class, new SqueezeExcitationCostModel());
        register(m, NormSpec.class, new NormCostModel());
        register(m, SoftmaxSpec.class, new SoftmaxCostModel());
        register(m, ActivationSpec.class, new ActivationCostModel());
        register(m, UnfoldSpec.class, new UnfoldCostModel());
        register(m, ConcatSpec.class, new ConcatCostModel());
        register(m, CropSpec.class, new CropCostModel());
        register(m, ResizeSpec.class, new ResizeCostModel());
        register(m, GruCellSpec.class, new GruCellCostModel());
        register(m, GatherSpec.class, new GatherCostModel());
        register(m, ChannelMaskerSpec.class, new ChannelMaskerCostModel());
        register(m, LayerGateSpec.class, new LayerGateCostModel());
        // Dynamic operators whose schedule is searched once and reused across rates.
        register(m, ScatterSpec.class, (CostModel<ScatterSpec>) (s, d) -> scatterUnscaled(s));
        register(m, SpatialConvSpec.class, (CostModel<SpatialConvSpec>) (s, d) -> spatialConvUnscaled(s));
        register(m, SpatialMaskerSpec.class, (CostModel<SpatialMaskerSpec>) (s, d) -> maskerChoice(s).cost());
        register(m, MaskerScheduleSpec.class, (CostModel<MaskerScheduleSpec>) (s, d) -> maskerSchedule(s));
        return Map.copyOf(m);
    }

    private <S extends OperatorSpec> void register(Map<Class<? extends OperatorSpec>,
            Function<OperatorSpec, OperatorCost>> m, Class<S> type, CostModel<S> model) {
        if (m.put(type, spec -> model.cost(type.cast(spec), device)) != null) {
            throw new IllegalStateException("two cost models for " + type.getSimpleName());
        }
    }

    /** The spec types this registry costs (every permitted {@link OperatorSpec}, as a test checks). */
    public Set<Class<? extends OperatorSpec>> specTypes() {
        return models.keySet();
    }

    public DeviceModel device() {
        return device;
    }

    /** The model variant the cost models of this device run ({@code laudnet}, {@code calibrated-gpu|cpu}). */
    public CostVariant variant() {
        return variant;
    }

    /** The cost of one operator on this device. */
    public OperatorCost cost(OperatorSpec spec) {
        OperatorCost cached = costs.get(spec);
        if (cached != null) {
            return cached;
        }
        OperatorCost c = withClassEfficiency(spec, compute(spec), device);
        costs.put(spec, c);
        return c;
    }

    /**
     * Applies the calibrated efficiency of the operator's class (the fraction of the analytic
     * model's speed that this device's kernels of that class reach, on compute and memory alike)
     * and its fixed per-kernel overhead (set-up work beyond the launch). Neither exists in the
     * laudnet variant.
     */
    public static OperatorCost withClassEfficiency(OperatorSpec spec, OperatorCost c, DeviceModel device) {
        double factor = device.classFactor(spec.kind());
        double overhead = device.classOverheadS(spec.kind());
        if (factor == 1 && overhead == 0) {
            return c;
        }
        double body = (c.latencyS() - c.launchS()) / factor;
        return new OperatorCost(body + c.launchS() + overhead, c.computeS() / factor, c.memoryS() / factor,
                c.launchS() + overhead, c.tiling(), c.macs(), c.dramBytes());
    }

    /** The masker schedule choice for a spatial block (fused into conv1 or separate). */
    public SpatialMaskerCostModel.Choice maskerChoice(SpatialMaskerSpec spec) {
        return SpatialMaskerCostModel.faster(fusedMasker(spec), separateMasker(spec));
    }

    /** The masker fused into conv1 (a dense conv1 with one more output channel). */
    public OperatorCost fusedMasker(SpatialMaskerSpec spec) {
        return cost(new MaskerScheduleSpec(spec, MaskerScheduleSpec.Schedule.FUSED));
    }

    /** A separate masker conv, then conv1 on the active patches. */
    public OperatorCost separateMasker(SpatialMaskerSpec spec) {
        return cost(new MaskerScheduleSpec(spec, MaskerScheduleSpec.Schedule.SEPARATE));
    }

    /** A patch conv under its cached, rate-independent schedule. */
    private OperatorCost spatialConvUnscaled(SpatialConvSpec s) {
        Tiling t = convSchedules.computeIfAbsent(s.atRate(1), k -> spatialConv.schedule(k, device));
        return spatialConv.evaluate(s, t, device);
    }

    /** A fused scatter-add under its cached, rate-independent schedule; a plain scatter directly. */
    private OperatorCost scatterUnscaled(ScatterSpec s) {
        if (!s.addResidual()) {
            return scatter.cost(s, device);
        }
        Tiling t = scatterSchedules.computeIfAbsent(s.atRate(1), k -> scatter.schedule(k, device));
        return scatter.evaluate(s, t, device);
    }

    private OperatorCost maskerSchedule(MaskerScheduleSpec s) {
        if (s.schedule() == MaskerScheduleSpec.Schedule.FUSED) {
            return spatialMasker.fused(s.masker(), device);
        }
        // Parts of a composite carry their own class factor (see Parts).
        SpatialConvSpec conv1 = SpatialMaskerCostModel.conv1OnPatches(s.masker());
        return SpatialMaskerCostModel.maskConv(s.masker(), device)
                .plus(withClassEfficiency(conv1, spatialConvUnscaled(conv1), device));
    }

    private OperatorCost compute(OperatorSpec spec) {
        Function<OperatorSpec, OperatorCost> model = models.get(spec.getClass());
        if (model == null) {
            throw new IllegalArgumentException("no cost model for operator kind " + spec.kind());
        }
        if (library != null) {
            // The GPU library model prices what cuBLAS and cuDNN run; every other kind from its
            // analytic MACs and bytes at the same fitted rates.
            return library.cost(spec, device.batch()).orElseGet(() -> library.roofline(spec, model.apply(spec)));
        }
        return model.apply(spec);
    }
}
