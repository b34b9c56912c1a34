package dev.dynlat.operators.cost;

import dev.dynlat.operators.gpu.GpuDatasheet;
import dev.dynlat.operators.gpu.GpuLibraryCosts;
import dev.dynlat.operators.gpu.GpuLibraryModel;
import dev.dynlat.operators.model.BoundedMemo;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.MaskerScheduleSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * All cost models for one device, with memoisation: a network repeats the same shapes many
 * times, and a rate sweep repeats the same schedules, so each shape is searched once. The one
 * public entry to the cost models: it picks the device model's variant once ({@link
 * CostVariant#of}) and costs every operator with that variant's {@link CostTable}, the class
 * efficiency of the operator's kind applied. Not thread-safe; use one instance per thread.
 */
public final class CostModels {
    private final DeviceModel device;
    /** The GPU library model of a calibrated GPU profile with library terms; null otherwise. */
    private final GpuLibraryCosts library;
    private final CostVariant variant;
    /**
     * Costs by spec. Bounded (at most 16,384 entries, a few MB) because specs carry their rates
     * and a long-running server sees ever new ones; a whole network at one rate needs a few hundred.
     */
    private final BoundedMemo<OperatorSpec, OperatorCost> costs = new BoundedMemo<>(8192);
    /** The table's patch conv with its schedules cached per shape (at rate 1). */
    private final CostTable.Scheduled<SpatialConvSpec> patchConv;
    private final SpatialMaskerCostModel maskers;
    /** Every operator kind and its cost function; see {@link #registry}. */
    private final Map<Class<? extends OperatorSpec>, Function<OperatorSpec, OperatorCost>> models;

    public CostModels(DeviceModel device) {
        this.device = device;
        this.library = device.gpuLibrary().map(t -> new GpuLibraryCosts(new GpuLibraryModel(
                GpuDatasheet.of(t.datasheet()), t.coefficients()))).orElse(null);
        // The one place the variant is chosen; nothing below asks again.
        this.variant = CostVariant.of(device);
        CostTable table = variant.table();
        this.patchConv = new MemoisedSchedule<>(table.patchConv(), s -> s.atRate(1));
        this.maskers = new SpatialMaskerCostModel(table.model(Conv2dSpec.class), patchConv);
        this.models = registry(table);
    }

    /**
     * Every operator kind and its cost function: the variant's table, whose build checks that it
     * covers the sealed {@link OperatorSpec} hierarchy (a test checks it again), with the dynamic
     * operators rebuilt from the table's parts around this instance's schedule caches.
     */
    private Map<Class<? extends OperatorSpec>, Function<OperatorSpec, OperatorCost>> registry(CostTable table) {
        Map<Class<? extends OperatorSpec>, Function<OperatorSpec, OperatorCost>> m = new HashMap<>();
        for (Class<? extends OperatorSpec> kind : table.kinds()) {
            m.put(kind, bind(kind, table));
        }
        // Dynamic operators whose schedule is searched once and reused across rates.
        m.put(SpatialConvSpec.class, bind(SpatialConvSpec.class, patchConv));
        m.put(ScatterSpec.class, bind(ScatterSpec.class, new ScatterCostModel(table.patchCopy(),
                new MemoisedSchedule<>(table.scatterAdd(), s -> s.atRate(1)))));
        m.put(SpatialMaskerSpec.class, spec -> maskerChoice((SpatialMaskerSpec) spec).cost());
        m.put(MaskerScheduleSpec.class, bind(MaskerScheduleSpec.class, maskers::schedule));
        return Map.copyOf(m);
    }

    private <S extends OperatorSpec> Function<OperatorSpec, OperatorCost> bind(Class<S> type, CostTable table) {
        return bind(type, table.model(type));
    }

    private <S extends OperatorSpec> Function<OperatorSpec, OperatorCost> bind(Class<S> type, CostModel<S> model) {
        return spec -> model.cost(type.cast(spec), device);
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
        // Computed outside the memo's maps: a composite's cost asks for its parts' costs.
        return costs.get(spec, s -> withClassEfficiency(s, compute(s), device));
    }

    /**
     * Applies the calibrated efficiency of the operator's class (the fraction of the analytic
     * model's speed that this device's kernels of that class reach, on compute and memory alike)
     * and its fixed per-kernel overhead (set-up work beyond the launch). Neither exists in the
     * laudnet variant.
     */
    public static OperatorCost withClassEfficiency(OperatorSpec spec, OperatorCost c, DeviceModel device) {
        return ClassEfficiency.apply(spec, c, device);
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

    /**
     * A scheduled part whose rate-independent schedule is searched once per shape, keyed by the
     * spec at rate 1; evaluation at each rate is the part's own.
     */
    private final class MemoisedSchedule<S extends OperatorSpec> implements CostTable.Scheduled<S> {
        private final CostTable.Scheduled<S> part;
        private final UnaryOperator<S> atRateOne;
        private final Map<S, Tiling> schedules = new HashMap<>();

        MemoisedSchedule(CostTable.Scheduled<S> part, UnaryOperator<S> atRateOne) {
            this.part = part;
            this.atRateOne = atRateOne;
        }

        @Override
        public Tiling schedule(S spec, DeviceModel d) {
            return schedules.computeIfAbsent(atRateOne.apply(spec), k -> part.schedule(k, d));
        }

        @Override
        public OperatorCost evaluate(S spec, Tiling schedule, DeviceModel d) {
            return part.evaluate(spec, schedule, d);
        }
    }
}
