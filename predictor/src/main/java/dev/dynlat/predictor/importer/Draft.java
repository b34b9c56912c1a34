package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.workload.NodeDescription;
import dev.dynlat.predictor.workload.NodeDescription.Form;
import dev.dynlat.predictor.workload.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dynlat node being built from ONNX nodes: mutable while fusions and block recognition rewrite
 * the list, then frozen into a {@link NodeDescription}.
 */
final class Draft {
    String id;
    final Form form;
    final String kind;
    final Map<String, Object> params = new LinkedHashMap<>();
    final List<String> inputs = new ArrayList<>();
    /** The layers of a generic residual block's body (empty for every other draft). */
    final List<NodeDescription> children = new ArrayList<>();
    final Shape in;
    final Shape out;

    Draft(String id, Form form, String kind, Shape in, Shape out) {
        this.id = id;
        this.form = form;
        this.kind = kind;
        this.in = in;
        this.out = out;
    }

    boolean is(String opKind) {
        return form == Form.OP && kind.equals(opKind);
    }

    int intParam(String key, int dflt) {
        Object v = params.get(key);
        return v == null ? dflt : ((Number) v).intValue();
    }

    Object act() {
        return params.get("act");
    }

    /** The description; {@code inputs} are left out when the node reads the previous node's output. */
    NodeDescription describe(String id, boolean readsPrevious, int repeat) {
        List<String> in = readsPrevious ? List.of() : inputs;
        return new NodeDescription(id, form, kind, params, in, repeat, true, null, children, 0);
    }
}
