package dev.dynlat.operators.cost;

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

/**
 * All cost models for one device, with memoisation: a network repeats the same shapes many
 * times, and a rate sweep repeats the same schedules, so each shape is searched once. Not
 * thread-safe; use one instance per thread.
 */
public final class CostModels {
    private final DeviceModel device;
    private final Map<OperatorSpec, OperatorCost> costs = new HashMap<>();
    private final Map<SpatialConvSpec, Tiling> convSchedules = new HashMap<>();
    private final Map<ScatterSpec, Tiling> scatterSchedules = new HashMap<>();

    private final Conv2dCostModel conv = new Conv2dCostModel();
    private final LinearCostModel linear = new LinearCostModel();
    private final MatmulCostModel matmul = new MatmulCostModel();
    private final ElementwiseCostModel elementwise = new ElementwiseCostModel();
    private final AvgPoolCostModel avgPool = new AvgPoolCostModel();
    private final ReduceCostModel reduce = new ReduceCostModel();
    private final BroadcastMulCostModel broadcastMul = new BroadcastMulCostModel();
    private final SqueezeExcitationCostModel se = new SqueezeExcitationCostModel();
    private final NormCostModel norm = new NormCostModel();
    private final SoftmaxCostModel softmax = new SoftmaxCostModel();
    private final ActivationCostModel activation = new ActivationCostModel();
    private final UnfoldCostModel unfold = new UnfoldCostModel();
    private final GatherCostModel gather = new GatherCostModel();
    private final ScatterCostModel scatter = new ScatterCostModel();
    private final SpatialConvCostModel spatialConv = new SpatialConvCostModel();
    private final SpatialMaskerCostModel spatialMasker = new SpatialMaskerCostModel();
    private final ChannelMaskerCostModel channelMasker = new ChannelMaskerCostModel();
    private final LayerGateCostModel layerGate = new LayerGateCostModel();
    private final MaxPoolCostModel maxPool = new MaxPoolCostModel();
    private final ConcatCostModel concat = new ConcatCostModel();
    private final GruCellCostModel gru = new GruCellCostModel();
    private final ResizeCostModel resize = new ResizeCostModel();
    private final CropCostModel crop = new CropCostModel();

    public CostModels(DeviceModel device) {
        this.device = device;
    }

    public DeviceModel device() {
        return device;
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

    private OperatorCost compute(OperatorSpec spec) {
        DeviceModel d = device;
        if (spec instanceof Conv2dSpec s) {
            return conv.cost(s, d);
        } else if (spec instanceof LinearSpec s) {
            return linear.cost(s, d);
        } else if (spec instanceof MatmulSpec s) {
            return matmul.cost(s, d);
        } else if (spec instanceof ElementwiseSpec s) {
            return elementwise.cost(s, d);
        } else if (spec instanceof AvgPoolSpec s) {
            return avgPool.cost(s, d);
        } else if (spec instanceof ReduceSpec s) {
            return reduce.cost(s, d);
        } else if (spec instanceof BroadcastMulSpec s) {
            return broadcastMul.cost(s, d);
        } else if (spec instanceof SqueezeExcitationSpec s) {
            return se.cost(s, d);
        } else if (spec instanceof NormSpec s) {
            return norm.cost(s, d);
        } else if (spec instanceof SoftmaxSpec s) {
            return softmax.cost(s, d);
        } else if (spec instanceof ActivationSpec s) {
            return activation.cost(s, d);
        } else if (spec instanceof UnfoldSpec s) {
            return unfold.cost(s, d);
        } else if (spec instanceof GatherSpec s) {
            return gather.cost(s, d);
        } else if (spec instanceof ScatterSpec s) {
            if (!s.addResidual() || !d.reference()) {
                return scatter.cost(s, d);
            }
            Tiling t = scatterSchedules.computeIfAbsent(s.atRate(1), k -> scatter.schedule(k, d));
            return scatter.evaluate(s, t, d);
        } else if (spec instanceof SpatialConvSpec s) {
            return spatialConvUnscaled(s);
        } else if (spec instanceof SpatialMaskerSpec s) {
            return maskerChoice(s).cost();
        } else if (spec instanceof MaskerScheduleSpec s) {
            if (s.schedule() == MaskerScheduleSpec.Schedule.FUSED) {
                return spatialMasker.fused(s.masker(), d);
            }
            // Parts of a composite carry their own class factor (see Parts).
            SpatialConvSpec conv1 = SpatialMaskerCostModel.conv1OnPatches(s.masker());
            return SpatialMaskerCostModel.maskConv(s.masker(), d)
                    .plus(withClassEfficiency(conv1, spatialConvUnscaled(conv1), d));
        } else if (spec instanceof ChannelMaskerSpec s) {
            return channelMasker.cost(s, d);
        } else if (spec instanceof LayerGateSpec s) {
            return layerGate.cost(s, d);
        } else if (spec instanceof MaxPoolSpec s) {
            return maxPool.cost(s, d);
        } else if (spec instanceof ConcatSpec s) {
            return concat.cost(s, d);
        } else if (spec instanceof GruCellSpec s) {
            return gru.cost(s, d);
        } else if (spec instanceof ResizeSpec s) {
            return resize.cost(s, d);
        } else if (spec instanceof CropSpec s) {
            return crop.cost(s, d);
        }
        throw new IllegalArgumentException("no cost model for operator kind " + spec.kind());
    }
}
