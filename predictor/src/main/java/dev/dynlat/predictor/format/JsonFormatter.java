package dev.dynlat.predictor.format;

import dev.dynlat.predictor.workload.Role;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynlat.predictor.engine.BlockPrediction;
import dev.dynlat.predictor.engine.OperatorPrediction;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.StagePrediction;
import dev.dynlat.predictor.schedule.Schedule;
import java.util.Locale;

/**
 * Machine-readable output. Latencies are milliseconds per batch unless the key says per image;
 * {@code blocks_latency_ms} sums the residual (or transformer) blocks only, the quantity the
 * LAUDNet reference reports. Key order is fixed, so the output is byte-for-byte deterministic.
 */
public final class JsonFormatter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFormatter() {
    }

    public static String format(PredictionSummary s) {
        return format(s, root -> { });
    }

    /** The prediction's JSON with fields {@code extra} adds at the end (e.g. a decision report). */
    public static String format(PredictionSummary s, java.util.function.Consumer<ObjectNode> extra) {
        try {
            return MAPPER.writeValueAsString(tree(s, extra)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /** The prediction's JSON as a tree (what {@code dynlat serve} answers with, on one line). */
    public static ObjectNode tree(PredictionSummary s, java.util.function.Consumer<ObjectNode> extra) {
        Prediction p = s.prediction();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", p.model());
        root.put("device", p.device());
        root.put("variant", p.variant());
        root.put("batch", p.batch());
        root.put("dynamics", p.dynamics());
        root.set("schedule", schedule(p.schedule()));
        root.put("latency_ms", p.latencyMs());
        root.put("latency_per_image_ms", p.latencyPerImageMs());
        if (s.hasBand()) {
            // p10-p90 band from the calibration's held-out residuals
            root.put("latency_p10_ms", p.latencyMs() * s.bandLow());
            root.put("latency_p90_ms", p.latencyMs() * s.bandHigh());
        }
        root.put("blocks_latency_ms", p.blocksLatencyMs());
        if (s.dynamic()) {
            root.put("static_latency_ms", s.reference().latencyMs());
            root.put("static_blocks_latency_ms", s.reference().blocksLatencyMs());
            root.put("speedup", s.speedup());
        }
        root.put("compute_ms", p.computeMs());
        root.put("memory_ms", p.memoryMs());
        root.put("bound", p.bound().id());
        root.put("dense_macs_per_image", p.denseMacs());
        root.put("executed_macs_per_batch", p.executedMacs());
        ArrayNode stages = root.putArray("stages");
        for (StagePrediction st : p.stages()) {
            ObjectNode sn = stages.addObject();
            sn.put("name", st.name());
            sn.put("residual", st.residual());
            sn.put("latency_ms", st.latencyMs());
            ObjectNode roles = sn.putObject("roles_ms");
            for (Role r : Role.values()) {
                double v = st.latencyMs(r);
                if (v > 0) {
                    roles.put(r.id(), v);
                }
            }
            ArrayNode blocks = sn.putArray("blocks");
            for (BlockPrediction b : st.blocks()) {
                ObjectNode bn = blocks.addObject();
                bn.put("name", b.name());
                bn.put("latency_ms", b.latencyMs());
                ArrayNode ops = bn.putArray("operators");
                for (OperatorPrediction o : b.operators()) {
                    ops.add(operator(o));
                }
            }
        }
        extra.accept(root);
        return root;
    }

    private static ObjectNode schedule(Schedule sc) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("masker_fusion", sc.maskerFusion().id());
        n.put("gather", sc.gather().id());
        n.put("scatter_add_fused", sc.scatterAddFused());
        n.put("latency_mode", sc.latencyMode() == null ? "profile" : sc.latencyMode().name().toLowerCase(Locale.ROOT));
        n.put("channel_masker_layers", sc.channelMaskerLayers());
        return n;
    }

    private static ObjectNode operator(OperatorPrediction o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", o.name());
        n.put("role", o.role().id());
        n.put("kind", o.kind());
        n.put("weight", o.weight());
        n.put("latency_ms", o.latencyMs());
        n.put("compute_ms", o.computeMs());
        n.put("memory_ms", o.memoryMs());
        n.put("launch_ms", o.cost().launchS() * o.weight() * 1e3);
        n.put("bound", o.bound().id());
        n.put("tiling", o.cost().tiling().toString());
        n.put("macs", o.macs());
        n.put("dram_bytes", o.dramBytes());
        if (!o.note().isEmpty()) {
            n.put("note", o.note());
        }
        return n;
    }
}
