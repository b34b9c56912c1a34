package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.workload.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a sweep's output, units in the names: the configuration, whole-network totals
 * (milliseconds per batch unless {@code per_image}), the static reference, then per residual
 * stage k (numbered from 1) its latency and its latency by operator role.
 */
public final class SweepColumns {
    /** The roles a CNN block's operators take, in column order. */
    static final List<Role> ROLES = List.of(Role.MASKER, Role.GATHER, Role.CONV, Role.SCATTER, Role.DENSE);

    static final List<String> CONFIG = List.of("model", "device", "variant", "batch", "paradigm", "option", "rate");

    static final List<String> TOTALS = List.of("latency_ms", "latency_per_image_ms", "blocks_latency_ms",
            "static_latency_ms", "speedup");

    private SweepColumns() {
    }

    /** Every column name for plans with {@code stages} residual stages at most. */
    public static List<String> names(int stages) {
        List<String> out = new ArrayList<>(CONFIG);
        out.addAll(TOTALS);
        for (int k = 1; k <= stages; k++) {
            out.add(stageLatency(k));
        }
        for (int k = 1; k <= stages; k++) {
            for (Role r : ROLES) {
                out.add(stageRole(k, r.id()));
            }
        }
        return out;
    }

    /** {@code stage2_ms}. */
    public static String stageLatency(int stage) {
        return "stage" + stage + "_ms";
    }

    /** {@code stage2_conv_ms}. */
    public static String stageRole(int stage, String role) {
        return "stage" + stage + "_" + role + "_ms";
    }

    /** Role ids in column order. */
    public static List<String> roleIds() {
        return ROLES.stream().map(Role::id).toList();
    }
}
