package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.importer.Models;
import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.ResidualBlock;
import dev.dynlat.predictor.workload.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where sweeps and searches build networks, dynamics and workloads. Everything
 * else in this package sees a model only through {@link SweepModel} (stage names, map sides and
 * the valid options per stage), so a new network representation needs changes here only.
 */
public final class SweepWorkloads {
    private SweepWorkloads() {
    }

    /**
     * The model called {@code name}: a zoo model, a network YAML file or an ONNX file.
     *
     * @throws IllegalArgumentException naming the model if it is unknown or has no residual blocks
     */
    public static SweepModel model(String name) {
        SweepModel m = model(Models.resolve(name, (InputShape.Size) null), name);
        // A file is labelled by its path as given: its network: name may be a zoo model's or another
        // file's, and two targets must never share a label (rows and option spaces are keyed by it).
        boolean file = NetworkZoo.isFile(name) || Models.isOnnx(name);
        return file ? new SweepModel(name, m.stages(), m.exits(), m.network()) : m;
    }

    /**
     * A network already resolved (a file or an ONNX import at its {@code --input}, say); {@code given}
     * names it in messages as the user gave it.
     *
     * @throws IllegalArgumentException naming the model if it has no residual blocks
     */
    public static SweepModel model(Network cnn, String given) {
        if (cnn.residualStages().isEmpty()) {
            throw new IllegalArgumentException("model: sweeps and searches apply to CNNs with residual blocks, not to "
                    + given);
        }
        List<SweepModel.StageShape> stages = new ArrayList<>();
        for (Stage st : cnn.residualStages()) {
            stages.add(new SweepModel.StageShape(st.name(), st.outSize(), validChannelGroups(st)));
        }
        return new SweepModel(cnn.name(), stages, 0, cnn);
    }

    /**
     * A workload with the same rate in every block and {@code perStage[i]} as S (spatial) or G
     * (channel) of stage i; ignored for the layer paradigm.
     */
    public static Workload workload(SweepModel model, Paradigm paradigm, int[] perStage, double rate) {
        Network net = (Network) model.network();
        return new Workload(net, CnnDynamics.uniform(paradigm, net, perStage, rate));
    }

    /** The index among a prediction's stages of each of the model's residual stages. */
    public static int[] stagePositions(SweepModel model) {
        return ((Network) model.network()).residualStagePositions();
    }

    /** The dense network of the model. */
    public static Workload staticWorkload(SweepModel model) {
        return Workload.dense((Network) model.network());
    }

    /**
     * The G values (1 to the widest block) that {@code CnnDynamics.validate} accepts for a stage
     * and that leave the reference's channel masker at least one group per block (it has
     * {@code inChannels / G} outputs, so G may not exceed a block's input channels).
     */
    private static int[] validChannelGroups(Stage st) {
        int max = st.blocks().stream().mapToInt(ResidualBlock::width).max().orElse(1);
        List<Integer> ok = new ArrayList<>();
        for (int g = 1; g <= max; g++) {
            boolean valid = true;
            for (ResidualBlock b : st.blocks()) {
                int perGroup = b.width() / b.groups();
                if (b.width() % g != 0 || g > b.inChannels()
                        || (b.groups() > 1 && perGroup % g != 0 && g % perGroup != 0)) {
                    valid = false;
                    break;
                }
            }
            if (valid) {
                ok.add(g);
            }
        }
        return ok.stream().mapToInt(Integer::intValue).toArray();
    }
}
