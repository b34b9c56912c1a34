package dev.dynlat.predictor.schedule;

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
 * batch: 128                 # default: the device profile's
 * latency_mode: add          # add | max; default: the device profile's
 * channel_masker_layers: 2   # FC layers of the channel masker: 1 or 2
 * </pre>
 */
public final class ScheduleLoader {
    private ScheduleLoader() {
    }

    public static Schedule load(Path file) {
        return parse(YamlParser.parse(file), file.toString());
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
        int batch = f.integer("batch", false, 1, 1_000_000).orElse(0);
        LatencyMode mode = f.choice("latency_mode", false, LatencyMode.class).orElse(null);
        int maskerLayers = f.integer("channel_masker_layers", false, 1, 2).orElse(d.channelMaskerLayers());
        f.finish();
        problems.throwIfAny();
        return new Schedule(fusion, gather, scatter, batch, mode, maskerLayers);
    }
}
