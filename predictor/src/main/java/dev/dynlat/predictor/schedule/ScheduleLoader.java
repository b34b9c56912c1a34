package dev.dynlat.predictor.schedule;

import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.operators.profile.LatencyMode;
import dev.dynlat.operators.yaml.YamlFields;
import dev.dynlat.operators.yaml.YamlParser;
import dev.dynlat.operators.yaml.YamlProblems;
import java.nio.file.Path;

/**
 * Reads a schedule override; every key is optional and defaults to {@link Schedule#defaults()}:
 *
 * <pre>
 * masker_fusion: auto        # auto | fused | separate
 * gather: indexing           # indexing (fused into conv2) | kernel (separate gather kernel)
 * scatter_add_fused: true
 * batch: 128                 # 1 to 2^31-1 as --batch; default: the device profile's
 * latency_mode: add          # add | max; default: the device profile's
 * channel_masker_layers: 2   # FC layers of the channel masker: 1 or 2
 * </pre>
 */
public final class ScheduleLoader {
    private ScheduleLoader() {
    }

    /** Loads a schedule file named by {@code --schedule}. */
    public static Schedule load(Path file) {
        return load("--schedule", file);
    }

    /** Loads a schedule file; {@code option} names it in messages about an unusable file. */
    public static Schedule load(String option, Path file) {
        return parse(YamlParser.parse(option, file), file.toString());
    }

    public static Schedule parse(String yaml, String source) {
        return parse(YamlParser.parse(yaml, source), source);
    }

    private static Schedule parse(dev.dynlat.operators.yaml.YamlNode root, String source) {
        YamlProblems problems = new YamlProblems(source);
        YamlFields f = YamlFields.of(root, problems).orElse(null);
        if (f == null) {
            problems.throwIfAny();
        }
        Schedule d = Schedule.defaults();
        var fusion = f.choice("masker_fusion", false, Schedule.MaskerFusion.class).orElse(d.maskerFusion());
        var gather = f.choice("gather", false, Schedule.GatherMode.class).orElse(d.gather());
        boolean scatter = f.bool("scatter_add_fused", false).orElse(d.scatterAddFused());
        // The same bounds as --batch: one rule wherever a batch is given.
        int batch = f.integer("batch", false, InputBounds.BATCH.min(), InputBounds.BATCH.max()).orElse(0);
        LatencyMode mode = f.choice("latency_mode", false, LatencyMode.class).orElse(null);
        int maskerLayers = f.integer("channel_masker_layers", false, 1, 2).orElse(d.channelMaskerLayers());
        f.finish();
        problems.throwIfAny();
        return new Schedule(fusion, gather, scatter, batch, mode, maskerLayers);
    }
}
