package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.workload.NetworkDescription.StageDescription;
import dev.dynlat.predictor.workload.NetworkResolver;
import dev.dynlat.predictor.workload.NodeDescription;
import dev.dynlat.predictor.workload.NodeDescription.Form;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups drafts into stages as the zoo writes them: {@code stem} before the first block, a stage
 * {@code layer<s>} opening at each block that changes the shape (stride or width) and holding the
 * same-shape blocks after it, {@code head} after the last block. Blocks are named
 * {@code layer<s>.<k>}; a stage of one block followed by identical copies is written with
 * {@code repeat}, as in the zoo.
 */
final class StageAssembler {
    private StageAssembler() {
    }

    private record Group(String name, List<Draft> drafts) {
    }

    static List<StageDescription> assemble(List<Draft> drafts) {
        int lastBlock = -1;
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).form == Form.BLOCK) {
                lastBlock = i;
            }
        }
        List<Group> groups = new ArrayList<>();
        Group current = new Group(lastBlock < 0 ? "main" : "stem", new ArrayList<>());
        groups.add(current);
        Map<String, String> renames = new HashMap<>();
        int stage = 0;
        int inStage = 0;
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (d.form == Form.BLOCK) {
                boolean changes = !d.in.equals(d.out) || d.intParam("stride", 1) != 1;
                if (stage == 0 || changes || current.name().equals("stem")) {
                    stage++;
                    inStage = 0;
                    current = new Group("layer" + stage, new ArrayList<>());
                    groups.add(current);
                }
                renames.put(d.id, "layer" + stage + "." + inStage++);
            } else if (i == lastBlock + 1 && lastBlock >= 0) {
                current = new Group("head", new ArrayList<>());
                groups.add(current);
            }
            current.drafts().add(d);
        }
        for (Draft d : drafts) {
            d.id = renames.getOrDefault(d.id, d.id);
            d.inputs.replaceAll(in -> renames.getOrDefault(in, in));
        }
        List<StageDescription> stages = new ArrayList<>();
        String previous = NetworkResolver.INPUT;
        for (Group g : groups) {
            if (g.drafts().isEmpty()) {
                continue;
            }
            List<NodeDescription> nodes = new ArrayList<>();
            if (repeatable(g)) {
                Draft first = g.drafts().get(0);
                boolean readsPrevious = first.inputs.size() == 1 && first.inputs.get(0).equals(previous);
                nodes.add(first.describe(g.name(), readsPrevious, g.drafts().size()));
                previous = g.drafts().get(g.drafts().size() - 1).id;
            } else {
                for (Draft d : g.drafts()) {
                    boolean readsPrevious = d.inputs.size() == 1 && d.inputs.get(0).equals(previous);
                    nodes.add(d.describe(d.id, readsPrevious, 1));
                    previous = d.id;
                }
            }
            stages.add(new StageDescription(g.name(), nodes, 0));
        }
        return stages;
    }

    /** Blocks only, the copies after the first identical to it but for its stride, each reading the one before. */
    private static boolean repeatable(Group g) {
        List<Draft> ds = g.drafts();
        if (ds.size() < 2 || ds.stream().anyMatch(d -> d.form != Form.BLOCK)) {
            return false;
        }
        Draft first = ds.get(0);
        Map<String, Object> want = new LinkedHashMap<>(first.params);
        want.remove("stride");
        for (int i = 1; i < ds.size(); i++) {
            Draft d = ds.get(i);
            Map<String, Object> p = new LinkedHashMap<>(d.params);
            Object stride = p.remove("stride");
            if (!d.kind.equals(first.kind) || !p.equals(want) || (stride != null && !Objects.equals(stride, 1))
                    || !d.children.equals(first.children)
                    || d.inputs.size() != 1 || !d.inputs.get(0).equals(ds.get(i - 1).id)) {
                return false;
            }
        }
        return true;
    }
}
