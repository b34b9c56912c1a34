package dev.dynlat.predictor.architecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds references that run against the module order of {@link ModuleRules}, one line per reference. */
final class ModuleDirection {
    private ModuleDirection() {
    }

    static List<String> violations(List<JavaSource> sources, ModuleRules rules) {
        Map<String, String> moduleBySegment = new HashMap<>();
        for (JavaSource s : sources) {
            if (ProjectNames.inProject(s.pkg())) {
                moduleBySegment.put(ProjectNames.moduleSegment(s.pkg()), s.module());
            }
        }
        List<String> out = new ArrayList<>();
        for (JavaSource s : sources) {
            if (!rules.known(s.module())) {
                out.add(s.at(1) + ": module " + s.module() + " is not in the design's module order");
                continue;
            }
            if (rules.resourcesOnly().contains(s.module())) {
                out.add(s.at(1) + ": module " + s.module() + " holds resources only, no Java sources");
                continue;
            }
            Set<String> allowed = rules.mayUse().getOrDefault(s.module(), Set.of());
            for (JavaSource.Reference r : s.references()) {
                if (!ProjectNames.inProject(r.name())) {
                    continue;
                }
                String pkg = ProjectNames.packageOf(r.name());
                String segment = ProjectNames.moduleSegment(pkg);
                String target = moduleBySegment.getOrDefault(segment, segment);
                if (!target.equals(s.module()) && !allowed.contains(target)) {
                    out.add(s.at(r.line()) + ": " + s.module() + " must not depend on " + target + " ("
                            + r.name() + ")");
                    continue;
                }
                for (String forbidden : rules.forbiddenPackages().getOrDefault(s.module(), List.of())) {
                    if (ProjectNames.within(pkg, forbidden)) {
                        out.add(s.at(r.line()) + ": " + s.module() + " must not know " + forbidden + " ("
                                + r.name() + ")");
                    }
                }
            }
        }
        return out;
    }
}
