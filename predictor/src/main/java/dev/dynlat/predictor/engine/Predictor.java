package dev.dynlat.predictor.engine;

import dev.dynlat.operators.cost.CostModels;
import dev.dynlat.operators.cost.SpatialMaskerCostModel;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.dynamic.VitDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.NamedOperator;
import dev.dynlat.predictor.workload.ResidualBlock;
import dev.dynlat.predictor.workload.ResidualNetwork;
import dev.dynlat.predictor.workload.Stage;
import dev.dynlat.predictor.workload.VisionTransformer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The engine: composes each block's operators for the workload's paradigm and schedule, costs
 * them on the device, and assembles a {@link Prediction}. An instance keeps the cost caches of its
 * device, so predicting many workloads (a sweep) re-searches no tiling. Not thread-safe.
 */
public final class Predictor {
    private final DeviceProfile profile;
    private final ModelVariant variant;
    private final Schedule schedule;
    private final CostModels models;
    private final DeviceModel device;
    private final Map<Paradigm, BlockComposer> composers = new EnumMap<>(Map.of(
            Paradigm.STATIC, new StaticBlockComposer(),
            Paradigm.SPATIAL, new SpatialBlockComposer(),
            Paradigm.CHANNEL, new ChannelBlockComposer(),
            Paradigm.LAYER, new LayerBlockComposer()));

    public Predictor(DeviceProfile profile, ModelVariant variant, Schedule schedule) {
        this.profile = profile;
        this.variant = variant;
        this.schedule = schedule;
        DeviceModel d = DeviceModel.of(profile, variant, schedule.batch());
        if (schedule.latencyMode() != null) {
            d = d.withMode(schedule.latencyMode());
        }
        this.device = d;
        this.models = new CostModels(d);
    }

    /** The default variant of a profile: calibrated when it has coefficients, else laudnet. */
    public static ModelVariant defaultVariant(DeviceProfile profile) {
        return profile.calibrated().isPresent() ? ModelVariant.CALIBRATED : ModelVariant.LAUDNET;
    }

    /** One-shot prediction with the profile's default variant. */
    public static Prediction predict(DeviceProfile profile, Workload workload, Schedule schedule) {
        return new Predictor(profile, defaultVariant(profile), schedule).predict(workload);
    }

    public int batch() {
        return device.batch();
    }

    public Prediction predict(Workload workload) {
        if (workload.network() instanceof ResidualNetwork net) {
            return predictCnn(net, workload);
        }
        VisionTransformer vit = (VisionTransformer) workload.network();
        VitDynamics dyn = workload.dynamics() instanceof VitDynamics v ? v : null;
        List<StagePrediction> stages = new VitComposer(vit, dyn, device.batch()).stages().stream()
                .map(s -> new StagePrediction(s.name(), s.residual(), s.blocks().stream()
                        .map(b -> new BlockPrediction(b.name(), cost(b.operators(), vitModels()))).toList()))
                .toList();
        return header(stages, vit.name(), workload.dynamics().describe(), vit.denseMacs());
    }

    private CostModels vitModels;

    /**
     * ViTs carry the batch in their tensor shapes (as the reference's AdaViT simulation does), so
     * their operators are costed on the device at batch 1.
     */
    private CostModels vitModels() {
        if (vitModels == null) {
            vitModels = device.batch() == 1 ? models : new CostModels(device.withBatch(1));
        }
        return vitModels;
    }

    private Prediction header(List<StagePrediction> stages, String model, String dynamics, double macs) {
        return new Prediction(model, profile.name(), variant.id(), device.batch(), schedule, dynamics, macs, stages);
    }

    private Prediction predictCnn(ResidualNetwork net, Workload workload) {
        boolean reference = variant.reproducesReferenceDefects();
        CnnDynamics dyn = workload.dynamics() instanceof CnnDynamics c ? c : null;
        List<StagePrediction> stages = new ArrayList<>();
        stages.add(fixedStage("stem", net.stem()));
        for (int i = 0; i < net.stages().size(); i++) {
            Stage st = net.stages().get(i);
            StageDynamics sd = dyn == null ? StageDynamics.staticStage(st.blocks().size()) : dyn.stages().get(i);
            BlockComposer composer = dyn == null || !sd.dynamic() ? composers.get(Paradigm.STATIC)
                    : composers.get(dyn.paradigm());
            List<BlockPrediction> blocks = new ArrayList<>();
            for (int b = 0; b < st.blocks().size(); b++) {
                ResidualBlock block = st.blocks().get(b);
                List<OperatorUse> uses = composer.compose(block, sd, sd.rate(b), schedule, reference);
                blocks.add(new BlockPrediction(block.name(), cost(uses, models)));
            }
            stages.add(new StagePrediction(st.name(), true, blocks));
        }
        stages.add(fixedStage("head", net.head()));
        return header(stages, net.name(), workload.dynamics().describe(), net.denseMacs());
    }

    private StagePrediction fixedStage(String name, List<NamedOperator> ops) {
        List<OperatorUse> uses = new ArrayList<>();
        for (NamedOperator op : ops) {
            uses.add(OperatorUse.once(op.name(), Role.DENSE, op.spec()));
        }
        return new StagePrediction(name, false, List.of(new BlockPrediction(name, cost(uses, models))));
    }

    private List<OperatorPrediction> cost(List<OperatorUse> uses, CostModels models) {
        List<OperatorPrediction> out = new ArrayList<>(uses.size());
        for (OperatorUse u : uses) {
            String note = "";
            OperatorCost cost;
            if (u.spec() instanceof SpatialMaskerSpec m) {
                SpatialMaskerCostModel.Choice choice = maskerCost(m, models);
                cost = choice.cost();
                note = choice.fused() ? "masker fused into conv1" : "separate masker; conv1 on active patches";
            } else {
                cost = models.cost(u.spec());
            }
            out.add(new OperatorPrediction(u.name(), u.role(), u.spec().kind(), u.weight(), cost, note));
        }
        return out;
    }

    private SpatialMaskerCostModel.Choice maskerCost(SpatialMaskerSpec m, CostModels models) {
        SpatialMaskerCostModel.Choice auto = models.maskerChoice(m);
        return switch (schedule.maskerFusion()) {
            case AUTO -> auto;
            case FUSED -> auto.fused() ? auto : new SpatialMaskerCostModel.Choice(models.fusedMasker(m), true);
            case SEPARATE -> !auto.fused() ? auto : new SpatialMaskerCostModel.Choice(models.separateMasker(m), false);
        };
    }
}
