package dev.dynlat.predictor.engine;

import dev.dynlat.operators.cost.CostModels;
import dev.dynlat.operators.cost.SpatialMaskerCostModel;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.OperatorUse;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine: lowers a workload to operators ({@link NetworkLowering}), costs them on the device,
 * and assembles a {@link Prediction}. An instance keeps the cost caches of its device, so
 * predicting many workloads (a sweep) re-searches no tiling. Not thread-safe.
 */
public final class Predictor {
    private final DeviceProfile profile;
    private final ModelVariant variant;
    private final Schedule schedule;
    private final CostModels models;
    private final DeviceModel device;
    private CostModels batchInShapeModels;

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
        NetworkLowering lowering = new NetworkLowering(workload, schedule, variant.reproducesReferenceDefects(),
                device.batch());
        List<StagePrediction> stages = new ArrayList<>();
        for (NetworkLowering.LoweredStage s : lowering.lower(workload.network())) {
            List<BlockPrediction> blocks = new ArrayList<>(s.blocks().size());
            for (NetworkLowering.LoweredBlock b : s.blocks()) {
                blocks.add(new BlockPrediction(b.name(), cost(b.operators())));
            }
            stages.add(new StagePrediction(s.name(), s.residual(), blocks));
        }
        return new Prediction(workload.network().name(), profile.name(), variant.id(), device.batch(), schedule,
                workload.dynamics().describe(), workload.network().denseMacs(), stages);
    }

    /**
     * Operators whose shapes carry the batch (transformers, as the reference's AdaViT simulation
     * lays them out) are costed on the device at batch 1.
     */
    private CostModels modelsFor(OperatorUse u) {
        if (!u.batchInShape() || device.batch() == 1) {
            return models;
        }
        if (batchInShapeModels == null) {
            batchInShapeModels = new CostModels(device.withBatch(1));
        }
        return batchInShapeModels;
    }

    private List<OperatorPrediction> cost(List<OperatorUse> uses) {
        List<OperatorPrediction> out = new ArrayList<>(uses.size());
        for (OperatorUse u : uses) {
            CostModels m = modelsFor(u);
            String note = "";
            OperatorCost cost;
            if (u.spec() instanceof SpatialMaskerSpec masker) {
                SpatialMaskerCostModel.Choice choice = maskerCost(masker, m);
                cost = choice.cost();
                note = choice.fused() ? "masker fused into conv1" : "separate masker; conv1 on active patches";
            } else {
                cost = m.cost(u.spec());
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
