package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.MaskerScheduleSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;

/**
 * Spatial masker and conv1 of a block, from the table's conv and patch conv. Fused: conv1 runs
 * densely with one extra output channel that is the mask logit (one kernel, no saving on conv1).
 * Separate: a small 1×1 conv produces the mask, then conv1 runs on the active patches (plus halo
 * for the next conv) only. Which is faster depends on the rate and the device; {@link #cost}
 * takes the faster, {@link #choose} says which.
 */
public final class SpatialMaskerCostModel implements CostModel<SpatialMaskerSpec> {
    private final CostModel<Conv2dSpec> conv;
    private final CostModel<SpatialConvSpec> patchConv;

    /** {@code patchConv} may memoise its schedules ({@link CostModels} does). */
    public SpatialMaskerCostModel(CostModel<Conv2dSpec> conv, CostModel<SpatialConvSpec> patchConv) {
        this.conv = conv;
        this.patchConv = patchConv;
    }

    /** The cost of one schedule and whether it is the fused one. */
    public record Choice(OperatorCost cost, boolean fused) {
    }

    @Override
    public OperatorCost cost(SpatialMaskerSpec spec, DeviceModel d) {
        return choose(spec, d).cost();
    }

    /** The faster of the two schedules (the fused one on a tie). */
    public Choice choose(SpatialMaskerSpec spec, DeviceModel d) {
        return faster(fused(spec, d), separate(spec, d));
    }

    /** Picks the faster schedule; the fused one on a tie. */
    public static Choice faster(OperatorCost fused, OperatorCost separate) {
        return separate.latencyS() < fused.latencyS() ? new Choice(separate, false) : new Choice(fused, true);
    }

    /** One schedule of the masker, as {@link MaskerScheduleSpec} names it. */
    public OperatorCost schedule(MaskerScheduleSpec spec, DeviceModel d) {
        return spec.schedule() == MaskerScheduleSpec.Schedule.FUSED ? fused(spec.masker(), d)
                : separate(spec.masker(), d);
    }

    public OperatorCost fused(SpatialMaskerSpec spec, DeviceModel d) {
        Conv2dSpec c = spec.conv1();
        return conv.cost(Conv2dSpec.dense(c.inChannels(), c.outChannels() + 1, c.inHeight(), c.inWidth(), 1, 1, 1),
                d);
    }

    /** The separate mask conv, then conv1 on the patches as a part (its own class efficiency applied). */
    public OperatorCost separate(SpatialMaskerSpec spec, DeviceModel d) {
        return maskConv(spec, d).plus(Parts.of(patchConv, conv1OnPatches(spec), d));
    }

    /** The separate masker's own 1×1 conv to 2 logits. */
    private OperatorCost maskConv(SpatialMaskerSpec spec, DeviceModel d) {
        Conv2dSpec c = spec.conv1();
        return conv.cost(Conv2dSpec.dense(c.inChannels(), 2, c.inHeight(), c.inWidth(), 1, 1, 1), d);
    }

    /** conv1 restricted to the active patches, reading the full map by indexing. */
    public static SpatialConvSpec conv1OnPatches(SpatialMaskerSpec spec) {
        Conv2dSpec c = spec.conv1();
        Conv2dSpec conv1 = Conv2dSpec.dense(c.inChannels(), c.outChannels(), c.inHeight(), c.inWidth(), 1, 1, 1);
        int granularity = Math.min(spec.granularity(), Math.max(c.inHeight(), c.inWidth()));
        return new SpatialConvSpec(conv1, granularity, spec.density(), false, (spec.nextKernel() - 1) / 2);
    }
}
