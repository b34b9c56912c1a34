package dev.dynlat.predictor.architecture;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The design's module order as data (design.md, "Dependencies: operators ← {calibration, reports}
 * ← predictor. Nothing depends on predictor."): which modules each module's main code may name,
 * which modules hold no Java at all, and package prefixes a module must never name even where its
 * module may.
 *
 * @param mayUse            module → the other modules its main sources may reference
 * @param resourcesOnly     modules whose {@code src/main/java} must stay empty
 * @param forbiddenPackages module → package prefixes it must not reference
 */
record ModuleRules(Map<String, Set<String>> mayUse, Set<String> resourcesOnly,
                   Map<String, List<String>> forbiddenPackages) {

    /**
     * The rules of design.md. Calibration may use reports (it writes its report through the
     * all-or-nothing output set), never the reverse; reports draws tabular results and knows
     * nothing of networks, so the operator graph and its lowering are closed to it.
     */
    static ModuleRules design() {
        return new ModuleRules(
                Map.of("operators", Set.of(),
                        "reports", Set.of("operators"),
                        "calibration", Set.of("operators", "reports"),
                        "predictor", Set.of("operators", "reports", "calibration")),
                Set.of("hardware-profiles"),
                Map.of("reports", List.of("dev.dynlat.operators.graph", "dev.dynlat.operators.lowering")));
    }

    boolean known(String module) {
        return mayUse.containsKey(module) || resourcesOnly.contains(module);
    }
}
