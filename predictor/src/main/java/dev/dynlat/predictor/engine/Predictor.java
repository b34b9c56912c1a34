package dev.dynlat.predictor.engine;

import dev.dynlat.operators.cost.CostModels;
import dev.dynlat.operators.cost.SpatialMaskerCostModel;
import dev.dynlat.operators.lowering.Composition;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.predictor.dynamic.DecisionDynamics;
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
    /** How blocks are composed: chosen once, with the variant. */
    private final Composition composition;
    private final CostModels models;
    private final DeviceModel device;
    private CostModels batchInShapeModels;
    private final java.util.Map<Integer, CostModels> modelsByBatch = new java.util.HashMap<>();

    public Predictor(DeviceProfile profile, ModelVariant variant, Schedule schedule) {
        this.profile = profile;
        this.variant = variant;
        this.composition = Composition.of(variant);
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

    /** A predictor for the same device, variant and schedule at another batch size. */
    public Predictor atBatch(int batch) {
        return batch == device.batch() ? this : new Predictor(profile, variant, schedule.withBatch(batch));
    }

    /**
     * The expected latency of one batch. Under {@link DecisionDynamics} every operator's weight is
     * multiplied by the probability that an input runs it (reaches its segment, keeps its block),
     * which is the exact mean at batch 1; at a larger batch it assumes each input pays only for its
     * own path (see {@link dev.dynlat.predictor.distribution.BatchedRuntime} for how a batched
     * runtime differs).
     */
    public Prediction predict(Workload workload) {
        DecisionDynamics decisions = workload.dynamics() instanceof DecisionDynamics d ? d : NO_DECISIONS;
        List<StagePrediction> stages = new ArrayList<>();
        for (NetworkLowering.LoweredStage s : lower(workload, device.batch())) {
            List<BlockPrediction> blocks = new ArrayList<>(s.blocks().size());
            for (NetworkLowering.LoweredBlock b : s.blocks()) {
                List<OperatorPrediction> ops = cost(b.operators(), models);
                double reach = decisions.reach(b.segment());
                if (reach == 1 && b.decision() < 0) {
                    blocks.add(new BlockPrediction(b.name(), ops));
                    continue;
                }
                List<OperatorPrediction> weighted = new ArrayList<>(ops.size());
                for (int i = 0; i < ops.size(); i++) {
                    double p = reach * (b.conditional(i) ? decisions.keep(b.decision()) : 1);
                    weighted.add(p == 1 ? ops.get(i) : ops.get(i).times(p));
                }
                blocks.add(new BlockPrediction(b.name(), weighted));
            }
            stages.add(new StagePrediction(s.name(), s.residual(), blocks));
        }
        return new Prediction(workload.network().name(), profile.name(), variant.id(), device.batch(), schedule,
                workload.dynamics().describe(), workload.network().denseMacs(), stages);
    }

    private static final DecisionDynamics NO_DECISIONS = new DecisionDynamics(new double[0], new double[0]);

    private List<NetworkLowering.LoweredStage> lower(Workload workload, long batch) {
        return new NetworkLowering(workload, schedule, composition, batch)
                .lower(workload.network());
    }

    /** Path costs at the device's batch. */
    public PathCosts pathCosts(Workload workload) {
        return pathCosts(workload, device.batch());
    }

    /**
     * The latency of a batch of {@code batch} inputs as a function of their exits and kept blocks
     * (every operator at its full weight), costed on this device at that batch size.
     */
    public PathCosts pathCosts(Workload workload, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch: must be a positive integer, got " + batch);
        }
        CostModels m = batch == device.batch() ? models
                : modelsByBatch.computeIfAbsent(batch, n -> new CostModels(device.withBatch(n)));
        int exits = workload.network().exits().size();
        double[] segments = new double[exits + 1];
        int decided = workload.network().decidedBlocks().size();
        double[] branch = new double[decided];
        int[] branchSegment = new int[decided];
        for (NetworkLowering.LoweredStage s : lower(workload, batch)) {
            for (NetworkLowering.LoweredBlock b : s.blocks()) {
                List<OperatorPrediction> ops = cost(b.operators(), m);
                for (int i = 0; i < ops.size(); i++) {
                    if (b.conditional(i)) {
                        branch[b.decision()] += ops.get(i).latencyMs();
                        branchSegment[b.decision()] = b.segment();
                    } else {
                        segments[Math.min(b.segment(), exits)] += ops.get(i).latencyMs();
                    }
                }
            }
        }
        return new PathCosts(batch, segments, branch, branchSegment);
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

    private List<OperatorPrediction> cost(List<OperatorUse> uses, CostModels atBatch) {
        List<OperatorPrediction> out = new ArrayList<>(uses.size());
        for (OperatorUse u : uses) {
            CostModels m = u.batchInShape() ? modelsFor(u) : atBatch;
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
